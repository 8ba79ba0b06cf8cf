package dev.flarec.benchmarks.handwritten;

/** kernels/fib.c in Java. */
final class Fib {
  private Fib() {}

  static long run(int n) {
    return fib(n);
  }

  private static int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }
}
