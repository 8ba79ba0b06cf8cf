#!/usr/bin/env bash
# Runs the whole benchmark set and writes docs/benchmarks.md (plus charts in docs/benchmarks/).
# About 15-20 minutes on a 2-core machine. Steps, all results under benchmarks/target/results:
#   1. build flarec and the benchmarks (mvn), copy the class path so later builds cannot change it
#   2. native: each kernel compiled by gcc -O2 with native/harness.c, timed (before and after JMH)
#   3. node: the same .wasm files under V8 (node/run-kernels.mjs; before and after JMH)
#   4. JMH: kernels on flarec / Chicory compiler / Chicory interpreter, hand-written Java, the
#      one-big-function kernel, the request path in process; then short profiling runs
#   5. wrk on loopback: the hello and hash flares (java -jar FLARE.jar) against a plain
#      HttpHandler on the same HttpServer set-up, alternating, bounded in time
#   6. compile cost of a generated 5,000-function module; start-up to first response
#   7. the report: dev.flarec.benchmarks.report.ReportMain
# Environment: BENCH_QUICK=1 for a smoke run of a few minutes (numbers not meaningful);
# MVN_ARGS for extra Maven arguments (e.g. -o).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/benchmarks/target/results"
QUICK="${BENCH_QUICK:-0}"
rm -rf "$OUT"
mkdir -p "$OUT/lib" "$OUT/native" "$OUT/profiles" "$OUT/servers"
log() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }

if [[ $QUICK == 1 ]]; then
  JMH_OPTS=(-f 1 -wi 1 -w 1 -i 1 -r 1); EXT_SECONDS=0.6; WRK_WARM=2; WRK_TIME=3; WRK_ROUNDS=1
  STARTUP_RUNS=1; LARGE_FUNCTIONS=5000
else
  JMH_OPTS=(); EXT_SECONDS=3; WRK_WARM=8; WRK_TIME=12; WRK_ROUNDS=2
  STARTUP_RUNS=5; LARGE_FUNCTIONS=5000
fi

log "machine"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores: $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "os: $(uname -sr)"
  echo "java: $(java -version 2>&1 | sed -n 2,3p | tr '\n' ' ')"
  echo "node: $(node --version 2>/dev/null || echo none)"
  echo "gcc: $(gcc --version 2>/dev/null | head -1 || echo none)"
  echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "quick: $QUICK"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt"

log "build (mvn install of flarec and the benchmarks)"
# shellcheck disable=SC2086
mvn -B -q install -DskipTests -pl benchmarks,dist -am ${MVN_ARGS:-}
cp benchmarks/target/flarec-benchmarks-*.jar "$OUT/lib/"
tr ':' '\n' <benchmarks/target/classpath.txt | xargs -I{} cp {} "$OUT/lib/"
cp compiler/target/flarec.jar "$OUT/flarec.jar"
CP="$(ls "$OUT"/lib/*.jar | tr '\n' ':')"
JAVA_TOOL=(java -cp "$CP")

