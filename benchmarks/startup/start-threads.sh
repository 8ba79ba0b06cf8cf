#!/usr/bin/env bash
# Where a flare's start-up spends its CPU: from `java -jar FLARE.jar` to its first successful
# response, the CPU time (user + system) of each group of the process's threads at that moment,
# RUNS rounds, alternating the JARs; prints each JAR's medians. On a loaded machine the main
# thread's CPU is steadier than wall-clock time, and it is the start-up's critical path.
#   start-threads.sh FLARE.jar[@FLAG...][,OTHER.jar[@FLAG...]...] [RUNS=10] [JAVA=java]
# JVM flags after '@' apply to that JAR alone, as in cold-start.sh.
# Groups: main (the `java` threads), request (the JDK server's dispatcher and handler threads,
# virtual threads' carriers), jit, gc, other live threads, and ended (threads that had finished,
# mostly the start-up's second thread, read as the process's total minus the live threads').
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
PORT=18191
TICKS=$(getconf CLK_TCK)
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

# one line "wall=MS main=MS request=MS jit=MS gc=MS other=MS ended=MS" for one start of "$@"
one_start() {
  local start end
  start=$(date +%s%N)
  (cd "$WORK" && exec "$@") >/dev/null 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 3000); do
    if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; then
      end=$(date +%s%N)
      local total
      total=$(cut -d')' -f2 "/proc/$SERVER_PID/stat" | awk '{print $12 + $13}')
      for t in /proc/"$SERVER_PID"/task/*; do
        echo "$(cat "$t/comm" 2>/dev/null)|$(cut -d')' -f2 "$t/stat" 2>/dev/null | awk '{print $12 + $13}')"
      done | awk -F'|' -v tk="$TICKS" -v total="$total" -v wall=$(( (end - start) / 1000000 )) '
        { n = $1; v = $2 + 0; live += v
          if (n == "java") g = "main"
          else if (n ~ /HTTP-Dispatcher|flarec-http|ForkJoinPool/) g = "request"
          else if (n ~ /C1 Compiler|C2 Compiler|CompilerThre/) g = "jit"
          else if (n ~ /GC|G1|VM Thread/) g = "gc"
          else g = "other"
          a[g] += v }
        END { printf "wall=%d main=%d request=%d jit=%d gc=%d other=%d ended=%d\n", wall,
          a["main"] * 1000 / tk, a["request"] * 1000 / tk, a["jit"] * 1000 / tk,
          a["gc"] * 1000 / tk, a["other"] * 1000 / tk, (total - live) * 1000 / tk }'
      stop_server
      return 0
    fi
    sleep 0.01
  done
  stop_server
  echo "start-threads: no answer on port $PORT within 30 s: $*" >&2
  return 1
}

for i in "${!JARS[@]}"; do : >"$WORK/flare$i.txt"; done
for _ in $(seq "$RUNS"); do
  for i in "${!JARS[@]}"; do
    own=()
    if [[ -n ${OWN_FLAGS[$i]} ]]; then IFS=@ read -r -a own <<<"${OWN_FLAGS[$i]}"; fi
    one_start "$JAVA" "${own[@]}" -jar "${JARS[$i]}" --port "$PORT" >>"$WORK/flare$i.txt"
  done
done
echo "java: $("$JAVA" -version 2>&1 | head -1); CPU in ms at the first response, medians of $RUNS"
for i in "${!JARS[@]}"; do
  printf '%s:' "$(basename "${JARS[$i]}")${OWN_FLAGS[$i]:+ ${OWN_FLAGS[$i]//@/ }}"
  for key in wall main request jit gc other ended; do
    printf ' %s=%s' "$key" "$(grep -o "$key=[0-9]*" "$WORK/flare$i.txt" | cut -d= -f2 | sort -n |
      awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
  done
  echo
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
