/*
 * Indirect calls through a table: n calls through an array of eight function pointers, the
 * callee chosen by the running value (call_indirect in Wasm, an indirect call natively).
 */
#include "bench.h"

#define NOINLINE __attribute__((noinline))

NOINLINE static uint32_t op_add(uint32_t x, uint32_t i) { return x + i + 0x9e3779b9u; }
NOINLINE static uint32_t op_xor(uint32_t x, uint32_t i) { return (x ^ (i * 2654435761u)) + 1; }
NOINLINE static uint32_t op_mul(uint32_t x, uint32_t i) { return x * 0x01000193u + i; }
NOINLINE static uint32_t op_rot(uint32_t x, uint32_t i) { return ((x << 7) | (x >> 25)) + i; }
NOINLINE static uint32_t op_sub(uint32_t x, uint32_t i) { return x - (i << 3) + 17; }
NOINLINE static uint32_t op_shr(uint32_t x, uint32_t i) { return (x >> 3) ^ (x << 11) ^ i; }
NOINLINE static uint32_t op_neg(uint32_t x, uint32_t i) { return ~x + (i & 255); }
NOINLINE static uint32_t op_mix(uint32_t x, uint32_t i) { return (x ^ (x >> 16)) * 0x45d9f3bu + i; }

typedef uint32_t (*op)(uint32_t, uint32_t);

/* Not const: the table is data, as in a real program with callbacks or vtables. */
op table[8] = {op_add, op_xor, op_mul, op_rot, op_sub, op_shr, op_neg, op_mix};

KERNEL int64_t run(int32_t n) {
  uint32_t x = 1;
  int64_t sum = 0;
  for (int32_t i = 0; i < n; i++) {
    x = table[(x >> 5) & 7](x, (uint32_t)i);
    sum += x & 0xffff;
  }
  return sum ^ ((int64_t)x << 32);
}
