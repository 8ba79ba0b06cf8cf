/* Floating point over memory: n products of two 64x64 double matrices, C = A * B, then A = C / |C|. */
#include "bench.h"

#define N 64

static double a[N * N], b[N * N], c[N * N];

KERNEL int64_t run(int32_t n) {
  uint32_t seed = 12345;
  for (int i = 0; i < N * N; i++) {
    a[i] = (double)(next_random(&seed) & 1023) / 1024.0;
    b[i] = (double)(next_random(&seed) & 1023) / 1024.0 - 0.5;
  }
  double norm = 0;
  for (int32_t r = 0; r < n; r++) {
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        double sum = 0;
        for (int k = 0; k < N; k++) {
          sum += a[i * N + k] * b[k * N + j];
        }
        c[i * N + j] = sum;
      }
    }
    norm = 0;
    for (int i = 0; i < N * N; i++) {
      norm += c[i] * c[i];
    }
    norm = __builtin_sqrt(norm) + 1.0;
    for (int i = 0; i < N * N; i++) {
      a[i] = c[i] / norm;
    }
  }
  return double_bits(norm);
}
