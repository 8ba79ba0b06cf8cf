/*
 * Bulk memory: n rounds of a fill, a copy between distinct regions and an overlapping move over
 * a 1 MiB buffer, 4-36 KiB each (memory.fill / memory.copy in Wasm; libc's memset, memcpy and
 * memmove natively).
 */
#include "bench.h"

#define SIZE (1 << 20)

static uint8_t buffer[SIZE];

KERNEL int64_t run(int32_t n) {
  FILL(buffer, 0, SIZE);
  uint32_t seed = 1013904223u;
  int64_t checksum = 0;
  for (int32_t r = 0; r < n; r++) {
    uint32_t len = 4096 + (next_random(&seed) & 0x7fff);
    uint32_t a = next_random(&seed) & 0x7ffff;
    uint32_t b = 0x80000 + (next_random(&seed) & 0x6ffff);
    FILL(buffer + a, (uint8_t)(r * 7 + 1), len);
    buffer[a + (r & 1023)] = (uint8_t)r;
    COPY(buffer + b, buffer + a, len);
    MOVE(buffer + b + 7, buffer + b, len);
    checksum = checksum * 31 + buffer[b + (next_random(&seed) & 0xfff)];
  }
  return checksum;
}
