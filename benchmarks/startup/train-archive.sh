#!/usr/bin/env bash
# One training run for class-data sharing: starts `java FLAGS -jar FLARE.jar`, waits for its first
# successful response on loopback, then stops it with SIGTERM, so that the JVM writes the archive
# the flags ask for when it exits. Prints the time to the first response and to the exit (writing
# the archive happens between them) and the archive's size.
#   train-archive.sh FLARE.jar ARCHIVE [JAVA=java] [KIND=dynamic]
# KIND: dynamic  -XX:ArchiveClassesAtExit=ARCHIVE (AppCDS, Java 13+)
#       auto     -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=ARCHIVE (Java 19+; the archive
#                is (re)written whenever it is missing or stale, and used otherwise)
#       aot      -XX:AOTCacheOutput=ARCHIVE (Java 25+; the JVM forks a second one to assemble it)
# Use the archive with -XX:SharedArchiveFile=ARCHIVE (dynamic, auto) or -XX:AOTCache=ARCHIVE (aot),
# on the command line or in JDK_JAVA_OPTIONS, with the same JVM and the same JAR path.
# Example: benchmarks/startup/train-archive.sh hello.jar hello.jsa
set -euo pipefail
JAR="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ARCHIVE="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
JAVA="${3:-java}"
KIND="${4:-dynamic}"
PORT=18192
case "$KIND" in
  dynamic) FLAGS=("-XX:ArchiveClassesAtExit=$ARCHIVE") ;;
  auto) FLAGS=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$ARCHIVE") ;;
  aot) FLAGS=("-XX:AOTCacheOutput=$ARCHIVE") ;;
  *) echo "train-archive: KIND is dynamic, auto or aot, not $KIND" >&2; exit 2 ;;
esac
LOG="$(mktemp)"
PID=""
cleanup() {
  if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null || true; fi
  rm -f "$LOG"
}
trap cleanup EXIT

start=$(date +%s%N)
"$JAVA" "${FLAGS[@]}" -jar "$JAR" --port "$PORT" >"$LOG" 2>&1 &
PID=$!
answered=""
for _ in $(seq 3000); do
  if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; then answered=yes; break; fi
  sleep 0.01
done
first=$(date +%s%N)
if [[ -z $answered ]]; then
  echo "train-archive: no answer on port $PORT within 30 s" >&2
  exit 1
fi
kill "$PID"
# the archive is written on the way out; an AOT cache's assembly takes some seconds
for _ in $(seq 1200); do kill -0 "$PID" 2>/dev/null || break; sleep 0.05; done
wait "$PID" 2>/dev/null || true
PID=""
end=$(date +%s%N)
echo "java: $("$JAVA" -version 2>&1 | head -1); flags: ${FLAGS[*]}"
echo "first response $(( (first - start) / 1000000 )) ms, exited $(( (end - start) / 1000000 )) ms after the start"
if [[ -f $ARCHIVE ]]; then
  echo "archive $ARCHIVE: $(stat -c %s "$ARCHIVE") bytes"
else
  echo "train-archive: no archive written; the JVM said:" >&2
  tail -5 "$LOG" >&2
  exit 1
fi
