/* SHA-256 padding, the buffer and the chaining loop, shared by sha256.c and bigfunc.c. */
#ifndef SHA256_COMMON_H
#define SHA256_COMMON_H

#include "bench.h"

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define CH(x, y, z) (((x) & (y)) ^ (~(x) & (z)))
#define MAJ(x, y, z) (((x) & (y)) ^ ((x) & (z)) ^ ((y) & (z)))
#define BSIG0(x) (ROTR(x, 2) ^ ROTR(x, 13) ^ ROTR(x, 22))
#define BSIG1(x) (ROTR(x, 6) ^ ROTR(x, 11) ^ ROTR(x, 25))
#define SSIG0(x) (ROTR(x, 7) ^ ROTR(x, 18) ^ ((x) >> 3))
#define SSIG1(x) (ROTR(x, 17) ^ ROTR(x, 19) ^ ((x) >> 10))

#define MESSAGE_BYTES 16384

static uint8_t message[MESSAGE_BYTES];

static inline uint32_t load_be32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static inline void store_be32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

typedef void (*compress_fn)(uint32_t *state, const uint8_t *block);

static void sha256(const uint8_t *data, uint32_t len, uint8_t *digest, compress_fn compress) {
  uint32_t state[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  uint32_t full = len / 64;
  for (uint32_t i = 0; i < full; i++) {
    compress(state, data + 64 * i);
  }
  uint8_t tail[128];
  uint32_t rest = len - 64 * full;
  for (uint32_t i = 0; i < rest; i++) {
    tail[i] = data[64 * full + i];
  }
  tail[rest] = 0x80;
  uint32_t padded = rest + 9 <= 64 ? 64 : 128;
  for (uint32_t i = rest + 1; i < padded - 8; i++) {
    tail[i] = 0;
  }
  uint64_t bits = (uint64_t)len * 8;
  store_be32(tail + padded - 8, (uint32_t)(bits >> 32));
  store_be32(tail + padded - 4, (uint32_t)bits);
  for (uint32_t i = 0; i < padded; i += 64) {
    compress(state, tail + i);
  }
  for (int i = 0; i < 8; i++) {
    store_be32(digest + 4 * i, state[i]);
  }
}

static int64_t sha256_rounds(int32_t n, compress_fn compress) {
  uint32_t seed = 314159265u;
  for (uint32_t i = 0; i < MESSAGE_BYTES; i++) {
    message[i] = (uint8_t)next_random(&seed);
  }
  uint8_t digest[32];
  for (int32_t r = 0; r < n; r++) {
    sha256(message, MESSAGE_BYTES, digest, compress);
    for (int i = 0; i < 32; i++) {
      message[i] = digest[i];
    }
  }
  return (int64_t)(((uint64_t)load_be32(digest) << 32) | load_be32(digest + 4));
}

#endif
