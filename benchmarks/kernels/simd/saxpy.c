/* y = a * x + y / 2 over 16,384 floats, then their sum, n times: clang -O2 -msimd128
 * auto-vectorises the first loop (f32x4.mul, f32x4.add); the sum stays scalar, as without
 * -ffast-math its order of additions is fixed. */
#include "../bench.h"
#define LEN 16384
static float x[LEN], y[LEN];
KERNEL int64_t run(int32_t n) {
  uint32_t seed = 4242;
  for (int i = 0; i < LEN; i++) { x[i] = (float)(next_random(&seed) % 1000) / 100.0f; y[i] = 0.0f; }
  double total = 0;
  for (int r = 0; r < n; r++) {
    float a = 0.5f + (float)(r % 7) * 0.25f;
    for (int i = 0; i < LEN; i++) y[i] = a * x[i] + y[i] * 0.5f;
    float s = 0;
    for (int i = 0; i < LEN; i++) s += y[i];
    total += s;
  }
  return double_bits(total);
}
