#!/usr/bin/env python3
"""CPU time of a flare's cold start, to the microsecond: from `java -jar FLARE.jar` to its first
successful response on loopback, RUNS rounds alternating the JARs (and a bare JVM serving "hello"
on the same HttpServer, BareServer.java). At the first response the process is killed with SIGKILL
and its CPU time (user + system, all threads, ended ones too) is read from wait4(): the kernel
keeps it in nanoseconds, where /proc's figures that cold-start.sh and start-threads.sh read count
10 ms ticks. On a loaded machine CPU time moves far less than wall time, so this is the A/B to
trust there; what SIGKILL saves (the JVM's shutdown) is not counted.

    start-cpu.py FLARE.jar[,OTHER.jar...] [RUNS=15] [JAVA=java]

Prints, per JAR: median and mean CPU and wall time, and the CPU ratio to the bare JVM's.
"""
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

PORT = 18192


def first_response(argv, cwd):
    """(wall ms, CPU ms) of one start of argv, to its first answer on PORT."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=1) as r:
                r.read()
            break
        except OSError:
            time.sleep(0.005)
    else:
        proc.kill()
        proc.wait()
        sys.exit(f"start-cpu: no answer on port {PORT} within 30 s: {' '.join(argv)}")
    wall = (time.monotonic() - start) * 1000
    os.kill(proc.pid, signal.SIGKILL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = -9  # reaped here, not by Popen
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    jars = [os.path.abspath(j) for j in sys.argv[1].split(",")]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    java = sys.argv[3] if len(sys.argv) > 3 else "java"
    here = os.path.dirname(os.path.abspath(__file__))
    javac = os.path.join(os.path.dirname(os.path.realpath(subprocess.check_output(
        ["bash", "-c", f'command -v "{java}"'], text=True).strip())), "javac")
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([javac, "-d", f"{work}/bare", f"{here}/BareServer.java"], check=True)
        results = {j: [] for j in jars}
        bare = []
        for _ in range(runs):
            for j in jars:
                results[j].append(first_response([java, "-jar", j, "--port", str(PORT)], work))
            bare.append(first_response([java, "-cp", f"{work}/bare", "BareServer", str(PORT)], work))
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    print(f"java: {version.splitlines()[0]}; {runs} rounds")
    bare_cpu = statistics.median(c for _, c in bare)
    for name, samples in [(os.path.basename(j), results[j]) for j in jars] + [("bare JVM", bare)]:
        cpu = [c for _, c in samples]
        wall = [w for w, _ in samples]
        print(f"{name}: CPU median {statistics.median(cpu):.1f} ms, mean {statistics.mean(cpu):.1f}"
              f" (ratio to bare {statistics.median(cpu) / bare_cpu:.2f}); wall median"
              f" {statistics.median(wall):.0f} ms, mean {statistics.mean(wall):.0f}")
    with open("/proc/loadavg") as f:
        print(f"load average: {' '.join(f.read().split()[:3])} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
