/* Histogram of the high nibbles of a 64 KiB byte block (16 bins), n times. With -msimd128:
 * wasm_simd128.h compare-and-subtract into byte counters, flushed to 16-bit counters every 255
 * blocks; without, the plain counting loop. */
#include "../bench.h"
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif
#define LEN 65536
static uint8_t x[LEN];
static uint32_t bins[16];
static void histogram(void) {
  for (int b = 0; b < 16; b++) bins[b] = 0;
#ifdef __wasm_simd128__
  for (int b = 0; b < 16; b++) {
    v128_t key = wasm_i8x16_splat((int8_t)b);
    v128_t wide = wasm_i32x4_splat(0);
    for (int i = 0; i < LEN; i += 16 * 255) {
      v128_t acc = wasm_i8x16_splat(0);
      int end = i + 16 * 255 < LEN ? i + 16 * 255 : LEN;
      for (int j = i; j < end; j += 16) {
        v128_t hi = wasm_u8x16_shr(wasm_v128_load(&x[j]), 4);
        acc = wasm_i8x16_sub(acc, wasm_i8x16_eq(hi, key));
      }
      wide = wasm_i32x4_add(wide, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(acc)));
    }
    bins[b] = wasm_u32x4_extract_lane(wide, 0) + wasm_u32x4_extract_lane(wide, 1) +
              wasm_u32x4_extract_lane(wide, 2) + wasm_u32x4_extract_lane(wide, 3);
  }
#else
  for (int i = 0; i < LEN; i++) bins[x[i] >> 4]++;
#endif
}
KERNEL int64_t run(int32_t n) {
  uint32_t seed = 777;
  for (int i = 0; i < LEN; i++) x[i] = (uint8_t)next_random(&seed);
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    histogram();
    for (int b = 0; b < 16; b++) total = total * 31 + bins[b];
    x[r % LEN] += 17;
  }
  return total;
}
