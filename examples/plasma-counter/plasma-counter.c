/*
 * plasma-counter — a site-wide hit counter and "last visitor" note in Plasma, the replicated
 * CRDT store (flaron-abi.md §3.5). Every request adds one to the PN-counter "hits" and records
 * its path in the last-writer-wins value "last-path"; a DELETE request subtracts one instead and
 * deletes the note. Counters and values are separate namespaces (decision 20), so "hits" could
 * also hold a value without disturbing the count.
 *
 *   $ curl http://localhost:8080/a
 *   hits: 1, previous path: (none)
 *   $ curl http://localhost:8080/b
 *   hits: 2, previous path: /a
 *
 * Needs `writes_plasma_kv = true`.
 */
#include "flaron.h"

static char body[512];

static uint32_t put(char *out, uint32_t at, const char *s) {
  while (*s) {
    out[at++] = *s++;
  }
  return at;
}

static uint32_t put_bytes(char *out, uint32_t at, const uint8_t *p, uint32_t n, uint32_t cap) {
  for (uint32_t i = 0; i < n && at < cap; i++) {
    out[at++] = (char)p[i];
  }
  return at;
}

/* Writes the decimal form of v (signed) at out[at]; returns the new position. */
static uint32_t put_i64(char *out, uint32_t at, int64_t v) {
  uint64_t u = (uint64_t)v;
  if (v < 0) {
    out[at++] = '-';
    u = 0 - u;
  }
  char tmp[20];
  uint32_t n = 0;
  do {
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  while (n > 0) {
    out[at++] = tmp[--n];
  }
  return at;
}

static int is_delete(flaron_bytes method) {
  return method.len == 6 && method.ptr[0] == 'D' && method.ptr[1] == 'E' && method.ptr[2] == 'L' &&
         method.ptr[3] == 'E' && method.ptr[4] == 'T' && method.ptr[5] == 'E';
}

FLARON_EXPORT(handle_request) int64_t handle_request(void) {
  flaron_reset();
  flaron_bytes method = flaron_unpack(flaron_req_method());
  int deleting = is_delete(method);

  /* The counter: 8 bytes, the new value as a little-endian i64; 0 (absent) on any error. */
  flaron_bytes counter = deleting ? flaron_unpack(flaron_plasma_decrement(FLARON_STR("hits"), 1))
                                  : flaron_unpack(flaron_plasma_increment(FLARON_STR("hits"), 1));
  if (counter.len != 8) {
    flaron_resp_set_status(500);
    flaron_resp_body_set(FLARON_STR("plasma counter unavailable (is writes_plasma_kv set?)\n"));
    return FLARON_ACTION_RESPOND;
  }
  int64_t hits = 0;
  for (int b = 7; b >= 0; b--) {
    hits = (int64_t)(((uint64_t)hits << 8) | counter.ptr[b]);
  }

  /* The previous note, then this request's path replaces it (or the note is deleted). */
  flaron_bytes previous = flaron_unpack(flaron_plasma_get(FLARON_STR("last-path")));
  uint32_t n = put(body, 0, "hits: ");
  n = put_i64(body, n, hits);
  n = put(body, n, ", previous path: ");
  if (previous.len == 0) {
    n = put(body, n, "(none)");
  } else {
    n = put_bytes(body, n, previous.ptr, previous.len, 400);
  }
  body[n++] = '\n';

  int32_t code;
  if (deleting) {
    code = flaron_plasma_delete(FLARON_STR("last-path"));
  } else {
    flaron_bytes url = flaron_unpack(flaron_req_url());
    uint32_t i = 0;
    while (i + 2 < url.len && !(url.ptr[i] == ':' && url.ptr[i + 1] == '/' && url.ptr[i + 2] == '/')) {
      i++;
    }
    i = (i + 2 < url.len) ? i + 3 : 0;
    while (i < url.len && url.ptr[i] != '/') {
      i++;
    }
    uint32_t len = url.len - i;
    code = len == 0 ? flaron_plasma_set(FLARON_STR("last-path"), "/", 1)
                    : flaron_plasma_set(FLARON_STR("last-path"), url.ptr + i, (int32_t)len);
  }
  flaron_resp_set_status(code == FLARON_PLASMA_OK ? 200 : 500);
  flaron_set_header("Content-Type", "text/plain; charset=utf-8");
  flaron_resp_body_set(body, (int32_t)n);
  return FLARON_ACTION_RESPOND;
}
