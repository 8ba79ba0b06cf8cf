/* 64x64 single-precision matrix multiply, n times, in i-k-j order: the inner loop over j is
 * f32x4 multiplies and adds under -msimd128 (no reassociation needed, so results are exact). */
#include "../bench.h"

#define N 64
static float a[N][N], b[N][N], c[N][N];

KERNEL int64_t run(int32_t n) {
  uint32_t seed = 99;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) {
      a[i][j] = (float)(next_random(&seed) % 1000) / 64.0f;
      b[i][j] = (float)(next_random(&seed) % 1000) / 64.0f;
    }
  }
  int64_t total = 0;
  for (int r = 0; r < n; r++) {
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        c[i][j] = 0;
      }
      for (int k = 0; k < N; k++) {
        float aik = a[i][k];
        for (int j = 0; j < N; j++) {
          c[i][j] += aik * b[k][j];
        }
      }
    }
    float probe = c[r % N][(r * 7) % N];
    int32_t bits;
    __builtin_memcpy(&bits, &probe, sizeof bits);
    total += bits;
    a[r % N][r % N] = probe / 4096.0f;
  }
  return total;
}
