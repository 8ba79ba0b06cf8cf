package dev.flarec.benchmarks.realprogram;

import java.util.ArrayList;
import java.util.List;

/** The timings of one program on one engine, in milliseconds. */
final class RunTimes {
  double compileMs = Double.NaN;
  double firstMs = Double.NaN;
  final List<Double> laterMs = new ArrayList<>();

  /** The median of the later runs: the steady state. */
  double steadyMs() {
    if (laterMs.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = laterMs.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
