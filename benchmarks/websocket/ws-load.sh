#!/usr/bin/env bash
# WebSocket echo throughput and latency of a flare JAR on loopback: starts the JAR, runs
# WebSocketLoad.java (closed loop, JDK client) with 1 and with 100 connections, SECONDS each after
# a 3 s warm-up, and stops the server with SIGTERM. Every wait is bounded.
#   ws-load.sh ECHO.jar [SECONDS=10] [JAVA=java] [MESSAGE_BYTES=64]
# Example: benchmarks/websocket/ws-load.sh target/websocket-echo.jar 10
set -euo pipefail
JAR="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
SECONDS_EACH="${2:-10}"
JAVA="${3:-java}"
BYTES="${4:-64}"
HERE="$(cd "$(dirname "$0")" && pwd)"
PORT=18290
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# the access log's line per connection is kept; the load itself logs nothing per message
(cd "$WORK" && exec "$JAVA" -Xmx1g -jar "$JAR" --port "$PORT") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 600); do
  curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/__flarec/ready" && break
  sleep 0.05
done
curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/__flarec/ready" \
  || { echo "ws-load: the server did not become ready:" >&2; cat "$WORK/server.log" >&2; exit 1; }

for connections in 1 100; do
  timeout $(( SECONDS_EACH + 60 )) "$JAVA" "$HERE/WebSocketLoad.java" \
    "ws://127.0.0.1:$PORT/" "$connections" "$SECONDS_EACH" 3 "$BYTES"
done
echo "java=$("$JAVA" -version 2>&1 | head -1) cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
