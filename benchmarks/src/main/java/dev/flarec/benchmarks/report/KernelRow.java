package dev.flarec.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * One kernel's times on every engine (milliseconds per call, NaN when not measured) and flarec's
 * ratios against each. "faster" ratios are the other engine's time over flarec's (above 1: flarec
 * is faster); "cost" ratios flarec's time over the reference's (above 1: flarec is slower), as the
 * targets are phrased.
 */
record KernelRow(
    String kernel,
    JmhScore flarec,
    JmhScore chicoryCompiler,
    JmhScore chicoryInterpreter,
    JmhScore java,
    double nodeMs,
    double nativeMs) {

  static final List<String> KERNELS =
      List.of(
          "collatz",
          "nbody",
          "matmul",
          "sort",
          "hashmap",
          "sha256",
          "fib",
          "indirect",
          "interp",
          "memops");

  static KernelRow of(Results r, String kernel) {
    return new KernelRow(
        kernel,
        kernelScore(r, kernel, "FLAREC"),
        kernelScore(r, kernel, "CHICORY_COMPILER"),
        kernelScore(r, kernel, "CHICORY_INTERPRETER"),
        r.score("JavaBaselineBenchmark", Map.of("kernel", kernel)).orElse(null),
        external(r.nodeByKernel, kernel),
        external(r.nativeByKernel, kernel));
  }

  private static JmhScore kernelScore(Results r, String kernel, String engine) {
    return r.score("KernelBenchmark", Map.of("kernel", kernel, "engine", engine)).orElse(null);
  }

  private static double external(
      Map<String, com.fasterxml.jackson.databind.JsonNode> byKernel, String kernel) {
    var n = byKernel.get(kernel);
    return n == null ? Double.NaN : n.get("mean_ns").asDouble() / 1e6;
  }

  static double ms(JmhScore s) {
    return s == null ? Double.NaN : s.millis();
  }

  double flarecMs() {
    return ms(flarec);
  }

  double fasterThanChicoryCompiler() {
    return ms(chicoryCompiler) / flarecMs();
  }

  double fasterThanChicoryInterpreter() {
    return ms(chicoryInterpreter) / flarecMs();
  }

  double fasterThanNode() {
    return nodeMs / flarecMs();
  }

  double costOverNative() {
    return flarecMs() / nativeMs;
  }

  double costOverJava() {
    return flarecMs() / ms(java);
  }
}
