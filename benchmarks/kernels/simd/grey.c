/* RGBA to grey (fixed-point weights 77, 150, 29 over 256) of a 64 Ki-pixel image, n times:
 * clang -O2 -msimd128 auto-vectorises the loop as a gather (byte lane loads, v128.load8_lane, at
 * addresses computed in i32x4 lanes and read back with extract_lane), widening multiplies by
 * splats, and a narrowing back to bytes. */
#include "../bench.h"
#define PIXELS 65536
static uint8_t rgba[PIXELS * 4], grey[PIXELS];
KERNEL int64_t run(int32_t n) {
  uint32_t seed = 99;
  for (int i = 0; i < PIXELS * 4; i++) rgba[i] = (uint8_t)next_random(&seed);
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    for (int i = 0; i < PIXELS; i++) {
      grey[i] = (uint8_t)((rgba[4 * i] * 77 + rgba[4 * i + 1] * 150 + rgba[4 * i + 2] * 29) >> 8);
    }
    uint32_t s = 0;
    for (int i = 0; i < PIXELS; i += 97) s += grey[i];
    total += s;
    rgba[r % (PIXELS * 4)] ^= (uint8_t)s;
  }
  return total;
}
