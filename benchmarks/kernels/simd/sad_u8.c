/* Sum of absolute differences of two 64 KiB byte blocks, n times (motion estimation's inner
 * loop). With -msimd128 it uses wasm_simd128.h intrinsics: |x - y| as the OR of two saturating
 * subtractions, then pairwise widening adds; without, the plain loop. */
#include "../bench.h"
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#define LEN 65536
static uint8_t x[LEN], y[LEN];

static uint32_t sad(void) {
#ifdef __wasm_simd128__
  v128_t acc = wasm_i32x4_splat(0);
  for (int i = 0; i < LEN; i += 16) {
    v128_t p = wasm_v128_load(&x[i]);
    v128_t q = wasm_v128_load(&y[i]);
    v128_t d = wasm_v128_or(wasm_u8x16_sub_sat(p, q), wasm_u8x16_sub_sat(q, p));
    acc = wasm_i32x4_add(acc, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(d)));
  }
  return wasm_u32x4_extract_lane(acc, 0) + wasm_u32x4_extract_lane(acc, 1) +
         wasm_u32x4_extract_lane(acc, 2) + wasm_u32x4_extract_lane(acc, 3);
#else
  uint32_t s = 0;
  for (int i = 0; i < LEN; i++) {
    s += x[i] > y[i] ? x[i] - y[i] : y[i] - x[i];
  }
  return s;
#endif
}

KERNEL int64_t run(int32_t n) {
  uint32_t seed = 4242;
  for (int i = 0; i < LEN; i++) {
    x[i] = (uint8_t)next_random(&seed);
    y[i] = (uint8_t)next_random(&seed);
  }
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    uint32_t s = sad();
    total += s;
    x[r % LEN] = (uint8_t)s;
  }
  return total;
}
