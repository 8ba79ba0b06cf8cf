/* Memory-heavy: n times, fill 16,384 pseudo-random ints and quicksort them (insertion sort below 16). */
#include "bench.h"

#define COUNT 16384

static uint32_t data[COUNT];

static void insertion_sort(uint32_t *v, int32_t lo, int32_t hi) {
  for (int32_t i = lo + 1; i <= hi; i++) {
    uint32_t x = v[i];
    int32_t j = i - 1;
    while (j >= lo && v[j] > x) {
      v[j + 1] = v[j];
      j--;
    }
    v[j + 1] = x;
  }
}

static void quicksort(uint32_t *v, int32_t lo, int32_t hi) {
  while (hi - lo > 16) {
    uint32_t pivot = v[lo + (hi - lo) / 2];
    int32_t i = lo, j = hi;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        uint32_t t = v[i];
        v[i] = v[j];
        v[j] = t;
        i++;
        j--;
      }
    }
    /* recurse into the smaller half, loop on the larger: bounded stack */
    if (j - lo < hi - i) {
      quicksort(v, lo, j);
      lo = i;
    } else {
      quicksort(v, i, hi);
      hi = j;
    }
  }
  insertion_sort(v, lo, hi);
}

KERNEL int64_t run(int32_t n) {
  uint32_t seed = 2463534242u;
  int64_t checksum = 0;
  for (int32_t r = 0; r < n; r++) {
    for (int32_t i = 0; i < COUNT; i++) {
      data[i] = next_random(&seed);
    }
    quicksort(data, 0, COUNT - 1);
    for (int32_t i = 0; i < COUNT; i += 97) {
      checksum = checksum * 31 + data[i];
    }
  }
  return checksum;
}
