#!/usr/bin/env python3
"""Lines up CPU samples with the machine code C2 made of one method.

Reads the JVM's standard output of a run with -XX:CompileCommand=print,METHOD (which, without an
hsdis library the JVM can load, prints each compile's code as hex bytes with the debug comments:
bytecode index of every call and safepoint) and the sampled instruction addresses of the same
process (`perf script -F ip`). Takes the method's last C2 compile, disassembles its bytes with
objdump, and prints every instruction with the share of all samples that landed on it, the JVM's
comments above the instructions they describe.

    annotate-c2-code.py JVM_STDOUT METHOD_NAME SAMPLE_ADDRESSES > annotated.txt
"""
import collections
import re
import subprocess
import sys
import tempfile

HEX_BYTES = re.compile(r"^[0-9a-f]{2,4}( ?\|? ?[0-9a-f]{2,4})*\s*$")


def last_c2_compile(lines, method):
    """The index of the last 'Compiled method (c2)' header naming method, and its main code range."""
    # an OSR compile ("METHOD @ BCI") counts too: a method called once runs in one
    headers = [i for i, line in enumerate(lines)
               if line.startswith("Compiled method (c2)") and "::" + method + " " in line]
    if not headers:
        sys.exit("annotate-c2-code.py: C2 has not compiled %s in this run; try more runs" % method)
    start = headers[-1]
    for line in lines[start:start + 16]:
        if "main code" in line:
            low, high = (int(a, 16) for a in re.findall(r"0x[0-9a-f]+", line))
            return start, low, high
    sys.exit("annotate-c2-code.py: no main code range under the header")


def code_and_comments(lines, start, low, high):
    """The code bytes by address, and the comments printed before each address."""
    code = {}
    comments = collections.defaultdict(list)
    current = None
    for line in lines[start + 1:]:
        if line.startswith("Compiled method"):
            break
        match = re.match(r"\s*(0x[0-9a-f]+): (.*)", line)
        if match:
            address, rest = int(match.group(1), 16), match.group(2).strip()
            if rest.startswith(";"):
                comments[address].append(rest)
                current = address
            elif low <= address < high and HEX_BYTES.match(rest):
                for k, byte in enumerate(bytes.fromhex(rest.replace("|", "").replace(" ", ""))):
                    code[address + k] = byte
        elif line.strip().startswith(";") and current is not None:
            comments[current].append(line.strip())
    return code, comments


def main():
    stdout_file, method, samples_file = sys.argv[1:4]
    lines = open(stdout_file, errors="replace").read().split("\n")
    start, low, high = last_c2_compile(lines, method)
    code, comments = code_and_comments(lines, start, low, high)
    samples = collections.Counter()
    total = 0
    for line in open(samples_file):
        word = line.strip()
        if re.fullmatch(r"[0-9a-f]+", word):
            samples[int(word, 16)] += 1
            total += 1
    with tempfile.NamedTemporaryFile(suffix=".bin") as blob:
        blob.write(bytes(code.get(a, 0x90) for a in range(low, high)))
        blob.flush()
        listing = subprocess.run(
            ["objdump", "-D", "-b", "binary", "-mi386:x86-64", "-Mintel",
             "--adjust-vma=%#x" % low, blob.name],
            capture_output=True, text=True, check=True).stdout
    inside = sum(n for a, n in samples.items() if low <= a < high)
    print("# %s: last C2 compile, code %#x-%#x; %.1f%% of %d samples land in it"
          % (method, low, high, 100.0 * inside / max(total, 1), total))
    # a comment's address can fall inside an instruction (a call's return address, as the JVM
    # records it): it is printed before the first instruction at or after it
    pending = sorted(comments)
    for line in listing.split("\n"):
        match = re.match(r"\s*([0-9a-f]+):\s", line)
        if not match:
            continue
        address = int(match.group(1), 16)
        while pending and pending[0] <= address:
            for comment in comments[pending.pop(0)]:
                print("            " + comment[:160])
        hits = samples.get(address, 0)
        print(("%5.2f%% " % (100.0 * hits / total) if hits else "       ") + line)


if __name__ == "__main__":
    main()
