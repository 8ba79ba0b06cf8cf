package dev.flarec.benchmarks.simd;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Thread CPU time per call of one or more kernel builds, each {@code .wasm} compiled by its own
 * {@code flarec.jar} (loaded in a class loader of its own, so two builds of flarec and their
 * runtimes run side by side in one JVM), interleaved batch by batch: the fair A/B on a shared
 * machine that docs/benchmarks.md's SIMD sections ask for. Every call's answer is checked against
 * the first engine's first answer.
 *
 * <pre>java -cp benchmarks/target/classes dev.flarec.benchmarks.simd.SimdCpuTimer N WARM_SECONDS
 *     ROUNDS LABEL=FLAREC_JAR,KERNEL.wasm ...</pre>
 *
 * <p>Each round runs every engine for 0.4 s of thread CPU time, the order rotated from round to
 * round; prints each round, then per engine the best and the median in milliseconds per call and
 * the median over the first engine's.
 */
public final class SimdCpuTimer {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final double BATCH_SECONDS = 0.4;

  private SimdCpuTimer() {}

  /** One build: a kernel's {@code run} export compiled by one {@code flarec.jar}. */
  private record Engine(String label, Object function, Method call) {
    long run(int n) throws ReflectiveOperationException {
      Object[] result = (Object[]) call.invoke(function, (Object) new Object[] {n});
      return (Long) result[0];
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: SimdCpuTimer N WARM_SECONDS ROUNDS LABEL=FLAREC_JAR,KERNEL.wasm ...");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    double warm = Double.parseDouble(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<Engine> engines = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      engines.add(load(args[i]));
    }
    long expected = engines.get(0).run(n);
    for (Engine e : engines) {
      long end = System.nanoTime() + (long) (warm * 1e9);
      while (System.nanoTime() < end) {
        check(e, n, expected);
      }
    }
    double[][] millis = new double[engines.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
      for (int k = 0; k < engines.size(); k++) {
        int e = (k + r) % engines.size();
        millis[e][r] = cpuMillisPerCall(engines.get(e), n, expected);
      }
      for (int e = 0; e < engines.size(); e++) {
        line.append(
            String.format(Locale.ROOT, " %s %.3f ms", engines.get(e).label(), millis[e][r]));
      }
      System.out.println(line);
    }
    double base = median(millis[0]);
    for (int e = 0; e < engines.size(); e++) {
      System.out.printf(
          Locale.ROOT,
          "%s: best %.3f ms, median %.3f ms, median / %s %.2f%n",
          engines.get(e).label(),
          Arrays.stream(millis[e]).min().orElseThrow(),
          median(millis[e]),
          engines.get(0).label(),
          median(millis[e]) / base);
    }
  }

  /** {@code LABEL=JAR,WASM}: compiles WASM with the flarec of JAR, in a class loader of its own. */
  private static Engine load(String spec) throws Exception {
    int eq = spec.indexOf('=');
    int comma = spec.indexOf(',', eq);
    if (eq < 0 || comma < 0) {
      throw new IllegalArgumentException("expected LABEL=FLAREC_JAR,KERNEL.wasm: " + spec);
    }
    URL jar = Path.of(spec.substring(eq + 1, comma)).toUri().toURL();
    byte[] wasm = Files.readAllBytes(Path.of(spec.substring(comma + 1)));
    ClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    Class<?> flarec = Class.forName("dev.flarec.compiler.Flarec", true, loader);
    Object module = flarec.getMethod("compile", byte[].class).invoke(null, (Object) wasm);
    Object loaded = module.getClass().getMethod("load").invoke(module);
    Object instance = loaded.getClass().getMethod("instantiate").invoke(loaded);
    Object function =
        instance.getClass().getMethod("function", String.class).invoke(instance, "run");
    Method call = function.getClass().getMethod("call", Object[].class);
    return new Engine(spec.substring(0, eq), function, call);
  }

  private static void check(Engine e, int n, long expected) throws ReflectiveOperationException {
    long got = e.run(n);
    if (got != expected) {
      throw new IllegalStateException(
          e.label() + ": run(" + n + ") = " + got + ", expected " + expected);
    }
  }

  /** Runs {@code e} for about {@link #BATCH_SECONDS} of this thread's CPU time; ms per call. */
  private static double cpuMillisPerCall(Engine e, int n, long expected)
      throws ReflectiveOperationException {
    long start = THREADS.getCurrentThreadCpuTime();
    long now = start;
    int calls = 0;
    while (now - start < BATCH_SECONDS * 1e9) {
      check(e, n, expected);
      calls++;
      now = THREADS.getCurrentThreadCpuTime();
    }
    return (now - start) / 1e6 / calls;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
}
