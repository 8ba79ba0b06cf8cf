/*
 * Shared by every benchmark kernel. A kernel is one C file with one entry point,
 * int64_t run(int32_t n), that does work proportional to n and returns a checksum of it, so the
 * same source runs as Wasm (exported as "run": flarec, Chicory, node) and natively (gcc -O2,
 * linked with native/harness.c). No libc: inputs come from a fixed pseudo-random generator, so
 * every engine computes the same answer, which the harnesses check before timing.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

#ifdef __wasm__
#define KERNEL __attribute__((export_name("run"), used))
#else
#define KERNEL
#endif

/* Lower to memory.copy / memory.fill with -mbulk-memory; to libc's memcpy/memset natively. */
#define COPY(dst, src, n) __builtin_memcpy((dst), (src), (n))
#define MOVE(dst, src, n) __builtin_memmove((dst), (src), (n))
#define FILL(dst, v, n) __builtin_memset((dst), (v), (n))

/* xorshift32: cheap, deterministic, and the same in C, Java and every engine. */
static inline uint32_t next_random(uint32_t *state) {
  uint32_t x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return x;
}

/* The bits of a double as an integer checksum: floating-point results must match bit for bit. */
static inline int64_t double_bits(double d) {
  int64_t bits;
  __builtin_memcpy(&bits, &d, sizeof bits);
  return bits;
}

int64_t run(int32_t n);

#endif
