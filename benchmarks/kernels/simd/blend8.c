/* Alpha blend with an 8-bit alpha and rounding, n times: out = (x * a + y * (255 - a) + 128) >> 8
 * per byte of two 64 KiB images. clang -O2 -msimd128 vectorises it like blend_u8 (bytes widened
 * to 16-bit lanes, multiplied by splats of a and 255 - a), one 16-byte block per iteration. */
#include "../bench.h"
#define LEN 65536
static uint8_t x[LEN], y[LEN], out[LEN];
KERNEL int64_t run(int32_t n) {
  uint32_t seed = 777;
  for (int i = 0; i < LEN; i++) { x[i] = (uint8_t)next_random(&seed); y[i] = (uint8_t)next_random(&seed); }
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    uint8_t alpha = (uint8_t)(r * 37);
    uint8_t beta = 255 - alpha;
    for (int i = 0; i < LEN; i++) out[i] = (uint8_t)((x[i] * alpha + y[i] * beta + 128) >> 8);
    total += out[r % LEN] + out[(r * 7919) % LEN];
    x[r % LEN] = out[(r + 1) % LEN];
  }
  return total;
}
