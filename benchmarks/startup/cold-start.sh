#!/usr/bin/env bash
# Cold start of a flare JAR: from `java -jar FLARE.jar` to its first successful response on
# loopback, RUNS times, against a bare JVM serving "hello" on the same HttpServer (BareServer.java)
# measured in the same run, alternating them so that drifting load hits all alike. Prints each
# median (wall clock, and the CPU time the process had used when it answered), the ratios and the
# load average. Every wait is bounded; servers stop with SIGTERM.
#   cold-start.sh FLARE.jar[@FLAG...][,OTHER.jar[@FLAG...]...] [RUNS=10] [JAVA=java] [EXTRA JVM FLAGS...]
# Several comma-separated JARs (an A/B of two builds) are alternated in every round. JVM flags after
# '@' apply to that JAR alone (hello.jar,hello.jar@-XX:SharedArchiveFile=hello.jsa compares a start
# with and without an archive); EXTRA flags apply to every start, the bare JVM's too.
# Example: benchmarks/startup/cold-start.sh target/hello.jar 10 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
set -euo pipefail
IFS=, read -r -a GIVEN <<<"$1"
JARS=()
OWN_FLAGS=()
for g in "${GIVEN[@]}"; do
  j="${g%%@*}"
  JARS+=("$(cd "$(dirname "$j")" && pwd)/$(basename "$j")")
  if [[ $g == *@* ]]; then OWN_FLAGS+=("${g#*@}"); else OWN_FLAGS+=(""); fi
done
RUNS="${2:-10}"
JAVA="${3:-java}"
shift $(( $# < 3 ? $# : 3 ))
EXTRA=("$@")
HERE="$(cd "$(dirname "$0")" && pwd)"
PORT=18190
WORK="$(mktemp -d)"
SERVER_PID=""

stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT

JAVAC="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/javac"
"$JAVAC" -d "$WORK/bare" "$HERE/BareServer.java"

TICKS=$(getconf CLK_TCK)

# "WALL CPU": milliseconds from launching "$@" until GET / on $PORT answers, and the CPU time
# (user + system, all threads) the process had used by then; at most 30 s
time_to_first_response() {
  local start end cpu
  start=$(date +%s%N)
  (cd "$WORK" && exec "$@") >/dev/null 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 3000); do
    if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; then
      end=$(date +%s%N)
      cpu=$(awk -v t="$TICKS" '{print int(($14 + $15) * 1000 / t)}' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0)
      echo "$(( (end - start) / 1000000 )) $cpu"
      stop_server
      return 0
    fi
    sleep 0.01
  done
  stop_server
  echo "cold-start: no answer on port $PORT within 30 s: $*" >&2
  return 1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

: >"$WORK/bare.txt"
for i in "${!JARS[@]}"; do : >"$WORK/flare$i.txt"; done
for _ in $(seq "$RUNS"); do
  for i in "${!JARS[@]}"; do
    own=()
    if [[ -n ${OWN_FLAGS[$i]} ]]; then IFS=@ read -r -a own <<<"${OWN_FLAGS[$i]}"; fi
    time_to_first_response "$JAVA" "${EXTRA[@]}" "${own[@]}" -jar "${JARS[$i]}" --port "$PORT" \
      >>"$WORK/flare$i.txt"
  done
  time_to_first_response "$JAVA" "${EXTRA[@]}" -cp "$WORK/bare" BareServer "$PORT" >>"$WORK/bare.txt"
done
bare=$(cut -d' ' -f1 "$WORK/bare.txt" | median); bare_cpu=$(cut -d' ' -f2 "$WORK/bare.txt" | median)
echo "java: $("$JAVA" -version 2>&1 | head -1)"
echo "flags: ${EXTRA[*]:-(none)}"
for i in "${!JARS[@]}"; do
  f="$WORK/flare$i.txt"
  flare=$(cut -d' ' -f1 "$f" | median); cpu=$(cut -d' ' -f2 "$f" | median)
  label="$(basename "${JARS[$i]}")${OWN_FLAGS[$i]:+ ${OWN_FLAGS[$i]//@/ }}"
  echo "flare $label: median ${flare} ms of $RUNS ($(cut -d' ' -f1 "$f" | tr '\n' ' ')), CPU ${cpu} ms"
  awk -v f="$flare" -v b="$bare" -v c="$cpu" -v d="$bare_cpu" \
    'BEGIN {printf "  ratio to bare: %.2f (wall), %.2f (CPU)\n", f / b, c / d}'
done
echo "bare JVM + HttpServer: median ${bare} ms of $RUNS ($(cut -d' ' -f1 "$WORK/bare.txt" | tr '\n' ' ')), CPU ${bare_cpu} ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
