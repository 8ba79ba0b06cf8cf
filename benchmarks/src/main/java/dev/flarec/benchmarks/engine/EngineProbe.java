package dev.flarec.benchmarks.engine;

import dev.flarec.benchmarks.kernel.Kernel;
import dev.flarec.benchmarks.kernel.KernelCatalog;

/**
 * Runs one kernel on one engine for a while and prints the time per call every second: for looking
 * at a result with JVM flags ({@code -XX:+PrintCompilation}, a profiler) outside JMH.
 *
 * <pre>java -cp ... dev.flarec.benchmarks.engine.EngineProbe KERNEL ENGINE [SECONDS]</pre>
 */
public final class EngineProbe {
  private EngineProbe() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println(
          "usage: EngineProbe KERNEL ENGINE [SECONDS]   (ENGINE: FLAREC, CHICORY_COMPILER, ...)");
      System.exit(2);
    }
    Kernel kernel = KernelCatalog.named(args[0]);
    Engine engine = Engine.valueOf(args[1]);
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
    KernelRunner runner = engine.loadChecked(kernel);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      long start = System.nanoTime();
      int calls = 0;
      do {
        kernel.check(engine.label(), kernel.benchN(), runner.run(kernel.benchN()));
        calls++;
      } while (System.nanoTime() - start < 1_000_000_000L);
      System.out.printf(
          "%s on %s: %.3f ms/call%n",
          kernel.name(), engine.label(), (System.nanoTime() - start) / 1e6 / calls);
    }
  }
}
