package dev.flarec.benchmarks.handwritten;

/** kernels/collatz.c in Java. */
final class Collatz {
  private Collatz() {}

  static long run(int n) {
    long total = 0;
    for (int i = 1; i <= n; i++) {
      long x = i;
      long steps = 0;
      while (x != 1) {
        x = (x & 1) != 0 ? 3 * x + 1 : x >>> 1;
        steps++;
      }
      total += steps ^ (x * i);
    }
    return total;
  }
}
