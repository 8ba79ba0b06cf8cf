#!/usr/bin/env bash
# Measures the real-program corpus (benchmarks/real-programs) on flarec, Chicory's compiler,
# node and the native build, then rewrites the real-program section of docs/benchmarks.md and
# its chart (docs/benchmarks/real-programs.png); the kernel sections are left as they are.
#   benchmarks/real-programs.sh [--only NAME,...] [--engines flarec,chicory,node,native]
# Each program runs on each engine in a fresh process: compile/load, the first run (fresh
# instance, cold code), then up to LATER_RUNS more runs (each on a fresh instance) within
# BUDGET_SECONDS; steady = their median. A process still running after TIMEOUT_SECONDS is stopped
# and reported as a timeout, with whatever stages it finished. Every run's output must equal the
# native build's. ROUNDS (default 1) repeats the whole corpus that many times, the rounds one after
# another so that each engine meets the machine's slower and faster minutes alike, and the report
# takes each figure's median over the rounds. Results: benchmarks/target/real-programs/.
# Environment: BENCH_QUICK=1 for a smoke run (numbers not meaningful); FLAREC_CORPUS_DIR (the
# cache build.sh fills, default ~/.cache/flarec-corpus); MVN_ARGS (e.g. -o); JAVA_OPTS;
# LATER_RUNS, BUDGET_SECONDS, TIMEOUT_SECONDS, ROUNDS to override the defaults below.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CORPUS="$ROOT/benchmarks/real-programs"
CACHE="${FLAREC_CORPUS_DIR:-$HOME/.cache/flarec-corpus}"
OUT="$ROOT/benchmarks/target/real-programs"
ONLY=""
ENGINES="flarec,chicory,node,native"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --engines) ENGINES="$2"; shift 2 ;;
    *) echo "usage: real-programs.sh [--only NAME,...] [--engines flarec,chicory,node,native]" >&2; exit 2 ;;
  esac
done
if [[ ${BENCH_QUICK:-0} == 1 ]]; then
  LATER_RUNS="${LATER_RUNS:-2}"; BUDGET_SECONDS="${BUDGET_SECONDS:-5}"; TIMEOUT_SECONDS="${TIMEOUT_SECONDS:-60}"
else
  LATER_RUNS="${LATER_RUNS:-10}"; BUDGET_SECONDS="${BUDGET_SECONDS:-20}"; TIMEOUT_SECONDS="${TIMEOUT_SECONDS:-180}"
fi
ROUNDS="${ROUNDS:-1}"
log() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }

programs=()
while IFS=$'\t' read -r name _; do
  [[ -z $name || $name == \#* ]] && continue
  [[ -z $ONLY || ",$ONLY," == *",$name,"* ]] && programs+=("$name")
done <"$CORPUS/programs.tsv"
[[ ${#programs[@]} -gt 0 ]] || { echo "real-programs.sh: no program matches --only $ONLY" >&2; exit 2; }

log "corpus (build.sh: builds what is missing or stale, recomputes the expected outputs)"
FLAREC_CORPUS_DIR="$CACHE" "$CORPUS/build.sh" "$(IFS=,; echo "${programs[*]}")"

log "build (mvn package of flarec and the benchmarks)"
rm -rf "$OUT"
mkdir -p "$OUT/lib" "$OUT/logs"
# shellcheck disable=SC2086
mvn -B -q package -DskipTests -pl benchmarks -am ${MVN_ARGS:-}
cp benchmarks/target/flarec-benchmarks-*.jar "$OUT/lib/"
tr ':' '\n' <benchmarks/target/classpath.txt | xargs -I{} cp {} "$OUT/lib/"
CP="$(ls "$OUT"/lib/*.jar | tr '\n' ':')"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores: $(nproc)"
  echo "java: $(java -version 2>&1 | sed -n 2p)"
  echo "node: $(node --version 2>/dev/null || echo none)"
  echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "quick: ${BENCH_QUICK:-0}"
  echo "later_runs: $LATER_RUNS"
  echo "budget_seconds: $BUDGET_SECONDS"
  echo "timeout_seconds: $TIMEOUT_SECONDS"
  echo "rounds: $ROUNDS"
} >"$OUT/machine.txt"

# one program on one engine; appends its result line to results.jsonl
measure() {
  local name="$1" engine="$2" log="$OUT/logs/$1-$2" status=0 line
  local args=("$CORPUS/programs.tsv" "$CACHE" "$name" "$LATER_RUNS" "$BUDGET_SECONDS")
  if [[ $engine == node ]]; then
    # --single-threaded-gc: node 20's concurrent GC crashed on the second instance of a Rust program
    timeout "$TIMEOUT_SECONDS" node --no-warnings --single-threaded-gc \
      benchmarks/node/run-real-program.mjs "${args[@]}" </dev/null >"$log.out" 2>"$log.err" || status=$?
  else
    # shellcheck disable=SC2086
    timeout "$TIMEOUT_SECONDS" java ${JAVA_OPTS:-} -cp "$CP" dev.flarec.benchmarks.realprogram.RealProgramMain \
      "$engine" "${args[@]}" </dev/null >"$log.out" 2>"$log.err" || status=$?
  fi
  line="$(grep '^{' "$log.out" | tail -1 || true)"
  [[ -n $line ]] || line="{\"program\": \"$name\", \"engine\": \"$engine\"}"
  if [[ $status == 124 ]]; then
    line="${line%\}}, \"timeout_seconds\": $TIMEOUT_SECONDS}"
  elif [[ $line != *'"complete"'* ]]; then
    line="${line%\}}, \"error\": \"exited with status $status: $(tail -1 "$log.err" | tr -d '"\\' | cut -c1-120)\"}"
  fi
  if grep -q 'using interpreted mode' "$log.err" 2>/dev/null; then
    line="${line%\}}, \"interpreted_functions\": $(grep -c 'using interpreted mode' "$log.err")}"
  fi
  echo "$line" >>"$OUT/results.jsonl"
  echo "$line"
}

IFS=, read -r -a engines <<<"$ENGINES"
for round in $(seq "$ROUNDS"); do
  for name in "${programs[@]}"; do
    log "$name (round $round of $ROUNDS)"
    for engine in "${engines[@]}"; do
      measure "$name" "$engine"
    done
  done
done
echo "load_after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

log "report"
java -cp "$CP" dev.flarec.benchmarks.report.RealProgramReportMain "$OUT" docs/benchmarks.md docs/benchmarks
