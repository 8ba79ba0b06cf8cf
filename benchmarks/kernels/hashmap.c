/*
 * Memory-heavy with random access: an open-addressing hash table (linear probing, 2^15 slots)
 * counting n pseudo-random keys drawn from 20,000 values, then looking up 20,000 keys.
 */
#include "bench.h"

#define SLOTS (1 << 15)
#define DISTINCT 20000u

static uint32_t keys[SLOTS];
static uint32_t counts[SLOTS];

static uint32_t hash(uint32_t k) {
  k ^= k >> 16;
  k *= 0x7feb352du;
  k ^= k >> 15;
  k *= 0x846ca68bu;
  k ^= k >> 16;
  return k;
}

static uint32_t *slot_of(uint32_t key) {
  uint32_t i = hash(key) & (SLOTS - 1);
  while (keys[i] != 0 && keys[i] != key) {
    i = (i + 1) & (SLOTS - 1);
  }
  keys[i] = key;
  return &counts[i];
}

KERNEL int64_t run(int32_t n) {
  FILL(keys, 0, sizeof keys);
  FILL(counts, 0, sizeof counts);
  uint32_t seed = 88172645u;
  for (int32_t i = 0; i < n; i++) {
    uint32_t key = next_random(&seed) % DISTINCT + 1;
    *slot_of(key) += 1;
  }
  int64_t checksum = 0;
  for (uint32_t key = 1; key <= DISTINCT; key++) {
    checksum = checksum * 1000003 + *slot_of(key);
  }
  return checksum;
}
