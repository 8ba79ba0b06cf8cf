package dev.flarec.benchmarks.simd;

import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.ExportedFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntToLongFunction;

/**
 * Times one kernel {@code .wasm} (exporting {@code int64 run(int32)}, see kernels/bench.h) under
 * flarec, the way native/harness.c and node/run-kernels.mjs time it: check the answer, warm up,
 * then five timed rounds, one JSON line. The JVM gets half the time to warm up (C2 needs a few
 * thousand calls), the rounds share the other half.
 *
 * <pre>java -cp ... dev.flarec.benchmarks.simd.SimdKernelTimer KERNEL.wasm N EXPECTED SECONDS</pre>
 */
public final class SimdKernelTimer {
  private static final int ROUNDS = 5;

  private SimdKernelTimer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: SimdKernelTimer KERNEL.wasm N EXPECTED SECONDS");
      System.exit(2);
    }
    ExportedFunction run =
        Flarec.compile(Files.readAllBytes(Path.of(args[0]))).load().instantiate().function("run");
    report(
        n -> (Long) run.call(n)[0],
        Integer.parseInt(args[1]),
        Long.parseLong(args[2]),
        Double.parseDouble(args[3]));
  }

  /**
   * Checks, warms up and times {@code run} (the kernel's {@code run(n)}), printing the JSON line.
   */
  static void report(IntToLongFunction run, int n, long expected, double seconds) {
    round(run, n, expected, seconds / 2);
    double[] rounds = new double[ROUNDS];
    double sum = 0;
    double best = Double.MAX_VALUE;
    for (int i = 0; i < ROUNDS; i++) {
      rounds[i] = round(run, n, expected, seconds / 2 / ROUNDS);
      sum += rounds[i];
      best = Math.min(best, rounds[i]);
    }
    double mean = sum / ROUNDS;
    double var = 0;
    for (double r : rounds) {
      var += (r - mean) * (r - mean);
    }
    System.out.printf(
        Locale.ROOT,
        "{\"mean_ns\": %.1f, \"min_ns\": %.1f, \"stdev_ns\": %.1f, \"rounds\": %d}%n",
        mean,
        best,
        Math.sqrt(var / (ROUNDS - 1)),
        ROUNDS);
  }

  /** Calls run(n) until {@code seconds} have passed; nanoseconds per call. */
  private static double round(IntToLongFunction run, int n, long expected, double seconds) {
    long start = System.nanoTime();
    long calls = 0;
    long elapsed;
    do {
      long got = run.applyAsLong(n);
      if (got != expected) {
        throw new IllegalStateException("run(" + n + ") = " + got + ", expected " + expected);
      }
      calls++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < seconds * 1e9);
    return (double) elapsed / calls;
  }
}
