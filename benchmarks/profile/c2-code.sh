#!/usr/bin/env bash
# Where a program's steady state spends its time inside one compiled method, instruction by
# instruction: compiles one program of the corpus (benchmarks/real-programs, built by its build.sh)
# to a JAR, runs it RUNS times in one JVM under FirstRunProbe with `perf record -e cpu-clock`, has
# the JVM print the method's code (-XX:CompileCommand=print; without an hsdis library the JVM can
# load it prints hex, which is all this needs), and lines the samples up with the last C2 compile
# of the method (annotate-c2-code.py). The listing goes to OUT_DIR/METHOD.c2.txt, its first line
# saying what share of all samples the method's code took; JFR's bytecode indices cannot say this,
# as they charge each sample to the next call or safepoint.
#   benchmarks/profile/c2-code.sh NAME CLASS::METHOD [RUNS] [OUT_DIR]
#   e.g. benchmarks/profile/c2-code.sh lua-fib 'flarec.module.Lua$Part0::func550' 30
# The class of a function or run: `javap -p -cp PROGRAM.jar 'flarec.module.Lua$Part0'`, or JFR's
# execution samples. Needs linux-perf and binutils' objdump, and
# mvn -o -B -q package -DskipTests (the script does not build). Extra JVM flags go in JAVA_OPTS.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
NAME="${1:?usage: c2-code.sh NAME CLASS::METHOD [RUNS] [OUT_DIR]}"
METHOD="${2:?usage: c2-code.sh NAME CLASS::METHOD [RUNS] [OUT_DIR]}"
RUNS="${3:-20}"
OUT="${4:-$(mktemp -d)}"
CP="$ROOT/compiler/target/flarec.jar:$ROOT/benchmarks/target/classes"
for tool in perf objdump python3; do
  command -v "$tool" >/dev/null || { echo "c2-code.sh: needs $tool" >&2; exit 2; }
done
# shellcheck source=../real-programs/probe-command.sh
source "$ROOT/benchmarks/real-programs/probe-command.sh"
corpus_probe "$NAME" "$RUNS" "$OUT"
short="${METHOD##*::}"
# shellcheck disable=SC2086
perf record -q -e cpu-clock -F 4000 -o "$OUT/$short.perf" -- \
  java ${JAVA_OPTS:-} -XX:+UnlockDiagnosticVMOptions "-XX:CompileCommand=print,$METHOD" \
  -cp "$CP" dev.flarec.benchmarks.startup.FirstRunProbe "${PROBE[@]}" >"$OUT/$short.jvm.txt" 2>&1
grep '^load_ms=' "$OUT/$short.jvm.txt" || true
perf script -i "$OUT/$short.perf" -F ip 2>/dev/null >"$OUT/$short.ips"
python3 "$ROOT/benchmarks/profile/annotate-c2-code.py" "$OUT/$short.jvm.txt" "$short" \
  "$OUT/$short.ips" >"$OUT/$short.c2.txt"
head -1 "$OUT/$short.c2.txt"
echo "listing: $OUT/$short.c2.txt"
