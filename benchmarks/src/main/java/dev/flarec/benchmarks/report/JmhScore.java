package dev.flarec.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * One JMH result: the benchmark class's simple name, its parameters, the mean and the 99.9%
 * confidence half-width JMH reports, in {@code unit}, and the measured iterations (first fork).
 */
record JmhScore(
    String benchmark,
    Map<String, String> params,
    double score,
    double error,
    String unit,
    List<Double> iterations) {
  String param(String name) {
    return params.getOrDefault(name, "");
  }

  /**
   * The median of the last three measured iterations, in ms: the steady state of a slow starter.
   */
  double lastIterationsMillis() {
    if (iterations.isEmpty()) {
      return millis();
    }
    List<Double> last = iterations.subList(Math.max(0, iterations.size() - 3), iterations.size());
    return toMillis(last.stream().sorted().toList().get(last.size() / 2));
  }

  /** The score in milliseconds, whatever unit JMH used. */
  double millis() {
    return toMillis(score);
  }

  double errorMillis() {
    return toMillis(error);
  }

  private double toMillis(double v) {
    return switch (unit) {
      case "ms/op" -> v;
      case "us/op" -> v / 1e3;
      case "ns/op" -> v / 1e6;
      case "s/op" -> v * 1e3;
      default -> throw new IllegalStateException("unexpected JMH unit " + unit);
    };
  }
}
