/*
 * spark-counter — counts visits per path in Spark, the node-local store that survives restarts
 * (flaron-abi.md §3.4). Each request reads the count under the key "visits:<path>" (characters
 * Spark keys may not hold, such as '/', become '_'), adds one, writes it back with no expiry, and
 * answers with the new count. A "?ttl=N" query instead stores the count for N seconds, and the
 * answer shows the TTL Spark reports back.
 *
 *   $ curl http://localhost:8080/home
 *   visits to /home on this node: 1 (ttl 0)
 *
 * Needs `writes_spark_kv = true`. A read-modify-write is not atomic: two requests at the same
 * moment may count once. For exact, replicated counts use Plasma (see plasma-counter).
 */
#include "flaron.h"

static char key[300];
static char body[512];

/* Writes the decimal form of v at out; returns the number of characters. */
static uint32_t put_u64(char *out, uint64_t v) {
  char tmp[20];
  uint32_t n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  for (uint32_t i = 0; i < n; i++) {
    out[i] = tmp[n - 1 - i];
  }
  return n;
}

static uint32_t put(char *out, uint32_t at, const char *s) {
  while (*s) {
    out[at++] = *s++;
  }
  return at;
}

/* Spark keys allow [A-Za-z0-9:._-] (decision 19): other path bytes become '_'. */
static char key_char(uint8_t c) {
  int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == ':' || c == '.' || c == '_' || c == '-';
  return ok ? (char)c : '_';
}

/* Finds "ttl=" in the query of url and parses its decimal value; 0 when absent. */
static int32_t ttl_of(flaron_bytes url) {
  uint32_t i = 0;
  while (i < url.len && url.ptr[i] != '?') {
    i++;
  }
  for (; i + 4 <= url.len; i++) {
    if ((url.ptr[i] == '?' || url.ptr[i] == '&') && i + 5 <= url.len && url.ptr[i + 1] == 't' &&
        url.ptr[i + 2] == 't' && url.ptr[i + 3] == 'l' && url.ptr[i + 4] == '=') {
      int32_t v = 0;
      for (uint32_t j = i + 5; j < url.len && url.ptr[j] >= '0' && url.ptr[j] <= '9'; j++) {
        v = v * 10 + (url.ptr[j] - '0');
        if (v > 100000000) {
          break;
        }
      }
      return v;
    }
  }
  return 0;
}

FLARON_EXPORT(handle_request) int64_t handle_request(void) {
  flaron_reset();
  flaron_bytes url = flaron_unpack(flaron_req_url());

  /* The path: from the first '/' after "scheme://" up to '?'. */
  uint32_t i = 0;
  while (i + 2 < url.len && !(url.ptr[i] == ':' && url.ptr[i + 1] == '/' && url.ptr[i + 2] == '/')) {
    i++;
  }
  i = (i + 2 < url.len) ? i + 3 : 0;
  while (i < url.len && url.ptr[i] != '/') {
    i++;
  }
  uint32_t path_start = i;
  uint32_t k = put(key, 0, "visits:");
  for (; i < url.len && url.ptr[i] != '?' && k < 256; i++) {
    key[k++] = key_char(url.ptr[i]);
  }
  uint32_t path_end = i;
  if (path_end == path_start) {
    key[k++] = '_';
  }

  /* spark_get: [u32 LE remaining TTL][value]; our value is a u64 LE count. */
  uint64_t count = 0;
  flaron_bytes old = flaron_unpack(flaron_spark_get(key, (int32_t)k));
  if (old.len >= 4 + 8) {
    for (int b = 7; b >= 0; b--) {
      count = (count << 8) | old.ptr[4 + b];
    }
  }
  count++;

  uint8_t value[8];
  for (int b = 0; b < 8; b++) {
    value[b] = (uint8_t)(count >> (8 * b));
  }
  int32_t code = flaron_spark_set(key, (int32_t)k, value, 8, ttl_of(url));
  if (code != FLARON_SPARK_OK) {
    uint32_t n = put(body, 0, "spark_set failed with code ");
    n += put_u64(body + n, (uint64_t)code);
    body[n++] = '\n';
    flaron_resp_set_status(500);
    flaron_resp_body_set(body, (int32_t)n);
    return FLARON_ACTION_RESPOND;
  }

  /* Read it back to show the TTL Spark reports (remaining seconds, rounded up; 0 = never). */
  uint32_t ttl = 0;
  flaron_bytes now = flaron_unpack(flaron_spark_get(key, (int32_t)k));
  if (now.len >= 4) {
    ttl = (uint32_t)now.ptr[0] | (uint32_t)now.ptr[1] << 8 | (uint32_t)now.ptr[2] << 16 |
          (uint32_t)now.ptr[3] << 24;
  }

  uint32_t n = put(body, 0, "visits to ");
  for (uint32_t j = path_start; j < path_end && n < 300; j++) {
    body[n++] = (char)url.ptr[j];
  }
  if (path_end == path_start) {
    body[n++] = '/';
  }
  n = put(body, n, " on this node: ");
  n += put_u64(body + n, count);
  n = put(body, n, " (ttl ");
  n += put_u64(body + n, ttl);
  n = put(body, n, ")\n");
  flaron_resp_set_status(200);
  flaron_set_header("Content-Type", "text/plain; charset=utf-8");
  flaron_resp_body_set(body, (int32_t)n);
  return FLARON_ACTION_RESPOND;
}
