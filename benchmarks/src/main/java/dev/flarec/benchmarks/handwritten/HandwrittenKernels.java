package dev.flarec.benchmarks.handwritten;

import dev.flarec.benchmarks.engine.KernelRunner;
import java.util.Map;
import java.util.Set;

/** The kernels that have a hand-written Java version. */
public final class HandwrittenKernels {
  private static final Map<String, KernelRunner> KERNELS =
      Map.of(
          "collatz", Collatz::run,
          "nbody", NBody::run,
          "sort", Sort::run,
          "sha256", Sha256::run,
          "fib", Fib::run);

  private HandwrittenKernels() {}

  public static Set<String> names() {
    return KERNELS.keySet();
  }

  public static KernelRunner forKernel(String name) {
    KernelRunner runner = KERNELS.get(name);
    if (runner == null) {
      throw new IllegalArgumentException("no hand-written Java version of " + name);
    }
    return runner;
  }

  /** bench.h's xorshift32 over a one-element state. */
  static int nextRandom(int[] state) {
    int x = state[0];
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    state[0] = x;
    return x;
  }
}
