/* Sums of a 32 KiB uint8_t vector and of a 32 KiB int8_t one times 3, n times: clang -O2 -msimd128
 * loads 4 and 8 bytes at a time (v128.load32_zero, load64_zero), widens them to 16-bit lanes and
 * those to 32-bit lanes (i16x8.extend_low_i8x16_s/u, i32x4.extend_low_i16x8_s/u). */
#include "../bench.h"
#define LEN 32768
static uint8_t a[LEN];
static int8_t s[LEN];
KERNEL int64_t run(int32_t n) {
  uint32_t seed = 3;
  for (int i = 0; i < LEN; i++) { a[i] = (uint8_t)next_random(&seed); s[i] = (int8_t)next_random(&seed); }
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    uint32_t sum = 0;
    int32_t ssum = 0;
    for (int i = 0; i < LEN; i++) { sum += a[i]; ssum += s[i] * 3; }
    total += sum + (int64_t)ssum;
    a[r % LEN] ^= (uint8_t)sum;
  }
  return total;
}
