#!/usr/bin/env bash
# The request path over HTTP on loopback: for the hello and hash flares, the flare server
# (java -jar FLARE.jar, default configuration) and a plain HttpHandler on the same HttpServer
# set-up (dev.flarec.benchmarks.request.PlainServer), started one at a time and alternated so
# that drifting machine load hits both. Every wrk run is bounded by -d; servers are stopped with
# SIGTERM (then SIGKILL). Only 127.0.0.1 is ever addressed. For hash there are two plain
# handlers: `plain` (the JDK's MessageDigest, which uses the CPU's SHA instructions) and
# `plain-java` (SHA-256 written in Java, the same work as the flare's C). Each line also carries
# the server process's CPU time per request during the measured run (user + system, from
# /proc/PID/stat) and the load average: on a shared machine the CPU per request is the steadier
# figure of the two.
#   load-test.sh OUT WARM_SECONDS MEASURE_SECONDS ROUNDS     (class path in $BENCH_CP)
# Optional: JAVA=path/to/java (default: java on the PATH); BASELINE=DIR, another build's
# DIR/servers/{hello,hash}.jar run as impl "baseline" in every round, between the plain handler
# and this build's flare, the two flares' order swapped every other round (an A/B in one run);
# FLARES="hello" (default "hello hash"); PORT= (default 18080), for when another load test
# shares the machine.
set -euo pipefail
OUT="$1"; WARM="$2"; TIME="$3"; ROUNDS="$4"
JAVA="${JAVA:-java}"
BASELINE="${BASELINE:-}"
FLARES="${FLARES:-hello hash}"
HERE="$(cd "$(dirname "$0")" && pwd)"
PORT="${PORT:-18080}"
CONNECTIONS=16
# TCP_NODELAY on both servers. The JDK's HttpServer leaves Nagle's algorithm on unless told
# (sun.net.httpserver.nodelay): it writes headers and body separately, so with keep-alive every
# response waits for the client's delayed ACK, about 40 ms, and both servers measure ~350
# requests/s whatever they do. That is a configuration finding (docs/benchmarks.md), not the
# cost of a flare, so both servers get the same flag here.
SERVER_FLAGS="-Dsun.net.httpserver.nodelay=true"
SERVER_PID=""

stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

