/*
 * websocket-echo — a WebSocket flare: greets a new connection, echoes every message back
 * prefixed with "echo: ", and closes the connection itself when told "bye".
 *
 * It exports the three WebSocket entry points (flaron-abi.md §1.1, §3.12) instead of
 * handle_request. Each resets the alloc arena first, reads the event with ws_event_type /
 * ws_event_data / ws_conn_id, and answers with ws_send. Their i32 results are ignored by the
 * host (decision 1).
 *
 * The flarec server has no WebSocket transport yet (see README.md), so this is source only.
 */
#include "flaron.h"

static char out[1024];

static uint32_t append(uint32_t at, const void *src, uint32_t n) {
  if (at + n > sizeof out) {
    n = sizeof out - at;
  }
  if (n > 0) {
    flaron_copy(out + at, src, n);
  }
  return at + n;
}

static int equals(flaron_bytes b, const char *text) {
  int32_t n = flaron_strlen(text);
  if ((int32_t)b.len != n) {
    return 0;
  }
  for (int32_t i = 0; i < n; i++) {
    if (b.ptr[i] != (uint8_t)text[i]) {
      return 0;
    }
  }
  return 1;
}

FLARON_EXPORT(ws_open) int32_t ws_open(void) {
  flaron_reset();
  flaron_bytes id = flaron_unpack(flaron_ws_conn_id());
  static const char hello[] = "welcome, connection ";
  uint32_t n = append(0, hello, sizeof hello - 1);
  n = append(n, id.ptr, id.len);
  flaron_ws_send(out, (int32_t)n);
  return 0;
}

FLARON_EXPORT(ws_message) int32_t ws_message(void) {
  flaron_reset();
  flaron_bytes data = flaron_unpack(flaron_ws_event_data());
  if (equals(data, "bye")) {
    flaron_ws_close_conn(1000);
    return 0;
  }
  static const char prefix[] = "echo: ";
  uint32_t n = append(0, prefix, sizeof prefix - 1);
  n = append(n, data.ptr, data.len);
  if (flaron_ws_send(out, (int32_t)n) != FLARON_WS_OK) {
    flaron_log_warn(FLARON_STR("websocket-echo: send failed"));
  }
  return 0;
}

FLARON_EXPORT(ws_close) int32_t ws_close(void) {
  flaron_reset();
  if (flaron_ws_close_code() != 1000) {
    flaron_log_info(FLARON_STR("websocket-echo: peer closed abnormally"));
  }
  return 0;
}
