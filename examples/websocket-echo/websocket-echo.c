/*
 * websocket-echo — a WebSocket flare: greets a new connection with its id, sends every message
 * back as it came (text as text, binary as binary), and closes the connection itself with 1000
 * when told "bye".
 *
 *   $ java -jar websocket-echo.jar            # then, with any WebSocket client:
 *   > hello                                   < welcome, connection 3f2a...
 *                                             < hello
 *
 * It exports the three WebSocket entry points (flaron-abi.md §1.1, §3.12) instead of
 * handle_request; that alone makes the host serve it as a WebSocket flare. Each resets the
 * alloc arena first, reads the event with ws_conn_id / ws_event_data, and answers with ws_send.
 * Their i32 results are ignored by the host (decision 1).
 *
 * A message reaches the flare through the 256 KiB alloc arena (§2.3), so this flare echoes
 * messages up to that size; a bigger one arrives empty and is answered with a warning.
 */
#include "flaron.h"

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
  static char out[sizeof hello - 1 + 64];
  uint32_t n = sizeof hello - 1;
  flaron_copy(out, hello, n);
  uint32_t idLen = id.len > 64 ? 64 : id.len;
  if (idLen > 0) {
    flaron_copy(out + n, id.ptr, idLen);
  }
  flaron_ws_send(out, (int32_t)(n + idLen));
  return 0;
}

FLARON_EXPORT(ws_message) int32_t ws_message(void) {
  flaron_reset();
  int64_t packed = flaron_ws_event_data();
  flaron_bytes data = flaron_unpack(packed);
  if (equals(data, "bye")) {
    flaron_ws_close_conn(1000);
    return 0;
  }
  if (packed == 0) {
    /* an empty message, or one too big for the arena: the host could not hand it over */
    static const char empty[] = "websocket-echo: empty message or larger than 256 KiB";
    flaron_ws_send(empty, sizeof empty - 1);
    return 0;
  }
  if (flaron_ws_send(data.ptr, (int32_t)data.len) != FLARON_WS_OK) {
    flaron_log_warn(FLARON_STR("websocket-echo: send failed"));
  }
  return 0;
}

FLARON_EXPORT(ws_close) int32_t ws_close(void) {
  flaron_reset();
  if (flaron_ws_close_code() != 1000) {
    flaron_log_info(FLARON_STR("websocket-echo: the connection ended without a normal close"));
  }
  return 0;
}
