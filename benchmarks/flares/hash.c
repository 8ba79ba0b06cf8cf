/*
 * hash — a flare that does real work per request: SHA-256 (written in C, as in
 * kernels/sha256.c) of the request's path and query, re-hashed ROUNDS times, answered as JSON:
 *
 *   $ curl http://localhost:8080/some/path?x=1
 *   {"path":"/some/path?x=1","rounds":64,"sha256":"3f2a..."}
 *
 * request.PlainHandlers computes the same bytes in plain Java (MessageDigest), the reference.
 */
#include "flaron_text.h"

#define ROUNDS 64

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static void compress(uint32_t *s, const uint8_t *p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++) {
    w[i] = ((uint32_t)p[4 * i] << 24) | ((uint32_t)p[4 * i + 1] << 16) |
           ((uint32_t)p[4 * i + 2] << 8) | p[4 * i + 3];
  }
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  s[0] += a; s[1] += b; s[2] += c; s[3] += d; s[4] += e; s[5] += f; s[6] += g; s[7] += h;
}

static void sha256(const uint8_t *data, uint32_t len, uint8_t *out) {
  uint32_t s[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  uint32_t i = 0;
  for (; i + 64 <= len; i += 64) {
    compress(s, data + i);
  }
  uint8_t tail[128];
  uint32_t rest = len - i;
  for (uint32_t j = 0; j < 128; j++) {
    tail[j] = j < rest ? data[i + j] : 0;
  }
  tail[rest] = 0x80;
  uint32_t padded = rest + 9 <= 64 ? 64 : 128;
  uint64_t bits = (uint64_t)len * 8;
  for (int j = 0; j < 8; j++) {
    tail[padded - 1 - j] = (uint8_t)(bits >> (8 * j));
  }
  for (uint32_t j = 0; j < padded; j += 64) {
    compress(s, tail + j);
  }
  for (int j = 0; j < 8; j++) {
    out[4 * j] = (uint8_t)(s[j] >> 24);
    out[4 * j + 1] = (uint8_t)(s[j] >> 16);
    out[4 * j + 2] = (uint8_t)(s[j] >> 8);
    out[4 * j + 3] = (uint8_t)s[j];
  }
}
static char body[1024];

static uint32_t put(uint32_t at, const char *s) {
  while (*s && at < sizeof body) {
    body[at++] = *s++;
  }
  return at;
}

FLARON_EXPORT(handle_request) int64_t handle_request(void) {
  flaron_reset();
  flaron_bytes path = url_path(flaron_unpack(flaron_req_url()));
  if (path.len > 400) {
    path.len = 400;
  }
  uint8_t digest[32];
  sha256(path.ptr, path.len, digest);
  for (int r = 1; r < ROUNDS; r++) {
    sha256(digest, 32, digest);
  }
  uint32_t n = put(0, "{\"path\":\"");
  for (uint32_t i = 0; i < path.len; i++) {
    uint8_t c = path.ptr[i];
    if (c == '"' || c == '\\') {
      body[n++] = '\\';
    }
    body[n++] = (c < 0x20) ? '?' : (char)c;
  }
  n = put(n, "\",\"rounds\":64,\"sha256\":\"");
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < 32; i++) {
    body[n++] = hex[digest[i] >> 4];
    body[n++] = hex[digest[i] & 15];
  }
  n = put(n, "\"}\n");
  flaron_resp_set_status(200);
  flaron_set_header("Content-Type", "application/json");
  flaron_resp_body_set(body, (int32_t)n);
  return FLARON_ACTION_RESPOND;
}
