/* A byte histogram of 64 KiB, n times, then its weighted sum: the counting loop stays scalar under
 * -msimd128 (a scatter), the sum is i32x4.mul and i32x4.add against v128.const index vectors. */
#include "../bench.h"
#define LEN 65536
static uint8_t data[LEN];
static uint32_t hist[256];
KERNEL int64_t run(int32_t n) {
  uint32_t seed = 7;
  for (int i = 0; i < LEN; i++) data[i] = (uint8_t)(next_random(&seed) >> 5);
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    for (int i = 0; i < 256; i++) hist[i] = 0;
    for (int i = 0; i < LEN; i++) hist[data[i]]++;
    uint32_t acc = 0;
    for (int i = 0; i < 256; i++) acc += hist[i] * (uint32_t)i;
    total += acc;
    data[r % LEN] ^= (uint8_t)acc;
  }
  return total;
}
