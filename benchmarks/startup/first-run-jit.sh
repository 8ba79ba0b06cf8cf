#!/usr/bin/env bash
# What the JIT does during a real program's first run: compiles one program of the corpus
# (benchmarks/real-programs, built by its build.sh) to a JAR, runs it once in a fresh JVM under
# FirstRunProbe with -XX:+LogCompilation, and prints the probe's line (first_cpu_ms: the main
# thread; first_process_cpu_ms: every thread, the JIT's included) and CompilationLogSummary's
# account of the module's compiles (per tier, compiled again after a deoptimisation), its uncommon
# traps and its longest compiles. Extra JVM flags go in JAVA_OPTS.
#   benchmarks/startup/first-run-jit.sh NAME [OUT_DIR]      e.g. lua-strings, sqlite, rust-json
# Needs: mvn -o -B -q package -DskipTests -pl benchmarks -am (the script does not build).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
NAME="${1:?usage: first-run-jit.sh NAME [OUT_DIR]}"
OUT="${2:-$(mktemp -d)}"
CP="$ROOT/compiler/target/flarec.jar:$ROOT/benchmarks/target/classes"
# shellcheck source=../real-programs/probe-command.sh
source "$ROOT/benchmarks/real-programs/probe-command.sh"
corpus_probe "$NAME" 1 "$OUT"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile="$OUT/$NAME.jit.log" \
  -cp "$CP" dev.flarec.benchmarks.startup.FirstRunProbe "${PROBE[@]}" 2>&1 >/dev/null | tail -1
java -cp "$CP" dev.flarec.benchmarks.startup.CompilationLogSummary "$OUT/$NAME.jit.log" flarec.module 10
echo "log: $OUT/$NAME.jit.log"
