/* Alpha blend of two 64 KiB RGBA images into a third, n times: out = (x * alpha + y * (256 -
 * alpha)) >> 8 per byte, which clang -O2 -msimd128 vectorises through 16-bit lanes. */
#include "../bench.h"

#define LEN 65536
static uint8_t x[LEN], y[LEN], out[LEN];

KERNEL int64_t run(int32_t n) {
  uint32_t seed = 777;
  for (int i = 0; i < LEN; i++) {
    x[i] = (uint8_t)next_random(&seed);
    y[i] = (uint8_t)next_random(&seed);
  }
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    uint16_t alpha = (uint16_t)(r * 37 % 256);
    for (int i = 0; i < LEN; i++) {
      out[i] = (uint8_t)((x[i] * alpha + y[i] * (256 - alpha)) >> 8);
    }
    total += out[r % LEN] + out[(r * 7919) % LEN];
    x[r % LEN] = out[(r + 1) % LEN];
  }
  return total;
}
