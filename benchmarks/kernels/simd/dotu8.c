/* Dot product of two 16 KiB uint8_t vectors into a uint32_t, n times: clang -O2 -msimd128 loads
 * 4 and 8 bytes at a time (v128.load32_zero, load64_zero), widens them to 16-bit lanes and
 * multiplies with i32x4.extmul_low_i16x8_u. */
#include "../bench.h"
#define LEN 16384
static uint8_t a[LEN], b[LEN];
KERNEL int64_t run(int32_t n) {
  uint32_t seed = 12345;
  for (int i = 0; i < LEN; i++) { a[i] = (uint8_t)next_random(&seed); b[i] = (uint8_t)next_random(&seed); }
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    uint32_t sum = 0;
    for (int i = 0; i < LEN; i++) sum += a[i] * b[i];
    total += sum;
    a[r % LEN] ^= (uint8_t)sum;
  }
  return total;
}
