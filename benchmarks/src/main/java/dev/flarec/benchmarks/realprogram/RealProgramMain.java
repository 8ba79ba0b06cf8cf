package dev.flarec.benchmarks.realprogram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarec.runtime.launch.CommandLineProcess;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times one program of the real-program corpus on one engine and prints one JSON object (the same
 * fields as benchmarks/node/run-real-program.mjs):
 *
 * <pre>RealProgramMain ENGINE PROGRAMS_TSV CACHE_DIR NAME LATER_RUNS BUDGET_SECONDS</pre>
 *
 * <p>Run it in a fresh JVM per program and engine, so "first" really is cold code: compile (or
 * load), then the first run on a fresh instance, then up to LATER_RUNS more on fresh instances,
 * stopping early once BUDGET_SECONDS have gone (at least one later run is always made). Each run's
 * output is checked against the native build's; a wrong output or a trap is reported as the
 * result's error, never timed. A line is printed after each stage, the complete one last, so a
 * caller that stops a slow engine at a timeout still has the stages it finished.
 *
 * <p>{@code flarec} is measured as it is deployed: compiled ahead of time in a JVM of its own
 * ({@code compile_ms}), then loaded from its JAR into this one ({@code load_ms}) and run. {@code
 * flarec-in-process} compiles in this JVM, as {@code flarec run} does.
 */
public final class RealProgramMain {
  private RealProgramMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println(
          "usage: RealProgramMain ENGINE PROGRAMS_TSV CACHE_DIR NAME LATER_RUNS BUDGET_SECONDS");
      System.exit(2);
    }
    String engineName = args[0];
    if (engineName.startsWith("flarec")) {
      // the program runs as `java -jar PROGRAM.jar` runs it, whose launcher declares this
      CommandLineProcess.declareUninterruptible();
    }
    RealProgram program = RealProgram.find(Path.of(args[1]), args[3]);
    var cache = new CorpusCache(Path.of(args[2]));
    int laterRuns = Integer.parseInt(args[4]);
    long budgetNanos = (long) (Double.parseDouble(args[5]) * 1e9);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("program", program.name());
    result.put("engine", engineName);
    var times = new RunTimes();
    try {
      byte[] expected = Files.readAllBytes(cache.expectedOutput(program));
      byte[] stdin = program.stdinBytes();
      ProgramEngine engine = ProgramEngine.named(engineName);

      long start = System.nanoTime();
      ProgramEngine.Prepared prepared = engine.prepare(program, cache);
      if (engine instanceof FlarecProgramEngine aot) {
        // compiled ahead of time in a JVM of its own; this JVM only loaded the JAR
        times.compileMs = aot.compileMillis();
        result.put("load_ms", aot.loadMillis());
      } else {
        times.compileMs = millisSince(start);
      }
      print(result, times);

      start = System.nanoTime();
      long cpu = threadCpuNanos();
      prepared.run(program, stdin).check(expected);
      times.firstMs = millisSince(start);
      // a native build runs in a process of its own: this thread's CPU time says nothing of it
      boolean inThisThread = !(engine instanceof NativeProgramEngine);
      if (inThisThread) {
        times.firstCpuMs = cpuMillisSince(cpu);
      }
      print(result, times);

      long began = System.nanoTime();
      while (times.laterMs.size() < laterRuns
          && (times.laterMs.isEmpty() || System.nanoTime() - began < budgetNanos)) {
        start = System.nanoTime();
        cpu = threadCpuNanos();
        prepared.run(program, stdin).check(expected);
        times.laterMs.add(millisSince(start));
        if (inThisThread) {
          times.laterCpuMs.add(cpuMillisSince(cpu));
        }
      }
      result.put("output", "matches native");
    } catch (Throwable failure) { // a trap, a wrong answer, a stack overflow: all are results here
      result.put("error", describe(failure));
    }
    result.put("complete", true);
    print(result, times);
  }

  private static void print(Map<String, Object> result, RunTimes times) throws Exception {
    putIfMeasured(result, "compile_ms", times.compileMs);
    putIfMeasured(result, "first_ms", times.firstMs);
    putIfMeasured(result, "first_cpu_ms", times.firstCpuMs);
    if (!times.laterMs.isEmpty()) {
      result.put("runs_ms", times.laterMs);
      result.put("steady_ms", times.steadyMs());
      putIfMeasured(result, "steady_cpu_ms", times.steadyCpuMs());
    }
    System.out.println(new ObjectMapper().writeValueAsString(result));
    System.out.flush();
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  /** CPU time of this thread, which runs the program on the JVM engines. */
  private static long threadCpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static double cpuMillisSince(long startNanos) {
    return (threadCpuNanos() - startNanos) / 1e6;
  }

  private static void putIfMeasured(Map<String, Object> result, String key, double value) {
    if (!Double.isNaN(value)) {
      result.put(key, value);
    }
  }

  private static String describe(Throwable failure) {
    if (failure instanceof ProgramOutput.WrongOutput) {
      return failure.getMessage();
    }
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
