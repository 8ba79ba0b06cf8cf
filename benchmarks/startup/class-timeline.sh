#!/usr/bin/env bash
# Where a flare's start-up goes, by class loading: RUNS starts of `java -jar FLARE.jar` with
# -Xlog:class+load, each to its first successful response, then the medians of when the main thread
# first loaded each step's marker class (JVM uptime, ms) and of the class counts to the response:
# all, the main thread's, flarec's, and the classes the main thread spun (LambdaForms, lambdas,
# string concatenations). Logging slows every step: compare steps and builds, not totals.
#   class-timeline.sh FLARE.jar[@FLAG...] [RUNS=5] [JAVA=java]
# Example: benchmarks/startup/class-timeline.sh hello.jar 5 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
set -euo pipefail
GIVEN="$1"
J="${GIVEN%%@*}"
JAR="$(cd "$(dirname "$J")" && pwd)/$(basename "$J")"
OWN=()
if [[ $GIVEN == *@* ]]; then IFS=@ read -r -a OWN <<<"${GIVEN#*@}"; fi
RUNS="${2:-5}"
JAVA="${3:-java}"
PORT=18193
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

# The steps, in the order the main thread meets them: a label and the class that marks its start.
STEPS=(
  "main class|dev.flarec.hostabi.launch.FlareMain"
  "finding the flare|dev.flarec.runtime.launch.BundledModule"
  "reading the descriptor|dev.flarec.runtime.instance.Module"
  "options and configuration|dev.flarec.hostabi.launch.LaunchOptions"
  "node services|dev.flarec.hostabi.abi.HostServices"
  "server executors|dev.flarec.hostabi.server.ServerExecutors"
  "server socket|java.net.ServerSocket"
  "instance pool|dev.flarec.hostabi.pool.InstancePool"
  "instantiation done|dev.flarec.runtime.instance.Instantiator\$1"
)
# (builds before 2026-12-04's fifth pass made the instance pool before the server's executors)

for run in $(seq "$RUNS"); do
  log="$WORK/run$run.log"
  start=$(date +%s%N)
  (cd "$WORK" && exec "$JAVA" "${OWN[@]}" "-Xlog:class+load=info:file=$log:uptime,tid" \
    -jar "$JAR" --port "$PORT") >/dev/null 2>&1 &
  SERVER_PID=$!
  answered=""
  for _ in $(seq 3000); do
    if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; then answered=yes; break; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  stop_server
  if [[ -z $answered ]]; then echo "class-timeline: no answer on port $PORT within 15 s" >&2; exit 1; fi
  # one line per run: "response=MS all=N main=N flarec=N spun=N last_main=MS" then "step|MS" lines
  awk -v resp=$(( (end - start) / 1000000 )) -v steps="$(printf '%s\n' "${STEPS[@]}")" '
    BEGIN { n = split(steps, s, "\n"); for (i = 1; i <= n; i++) { split(s[i], p, "|"); marker[p[2]] = p[1] } }
    {
      if (!match($0, /^\[[0-9.]+s\]\[[0-9]+\] /)) next
      head = substr($0, 2, RLENGTH - 3); split(head, h, "s\\]\\[")
      t = h[1] * 1000; tid = h[2]
      if (t > resp) exit
      name = $2; src = $0; sub(/^.* source: /, "", src)
      if (main == "") main = tid
      all++
      if (name ~ /^(dev\.flarec\.|flarec\.module\.)/) flarec++
      if (tid != main) next
      own++; last = t
      if (src ~ /LookupDefineClass/ || name ~ /\$\$StringConcat/ || (name ~ /\$\$Lambda/ && src !~ /shared/)) spun++
      if ((name in marker) && !(name in seen)) { seen[name] = 1; printf "%s|%d\n", marker[name], t }
    }
    END { printf "response=%d all=%d main=%d flarec=%d spun=%d last_main=%d\n", resp, all, own, flarec, spun, last }
  ' "$log" >"$WORK/summary$run.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); else print "-"}'; }
echo "java: $("$JAVA" -version 2>&1 | head -1); $(basename "$JAR")${OWN[*]:+ ${OWN[*]}}; medians of $RUNS starts"
echo "main thread's first load of each step's marker (JVM uptime):"
for step in "${STEPS[@]}"; do
  label="${step%%|*}"
  printf '  %-28s %s ms\n' "$label" "$(cat "$WORK"/summary*.txt | grep -F "$label|" | cut -d'|' -f2 | median)"
done
printf '  %-28s %s ms\n' "main thread's last load" \
  "$(grep -ho 'last_main=[0-9]*' "$WORK"/summary*.txt | cut -d= -f2 | median)"
printf '  %-28s %s ms (wall, from launch)\n' "first response" \
  "$(grep -ho 'response=[0-9]*' "$WORK"/summary*.txt | cut -d= -f2 | median)"
printf 'classes to the first response:'
for key in all main flarec spun; do
  printf ' %s=%s' "$key" "$(grep -ho " $key=[0-9]*" "$WORK"/summary*.txt | cut -d= -f2 | median)"
done
echo " (main: loaded by the main thread; spun: of those, made at run time)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