# user + system CPU time of a process so far, in clock ticks
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# the same for the process's threads whose name matches a pattern: the JIT compiler threads (a
# server still compiling its request path during the measured run pays for it there;
# docs/benchmarks.md, 2026-12-04) and the flare server's log writer
thread_ticks() {
  local total=0 t name
  for t in /proc/"$1"/task/*; do
    name=$(cat "$t/comm" 2>/dev/null) || continue
    # shellcheck disable=SC2053 # the pattern is a glob on purpose
    if [[ $name == $2 ]]; then
      total=$((total + $(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null || echo 0)))
    fi
  done
  echo "$total"
}
jit_ticks() {
  echo $(($(thread_ticks "$1" 'C1 CompilerThre*') + $(thread_ticks "$1" 'C2 CompilerThre*')))
}

# ticks as microseconds per request
per_request() {
  awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$2" 'BEGIN { printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0) }'
}

wait_ready() {
  for _ in $(seq 300); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/ready"; then return 0; fi
    sleep 0.1
  done
  echo "load-test: server on port $PORT did not answer within 30 s" >&2
  return 1
}

# isolation "reuse" (no per-request reset) as a third server for hello, once: how much of the
# difference is the reset
printf '[flare]\nisolation = "reuse"\n' >"$OUT/servers/reuse.toml"

for flare in $FLARES; do
  for round in $(seq "$ROUNDS"); do
    impls="plain flarec"
    [[ $flare == hello && $round == 1 ]] && impls="plain flarec flarec-reuse"
    [[ $flare == hash ]] && impls="plain plain-java flarec"
    if [[ -n $BASELINE ]]; then
      reference=plain
      [[ $flare == hash ]] && reference=plain-java
      impls="$reference baseline flarec"
      ((round % 2 == 0)) && impls="$reference flarec baseline"
    fi
    for impl in $impls; do
      if [[ $impl == baseline ]]; then
        (cd "$BASELINE/servers" && exec "$JAVA" $SERVER_FLAGS -jar "$flare.jar" --port "$PORT") \
          >"$OUT/servers/$flare-$impl-$round.log" 2>&1 &
      elif [[ $impl == flarec ]]; then
        # the flare's own log lines and access log go to a file, as an operator would keep them
        (cd "$OUT/servers" && exec "$JAVA" $SERVER_FLAGS -jar "$flare.jar" --port "$PORT") \
          >"$OUT/servers/$flare-$impl-$round.log" 2>&1 &
      elif [[ $impl == flarec-reuse ]]; then
        (cd "$OUT/servers" && exec "$JAVA" $SERVER_FLAGS -jar "$flare.jar" --port "$PORT" --config reuse.toml) \
          >"$OUT/servers/$flare-$impl-$round.log" 2>&1 &
      elif [[ $impl == plain-java ]]; then
        "$JAVA" $SERVER_FLAGS -cp "$BENCH_CP" dev.flarec.benchmarks.request.PlainServer "$flare-java" "$PORT" \
          >"$OUT/servers/$flare-plain-java-$round.log" 2>&1 &
      else
        "$JAVA" $SERVER_FLAGS -cp "$BENCH_CP" dev.flarec.benchmarks.request.PlainServer "$flare" "$PORT" \
          >"$OUT/servers/$flare-plain-$round.log" 2>&1 &
      fi
      SERVER_PID=$!
      wait_ready
      curl -fs "http://127.0.0.1:$PORT/world?x=1" >"$OUT/servers/$flare-$impl.body"
      wrk -t1 -c"$CONNECTIONS" -d"${WARM}s" "http://127.0.0.1:$PORT/world?x=1" >/dev/null
      ticks_before=$(cpu_ticks "$SERVER_PID")
      jit_before=$(jit_ticks "$SERVER_PID")
      writer_before=$(thread_ticks "$SERVER_PID" 'flarec-log-wri*')
      line=$(wrk -t1 -c"$CONNECTIONS" -d"${TIME}s" --latency -s "$HERE/report.lua" \
        "http://127.0.0.1:$PORT/world?x=1" | tee -a "$OUT/servers/wrk.log" | grep '^{')
      ticks_after=$(cpu_ticks "$SERVER_PID")
      jit_after=$(jit_ticks "$SERVER_PID")
      writer_after=$(thread_ticks "$SERVER_PID" 'flarec-log-wri*')
      requests=$(sed -E 's/.*"requests": ([0-9]+).*/\1/' <<<"$line")
      cpu_us=$(per_request "$((ticks_after - ticks_before))" "$requests")
      jit_us=$(per_request "$((jit_after - jit_before))" "$requests")
      writer_us=$(per_request "$((writer_after - writer_before))" "$requests")
      echo "{\"flare\": \"$flare\", \"impl\": \"$impl\", \"round\": $round, \"warm_s\": $WARM, \"java\": \"$JAVA\", \"connections\": $CONNECTIONS, \"server_cpu_us_per_request\": $cpu_us, \"server_jit_cpu_us_per_request\": $jit_us, \"server_log_writer_cpu_us_per_request\": $writer_us, \"load\": $(cut -d' ' -f1 /proc/loadavg), ${line#\{}" \
        | tee -a "$OUT/wrk.jsonl"
      stop_server
    done
  done
  for plain in "$OUT/servers/$flare-plain.body" "$OUT/servers/$flare-plain-java.body"; do
    if [[ -f $plain ]] && ! cmp -s "$plain" "$OUT/servers/$flare-flarec.body"; then
      echo "load-test: $(basename "$plain" .body) and the flare answer different bodies" >&2
      exit 1
    fi
  done
done
