package dev.flarec.benchmarks.startup;

import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times flarec on a generated large module in a fresh JVM and records the heap it needed; prints
 * one JSON object. Run it with a fixed heap ceiling (run.sh gives {@code -Xmx2g}) so the peak is
 * the collector's choice within the same limit each time.
 *
 * <pre>java -cp ... dev.flarec.benchmarks.startup.CompileCost FUNCTIONS [OUT.wasm]</pre>
 *
 * <p>"cold" is the first compile in the JVM (the compiler itself still interpreted and being
 * JIT-compiled: what the {@code flarec} command line pays); "warm" the best of three more.
 */
public final class CompileCost {
  private CompileCost() {}

  public static void main(String[] args) throws Exception {
    int functions = Integer.parseInt(args[0]);
    byte[] wasm = LargeModule.generate(functions);
    if (args.length > 1) {
      Files.write(Path.of(args[1]), wasm);
    }
    System.gc();
    resetPeaks();
    long heapBefore = heapUsed();
    long start = System.nanoTime();
    CompiledModule compiled = Flarec.compile(wasm);
    long compiled1 = System.nanoTime();
    compiled.load();
    long loaded = System.nanoTime();
    long peak = heapPeak();
    long classBytes = compiled.classFiles().values().stream().mapToLong(b -> b.length).sum();
    long warm = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      Flarec.compile(wasm);
      warm = Math.min(warm, System.nanoTime() - t);
    }
    System.out.printf(
        "{\"functions\": %d, \"wasm_bytes\": %d, \"code_bytes\": %d, \"classes\": %d, "
            + "\"class_bytes\": %d, \"cold_compile_ms\": %.1f, \"load_ms\": %.1f, "
            + "\"warm_compile_ms\": %.1f, \"peak_heap_mb\": %.1f, \"heap_before_mb\": %.1f, "
            + "\"max_heap_mb\": %.0f}%n",
        functions,
        wasm.length,
        LargeModule.codeBytes(wasm),
        compiled.classFiles().size(),
        classBytes,
        (compiled1 - start) / 1e6,
        (loaded - compiled1) / 1e6,
        warm / 1e6,
        peak / 1048576.0,
        heapBefore / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks: an upper bound on the live heap at any one moment. */
  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
