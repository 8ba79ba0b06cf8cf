/* Integer dot product of two 4,096-element vectors, n times: clang -O2 -msimd128 vectorises the
 * loop into i32x4 multiplies and adds. */
#include "../bench.h"

#define LEN 4096
static int32_t a[LEN], b[LEN];

KERNEL int64_t run(int32_t n) {
  uint32_t seed = 12345;
  for (int i = 0; i < LEN; i++) {
    a[i] = (int32_t)(next_random(&seed) & 0xFFFF) - 0x8000;
    b[i] = (int32_t)(next_random(&seed) & 0xFFFF) - 0x8000;
  }
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    int32_t sum = 0;
    for (int i = 0; i < LEN; i++) {
      sum += a[i] * b[i];
    }
    total += sum;
    a[r % LEN] ^= sum;
  }
  return total;
}
