package dev.flarec.benchmarks.engine;

import dev.flarec.benchmarks.kernel.Kernel;
import dev.flarec.benchmarks.kernel.KernelCatalog;
import dev.flarec.benchmarks.report.Stats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One kernel (benchmarks/kernels/*.wasm) compiled by flarec against its hand-written Java version,
 * in one process and one thread: batches alternate, the order swapped every round, each timed in
 * this thread's CPU time (steadier than wall time on a shared machine). Prints each round and the
 * medians in milliseconds per call, and flarec's time over Java's.
 *
 * <pre>java -cp ... dev.flarec.benchmarks.engine.KernelCpuProbe KERNEL [WARM_SECONDS] [ROUNDS]
 *     [BATCH_SECONDS]</pre>
 *
 * <p>A kernel without a hand-written version is timed on flarec alone.
 */
public final class KernelCpuProbe {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private KernelCpuProbe() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: KernelCpuProbe KERNEL [WARM_SECONDS] [ROUNDS] [BATCH_SECONDS]");
      System.exit(2);
    }
    Kernel kernel;
    try {
      kernel = KernelCatalog.named(args[0]);
    } catch (IllegalArgumentException e) {
      System.err.println("KernelCpuProbe: " + e.getMessage());
      System.exit(2);
      return;
    }
    double warm = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    double batch = args.length > 3 ? Double.parseDouble(args[3]) : 1;
    KernelRunner flarec = Engine.FLAREC.loadChecked(kernel);
    KernelRunner java = javaVersion(kernel);
    int n = kernel.benchN();
    long end = System.nanoTime() + (long) (warm * 1e9);
    while (System.nanoTime() < end) {
      kernel.check("flarec", n, flarec.run(n));
      if (java != null) {
        kernel.check("Java", n, java.run(n));
      }
    }
    double[] flarecMillis = new double[rounds];
    double[] javaMillis = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      if (java != null && r % 2 == 1) {
        javaMillis[r] = cpuMillisPerCall(kernel, java, batch);
      }
      flarecMillis[r] = cpuMillisPerCall(kernel, flarec, batch);
      if (java != null && r % 2 == 0) {
        javaMillis[r] = cpuMillisPerCall(kernel, java, batch);
      }
      System.out.printf(
          "round %d: flarec %.3f ms%s%n",
          r + 1,
          flarecMillis[r],
          java == null ? "" : String.format(", Java %.3f ms", javaMillis[r]));
    }
    double f = Stats.median(flarecMillis);
    if (java == null) {
      System.out.printf("%s median CPU per call: flarec %.3f ms%n", kernel.name(), f);
    } else {
      double j = Stats.median(javaMillis);
      System.out.printf(
          "%s median CPU per call: flarec %.3f ms, Java %.3f ms; flarec / Java %.2f%n",
          kernel.name(), f, j, f / j);
    }
  }

  private static KernelRunner javaVersion(Kernel kernel) {
    try {
      return Engine.JAVA.loadChecked(kernel);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Runs {@code runner} for about {@code seconds} of this thread's CPU time; CPU ms per call. */
  private static double cpuMillisPerCall(Kernel kernel, KernelRunner runner, double seconds) {
    long budget = (long) (seconds * 1e9);
    int n = kernel.benchN();
    long start = THREADS.getCurrentThreadCpuTime();
    long now = start;
    int calls = 0;
    while (now - start < budget) {
      kernel.check("probe", n, runner.run(n));
      calls++;
      now = THREADS.getCurrentThreadCpuTime();
    }
    return (now - start) / 1e6 / calls;
  }
}
