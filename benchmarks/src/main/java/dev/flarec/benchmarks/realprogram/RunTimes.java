package dev.flarec.benchmarks.realprogram;

import dev.flarec.benchmarks.report.Stats;
import java.util.ArrayList;
import java.util.List;

/**
 * The timings of one program on one engine, in milliseconds: wall-clock, and the CPU time of the
 * thread that ran the program (its JIT compilers and garbage collector, which compete for the cores
 * of a loaded machine, not counted).
 */
final class RunTimes {
  double compileMs = Double.NaN;
  double firstMs = Double.NaN;
  final List<Double> laterMs = new ArrayList<>();
  double firstCpuMs = Double.NaN;
  final List<Double> laterCpuMs = new ArrayList<>();

  /** The median of the later runs: the steady state. */
  double steadyMs() {
    return median(laterMs);
  }

  /** The median of the later runs' CPU times. */
  double steadyCpuMs() {
    return median(laterCpuMs);
  }

  private static double median(List<Double> times) {
    return Stats.median(times.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
