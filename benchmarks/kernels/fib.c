/* Recursion with many direct calls: naive Fibonacci, fib(n). */
#include "bench.h"

__attribute__((noinline)) static int32_t fib(int32_t n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

KERNEL int64_t run(int32_t n) {
  return fib(n);
}
