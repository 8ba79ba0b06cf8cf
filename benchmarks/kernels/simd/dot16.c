/* Dot product of two 8,192-element int16_t vectors into a uint32_t, n times: clang -O2
 * -msimd128 loads them widened (v128.load16x4_s) and multiplies and adds i32x4 lanes. */
#include "../bench.h"
#define LEN 8192
static int16_t a[LEN], b[LEN];
KERNEL int64_t run(int32_t n) {
  uint32_t seed = 12345;
  for (int i = 0; i < LEN; i++) { a[i] = (int16_t)next_random(&seed); b[i] = (int16_t)next_random(&seed); }
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    uint32_t sum = 0; /* unsigned: the sum may wrap */
    for (int i = 0; i < LEN; i++) sum += (uint32_t)(a[i] * b[i]);
    total += sum;
    a[r % LEN] ^= (int16_t)sum;
  }
  return total;
}