# native and node run twice, before and after JMH; the report keeps each kernel's faster pass,
# so a burst of load from other work on a shared machine penalises the references less (which
# errs against flarec, never for it)
if command -v gcc >/dev/null; then
  while IFS=$'\t' read -r name _; do
    [[ -z $name || $name == \#* ]] && continue
    gcc -O2 -o "$OUT/native/$name" "benchmarks/kernels/$name.c" benchmarks/native/harness.c -lm
  done <benchmarks/kernels/kernels.tsv
else
  echo "gcc not found: native not measured" | tee "$OUT/native.skipped"
fi
command -v node >/dev/null || echo "node not found: V8 not measured" | tee "$OUT/node.skipped"

externals() {
  local pass="$1"
  log "native (gcc -O2), pass $pass"
  if [[ ! -f $OUT/native.skipped ]]; then
    while IFS=$'\t' read -r name bench_n _check_n expected _; do
      [[ -z $name || $name == \#* ]] && continue
      printf '{"kernel": "%s", %s\n' "$name" "$("$OUT/native/$name" "$bench_n" "$expected" "$EXT_SECONDS" | sed 's/^{//')" \
        | tee -a "$OUT/native-$pass.jsonl"
    done <benchmarks/kernels/kernels.tsv
  fi
  log "node (V8), pass $pass"
  if [[ ! -f $OUT/node.skipped ]]; then
    node benchmarks/node/run-kernels.mjs benchmarks/kernels "$EXT_SECONDS" | tee "$OUT/node-$pass.jsonl"
  fi
}
externals 1

log "JMH"
"${JAVA_TOOL[@]}" org.openjdk.jmh.Main \
  'KernelBenchmark|JavaBaselineBenchmark|BigFunction|RequestPathBenchmark' \
  "${JMH_OPTS[@]}" -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/jmh.log" | grep -E '^(# Parameters|# Benchmark:|Iteration|Benchmark|[A-Z][A-Za-z]+\.run|.*Exception)' || true
[[ -s $OUT/jmh.json ]] || { echo "JMH wrote no results" >&2; exit 1; }

externals 2

log "profiles (short JMH runs with -prof stack / gc, and PrintCompilation for the big function)"
PROF_OPTS=(-f 1 -wi 2 -w 1 -i 2 -r 1)
"${JAVA_TOOL[@]}" org.openjdk.jmh.Main 'KernelBenchmark' -p engine=FLAREC -p kernel=sort,hashmap,indirect,memops,collatz \
  "${PROF_OPTS[@]}" -prof "stack:lines=2;top=8" >"$OUT/profiles/kernels-stack.txt" 2>&1 || true
"${JAVA_TOOL[@]}" org.openjdk.jmh.Main 'RequestPathBenchmark' -p impl=FLAREC \
  "${PROF_OPTS[@]}" -prof gc -prof "stack:lines=3;top=8" >"$OUT/profiles/request-path.txt" 2>&1 || true
for engine in FLAREC FLAREC_UNSPLIT; do
  "${JAVA_TOOL[@]}" -XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation \
    dev.flarec.benchmarks.engine.EngineProbe bigfunc "$engine" 12 \
    >"$OUT/profiles/bigfunc-$engine-compilation.txt" 2>&1 || true
done

log "request path over the network (wrk on loopback)"
if ! command -v wrk >/dev/null && [[ $(id -u) == 0 ]]; then
  apt-get install -y -q wrk >/dev/null 2>&1 || true
fi
if command -v wrk >/dev/null; then
  for flare in hello hash; do
    wasm="examples/hello/hello.wasm"; [[ $flare == hash ]] && wasm="benchmarks/flares/hash.wasm"
    java -jar "$OUT/flarec.jar" "$wasm" -o "$OUT/servers/$flare.jar" >/dev/null
  done
  BENCH_CP="$CP" bash benchmarks/wrk/load-test.sh "$OUT" "$WRK_WARM" "$WRK_TIME" "$WRK_ROUNDS"
else
  echo "wrk is not installed and could not be: request path over HTTP not measured" | tee "$OUT/wrk.skipped"
fi

log "compile cost of a large module ($LARGE_FUNCTIONS functions)"
java -Xmx2g -cp "$CP" dev.flarec.benchmarks.startup.CompileCost "$LARGE_FUNCTIONS" "$OUT/large.wasm" \
  | tee "$OUT/compile.json"
"${JAVA_TOOL[@]}" dev.flarec.benchmarks.startup.StartupProbe exit "flarec large.wasm (command line, whole process)" 1 \
  java -jar "$OUT/flarec.jar" "$OUT/large.wasm" -o "$OUT/large.jar" | tee -a "$OUT/startup.jsonl"

log "start-up to first response"
if [[ -f $OUT/servers/hello.jar ]]; then
  (cd "$OUT/servers" && "${JAVA_TOOL[@]}" dev.flarec.benchmarks.startup.StartupProbe http "java -jar hello.jar (flare server)" 18090 "$STARTUP_RUNS" \
    java -jar hello.jar --port 18090) | tee -a "$OUT/startup.jsonl"
fi
"${JAVA_TOOL[@]}" dev.flarec.benchmarks.startup.StartupProbe http "plain HttpHandler (same HttpServer set-up)" 18091 "$STARTUP_RUNS" \
  java -cp "$CP" dev.flarec.benchmarks.request.PlainServer hello 18091 | tee -a "$OUT/startup.jsonl"
java -jar "$OUT/flarec.jar" examples/factorial/factorial.wasm -o "$OUT/factorial.jar" >/dev/null
"${JAVA_TOOL[@]}" dev.flarec.benchmarks.startup.StartupProbe exit "java -jar factorial.jar --invoke fac 20" "$STARTUP_RUNS" \
  java -jar "$OUT/factorial.jar" --invoke fac 20 | tee -a "$OUT/startup.jsonl"

echo "load_after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

log "report"
"${JAVA_TOOL[@]}" -Djava.awt.headless=true dev.flarec.benchmarks.report.ReportMain \
  "$OUT" docs/benchmarks.md docs/benchmarks
log "done: docs/benchmarks.md"
