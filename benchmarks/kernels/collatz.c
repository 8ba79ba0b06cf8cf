/* Integer arithmetic in a tight loop: total Collatz steps of 1..n (64-bit, data-dependent branches). */
#include "bench.h"

KERNEL int64_t run(int32_t n) {
  int64_t total = 0;
  for (int32_t i = 1; i <= n; i++) {
    uint64_t x = (uint64_t)i;
    int64_t steps = 0;
    while (x != 1) {
      x = (x & 1) ? 3 * x + 1 : x >> 1;
      steps++;
    }
    total += steps ^ (int64_t)(x * (uint64_t)i);
  }
  return total;
}
