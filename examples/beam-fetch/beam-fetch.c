/*
 * beam-fetch — fetches the URL named by the request's "X-Fetch-Url" header through Beam, the
 * host's outbound HTTP (flaron-abi.md §3.3, §4.1), and answers with the upstream's status and
 * body. The host only lets it reach URLs matching `allowed_fetch_urls`; anything else, a
 * timeout or a network error reaches the flare as 0, answered here with 502.
 *
 *   $ curl -H 'X-Fetch-Url: https://api.example.com/hello' http://localhost:8080/
 *   hello world
 *
 * The response JSON is {"status":200,"headers":{...},"body":"..."}; this flare picks "status"
 * and "body" out of it with a small scanner and decodes the body's JSON string escapes.
 */
#include "flaron.h"

#define OUT_CAP (128 * 1024)
static uint8_t out[OUT_CAP];

static const char OPTIONS[] =
    "{\"method\":\"GET\",\"headers\":{\"user-agent\":\"flarec-beam-fetch/0.1\"}}";

/* Index just past `"name":` in json, or 0 if absent. Good enough for the host's compact JSON,
 * where "status", "headers" and "body" are top-level keys that precede their values. */
static uint32_t find_key(flaron_bytes json, const char *name) {
  uint32_t n = (uint32_t)flaron_strlen(name);
  for (uint32_t i = 0; i + n + 3 <= json.len; i++) {
    if (json.ptr[i] != '"') {
      continue;
    }
    uint32_t j = 0;
    while (j < n && json.ptr[i + 1 + j] == (uint8_t)name[j]) {
      j++;
    }
    if (j == n && json.ptr[i + 1 + n] == '"' && json.ptr[i + 2 + n] == ':') {
      return i + 3 + n;
    }
  }
  return 0;
}

static int hex(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Appends code point cp as UTF-8. */
static uint32_t put_utf8(uint8_t *dst, uint32_t at, uint32_t cp) {
  if (cp < 0x80) {
    dst[at++] = (uint8_t)cp;
  } else if (cp < 0x800) {
    dst[at++] = (uint8_t)(0xC0 | cp >> 6);
    dst[at++] = (uint8_t)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    dst[at++] = (uint8_t)(0xE0 | cp >> 12);
    dst[at++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    dst[at++] = (uint8_t)(0x80 | (cp & 0x3F));
  } else {
    dst[at++] = (uint8_t)(0xF0 | cp >> 18);
    dst[at++] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
    dst[at++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    dst[at++] = (uint8_t)(0x80 | (cp & 0x3F));
  }
  return at;
}

/* Reads 4 hex digits at s[i]; -1 if malformed. */
static int32_t hex4(flaron_bytes s, uint32_t i) {
  if (i + 4 > s.len) return -1;
  int32_t v = 0;
  for (uint32_t k = 0; k < 4; k++) {
    int h = hex(s.ptr[i + k]);
    if (h < 0) return -1;
    v = v << 4 | h;
  }
  return v;
}

/* Decodes the JSON string starting at json[i] (its opening quote) into out; returns length. */
static uint32_t decode_string(flaron_bytes json, uint32_t i) {
  uint32_t n = 0;
  if (i >= json.len || json.ptr[i] != '"') {
    return 0;
  }
  for (i++; i < json.len && json.ptr[i] != '"' && n + 4 <= OUT_CAP; i++) {
    uint8_t c = json.ptr[i];
    if (c != '\\') {
      out[n++] = c;
      continue;
    }
    if (++i >= json.len) break;
    switch (json.ptr[i]) {
      case 'n': out[n++] = '\n'; break;
      case 'r': out[n++] = '\r'; break;
      case 't': out[n++] = '\t'; break;
      case 'b': out[n++] = '\b'; break;
      case 'f': out[n++] = '\f'; break;
      case 'u': {
        int32_t cp = hex4(json, i + 1);
        if (cp < 0) return n;
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 2 < json.len && json.ptr[i + 1] == '\\' &&
            json.ptr[i + 2] == 'u') {
          int32_t lo = hex4(json, i + 3);
          if (lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
        n = put_utf8(out, n, (uint32_t)cp);
        break;
      }
      default: out[n++] = json.ptr[i]; /* \" \\ \/ */
    }
  }
  return n;
}

FLARON_EXPORT(handle_request) int64_t handle_request(void) {
  flaron_reset();
  flaron_bytes target = flaron_header("X-Fetch-Url");
  if (target.len == 0) {
    flaron_resp_set_status(400);
    flaron_resp_body_set(FLARON_STR("set the X-Fetch-Url header to the URL to fetch\n"));
    return FLARON_ACTION_RESPOND;
  }

  flaron_bytes json = flaron_unpack(flaron_beam_fetch((const char *)target.ptr, (int32_t)target.len,
                                                      OPTIONS, (int32_t)sizeof OPTIONS - 1));
  if (json.len == 0) {
    flaron_log_warn(FLARON_STR("beam-fetch: no response (not allowlisted, limit, timeout or network)"));
    flaron_resp_set_status(502);
    flaron_resp_body_set(FLARON_STR("beam: no response\n"));
    return FLARON_ACTION_RESPOND;
  }

  int32_t status = 0;
  uint32_t at = find_key(json, "status");
  while (at && at < json.len && json.ptr[at] >= '0' && json.ptr[at] <= '9') {
    status = status * 10 + (json.ptr[at++] - '0');
  }
  uint32_t body_at = find_key(json, "body");
  uint32_t n = body_at ? decode_string(json, body_at) : 0;

  flaron_resp_set_status(status >= 100 && status <= 599 ? status : 502);
  flaron_set_header("Content-Type", "text/plain; charset=utf-8");
  flaron_resp_body_set(n == 0 ? (const void *)0 : out, (int32_t)n);
  return FLARON_ACTION_RESPOND;
}
