/*
 * hello — the smallest useful flare: answers every request with 200 and a greeting that echoes
 * the request's method and path, and sets a response header.
 *
 *   $ curl -i http://localhost:8080/world?x=1
 *   HTTP/1.1 200 OK
 *   Content-type: text/plain; charset=utf-8
 *   X-powered-by: flarec
 *   ...
 *   Hello from flarec! You sent GET /world?x=1
 */
#include "flaron_text.h"

/* Appends a byte view to the output buffer, clipped to its capacity. */
static uint32_t append(char *out, uint32_t at, uint32_t cap, const uint8_t *src, uint32_t n) {
  if (at + n > cap) {
    n = cap - at;
  }
  if (n > 0) {
    flaron_copy(out + at, src, n);
  }
  return at + n;
}
static char body[1024];

FLARON_EXPORT(handle_request) int64_t handle_request(void) {
  flaron_reset();
  flaron_bytes method = flaron_unpack(flaron_req_method());
  flaron_bytes path = url_path(flaron_unpack(flaron_req_url()));

  static const char greeting[] = "Hello from flarec! You sent ";
  uint32_t n = append(body, 0, sizeof body - 1, (const uint8_t *)greeting, sizeof greeting - 1);
  n = append(body, n, sizeof body - 1, method.ptr, method.len);
  n = append(body, n, sizeof body - 1, (const uint8_t *)" ", 1);
  n = append(body, n, sizeof body - 1, path.ptr, path.len);
  body[n++] = '\n';

  flaron_resp_set_status(200);
  flaron_set_header("Content-Type", "text/plain; charset=utf-8");
  flaron_set_header("X-Powered-By", "flarec");
  flaron_resp_body_set(body, (int32_t)n);
  flaron_log_info(FLARON_STR("hello: greeted"));
  return FLARON_ACTION_RESPOND;
}
