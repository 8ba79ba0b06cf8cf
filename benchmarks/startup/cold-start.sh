#!/usr/bin/env bash
# Cold start of a flare JAR: from `java -jar FLARE.jar` to its first successful response on
# loopback, RUNS times, against a bare JVM serving "hello" on the same HttpServer (BareServer.java)
# measured in the same run, alternating the two so that drifting load hits both. Prints each
# median, their ratio and the load average. Every wait is bounded; servers stop with SIGTERM.
#   cold-start.sh FLARE.jar [RUNS=10] [JAVA=java] [EXTRA JVM FLAGS...]
# Example: benchmarks/startup/cold-start.sh target/hello.jar 10 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
set -euo pipefail
JAR="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
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

# milliseconds from launching "$@" until GET / on $PORT answers; at most 30 s
time_to_first_response() {
  local start end
  start=$(date +%s%N)
  (cd "$WORK" && exec "$@") >/dev/null 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 3000); do
    if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; then
      end=$(date +%s%N)
      echo $(( (end - start) / 1000000 ))
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

: >"$WORK/flare.txt"; : >"$WORK/bare.txt"
for _ in $(seq "$RUNS"); do
  time_to_first_response "$JAVA" "${EXTRA[@]}" -jar "$JAR" --port "$PORT" >>"$WORK/flare.txt"
  time_to_first_response "$JAVA" "${EXTRA[@]}" -cp "$WORK/bare" BareServer "$PORT" >>"$WORK/bare.txt"
done
flare=$(median <"$WORK/flare.txt"); bare=$(median <"$WORK/bare.txt")
echo "java: $("$JAVA" -version 2>&1 | head -1)"
echo "flags: ${EXTRA[*]:-(none)}"
echo "flare $(basename "$JAR"): median ${flare} ms of $RUNS ($(tr '\n' ' ' <"$WORK/flare.txt"))"
echo "bare JVM + HttpServer: median ${bare} ms of $RUNS ($(tr '\n' ' ' <"$WORK/bare.txt"))"
awk -v f="$flare" -v b="$bare" 'BEGIN {printf "ratio flare/bare: %.2f\n", f / b}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
