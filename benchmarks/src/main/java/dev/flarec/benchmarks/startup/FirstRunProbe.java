package dev.flarec.benchmarks.startup;

import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.CommandLineProcess;
import dev.flarec.wasi.Wasi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled JAR's first run in this (fresh) JVM, timed apart from loading it: start it in a new
 * process per measurement.
 *
 * <pre>
 * FirstRunProbe JAR RUNS [--dir HOST::GUEST] [--stdin FILE] -- ARGS...   a WASI command, ARGS its argv
 * FirstRunProbe JAR RUNS --invoke EXPORT N                an export taking one i32
 * </pre>
 *
 * Prints one line: {@code load_ms} (reading the JAR and defining the module), {@code first_ms} (the
 * first run, a fresh instance: wall clock), {@code first_cpu_ms} (the same, CPU time of this thread
 * only, which other processes on a shared machine disturb less than the wall clock; the JIT's
 * compiler threads are not in it), {@code first_process_cpu_ms} (the CPU time of the whole process
 * during the first run, the JIT's compiler threads and the GC included), and, when {@code RUNS} is
 * more than one, the median and best wall-clock time of the later runs, each on a fresh instance
 * (only the first run's output is shown), and their median CPU time of this thread ({@code
 * later_cpu_median_ms}, the steady state to compare on a loaded machine).
 */
public final class FirstRunProbe {
  private FirstRunProbe() {}

  public static void main(String[] args) throws Exception {
    // as the launchers of `java -jar PROGRAM.jar` do; -Dflarec.interruptible=true keeps the checks
    CommandLineProcess.declareUninterruptible();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    Module module = Module.load(Path.of(args[0]));
    double loadMillis = (System.nanoTime() - start) / 1e6;
    int runs = Integer.parseInt(args[1]);
    List<String> rest = Arrays.asList(args).subList(2, args.length);
    double[] millis = new double[runs];
    double[] cpuMillis = new double[runs];
    double firstCpuMillis = 0;
    double firstProcessCpuMillis = 0;
    Object result = null;
    for (int r = 0; r < runs; r++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long processCpu = processCpuNanos();
      long wall = System.nanoTime();
      result = runOnce(module, rest, r == 0);
      millis[r] = (System.nanoTime() - wall) / 1e6;
      cpuMillis[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
      if (r == 0) {
        firstCpuMillis = cpuMillis[0];
        firstProcessCpuMillis = (processCpuNanos() - processCpu) / 1e6;
      }
    }
    double[] later = Arrays.copyOfRange(millis, 1, runs);
    Arrays.sort(later);
    double[] laterCpu = Arrays.copyOfRange(cpuMillis, 1, runs);
    Arrays.sort(laterCpu);
    System.err.printf(
        "load_ms=%.1f first_ms=%.1f first_cpu_ms=%.1f first_process_cpu_ms=%.1f"
            + " later_median_ms=%s later_min_ms=%s later_cpu_median_ms=%s result=%s%n",
        loadMillis,
        millis[0],
        firstCpuMillis,
        firstProcessCpuMillis,
        later.length == 0 ? "-" : String.format("%.1f", later[later.length / 2]),
        later.length == 0 ? "-" : String.format("%.1f", later[0]),
        laterCpu.length == 0 ? "-" : String.format("%.1f", laterCpu[laterCpu.length / 2]),
        result);
  }

  /** CPU time of the whole process: every thread, the JIT's compiler threads included. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Object runOnce(Module module, List<String> rest, boolean showOutput) {
    if (rest.get(0).equals("--invoke")) {
      Object[] results =
          module.instantiate().function(rest.get(1)).call(Integer.parseInt(rest.get(2)));
      return Arrays.toString(results);
    }
    Wasi.Builder wasi =
        Wasi.builder().stdout(showOutput ? System.out : OutputStream.nullOutputStream());
    int argv = rest.indexOf("--");
    for (int i = 0; i < argv; i += 2) {
      if (rest.get(i).equals("--stdin")) {
        try {
          wasi.stdin(new ByteArrayInputStream(Files.readAllBytes(Path.of(rest.get(i + 1)))));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        continue;
      }
      String[] dir = rest.get(i + 1).split("::", 2);
      wasi.preopen(Path.of(dir[0]), dir.length == 2 ? dir[1] : dir[0]);
    }
    wasi.args(rest.subList(argv + 1, rest.size()));
    try (Wasi built = wasi.build()) {
      return built.run(module);
    }
  }
}
