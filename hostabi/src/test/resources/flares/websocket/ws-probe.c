/*
 * ws-probe — the WebSocket tests' flare: each text message picks a behaviour.
 *
 *   count        "count N": messages this connection has received (state kept between events)
 *   burst N      tries N ws_send calls of "b" and remembers how many returned 0 and how many
 *                did not (the per-event send limit)
 *   report       "burst sent=K refused=R" for the last burst, sent in an event of its own
 *   close N      ws_close_conn(N)
 *   trap         traps (unreachable)
 *   spin         loops until the host's deadline stops it
 *   type         sends ws_event_type
 *   anything else is echoed as it came
 *
 * ws_open sends "open <connection id>"; ws_close logs "ws_close code=N" through log_info.
 * Built by build.sh beside it (clang-19, examples/include/flaron.h).
 */
#include "flaron.h"

static uint32_t received, burst_sent, burst_refused;
static char out[128];

static int starts(flaron_bytes b, const char *text) {
  int32_t n = flaron_strlen(text);
  if ((int32_t)b.len < n) {
    return 0;
  }
  for (int32_t i = 0; i < n; i++) {
    if (b.ptr[i] != (uint8_t)text[i]) {
      return 0;
    }
  }
  return 1;
}

static uint32_t put_text(uint32_t at, const char *text) {
  while (*text && at < sizeof out) {
    out[at++] = *text++;
  }
  return at;
}

static uint32_t put_number(uint32_t at, uint32_t value) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = (char)('0' + value % 10);
    value /= 10;
  } while (value > 0);
  while (n > 0 && at < sizeof out) {
    out[at++] = digits[--n];
  }
  return at;
}

static uint32_t number_after(flaron_bytes b, int32_t from) {
  uint32_t value = 0;
  for (uint32_t i = (uint32_t)from; i < b.len && b.ptr[i] >= '0' && b.ptr[i] <= '9'; i++) {
    value = value * 10 + (b.ptr[i] - '0');
  }
  return value;
}

FLARON_EXPORT(ws_open) int32_t ws_open(void) {
  flaron_reset();
  flaron_bytes id = flaron_unpack(flaron_ws_conn_id());
  uint32_t n = put_text(0, "open ");
  for (uint32_t i = 0; i < id.len && n < sizeof out; i++) {
    out[n++] = (char)id.ptr[i];
  }
  flaron_ws_send(out, (int32_t)n);
  return 0;
}

FLARON_EXPORT(ws_message) int32_t ws_message(void) {
  flaron_reset();
  received++;
  flaron_bytes data = flaron_unpack(flaron_ws_event_data());
  if (starts(data, "count")) {
    uint32_t n = put_number(put_text(0, "count "), received);
    flaron_ws_send(out, (int32_t)n);
  } else if (starts(data, "burst ")) {
    uint32_t tries = number_after(data, 6);
    burst_sent = burst_refused = 0;
    for (uint32_t i = 0; i < tries; i++) {
      if (flaron_ws_send(FLARON_STR("b")) == FLARON_WS_OK) {
        burst_sent++;
      } else {
        burst_refused++;
      }
    }
  } else if (starts(data, "report")) {
    uint32_t n = put_text(0, "burst sent=");
    n = put_number(put_text(put_number(n, burst_sent), " refused="), burst_refused);
    flaron_ws_send(out, (int32_t)n);
  } else if (starts(data, "close ")) {
    flaron_ws_close_conn((int32_t)number_after(data, 6));
  } else if (starts(data, "trap")) {
    __builtin_trap();
  } else if (starts(data, "spin")) {
    volatile uint32_t spins = 0;
    for (;;) {
      spins++;
    }
  } else if (starts(data, "type")) {
    flaron_bytes type = flaron_unpack(flaron_ws_event_type());
    flaron_ws_send(type.ptr, (int32_t)type.len);
  } else {
    flaron_ws_send(data.ptr, (int32_t)data.len);
  }
  return 0;
}

FLARON_EXPORT(ws_close) int32_t ws_close(void) {
  flaron_reset();
  uint32_t n = put_number(put_text(0, "ws_close code="), (uint32_t)flaron_ws_close_code());
  flaron_log_info(out, (int32_t)n);
  return 0;
}
