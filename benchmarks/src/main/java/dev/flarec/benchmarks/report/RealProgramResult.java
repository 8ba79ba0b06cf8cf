package dev.flarec.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One program on one engine, as benchmarks/real-programs.sh recorded it (a line of results.jsonl).
 * Times are milliseconds, NaN when the stage was not reached; the CPU times are those of the thread
 * that ran the program, recorded by the JVM engines only.
 */
record RealProgramResult(
    String program,
    String engine,
    double compileMs,
    double firstMs,
    double steadyMs,
    double firstCpuMs,
    double steadyCpuMs,
    int laterRuns,
    String error,
    int timeoutSeconds,
    int interpretedFunctions) {

  static RealProgramResult of(JsonNode line) {
    return new RealProgramResult(
        line.path("program").asText(),
        line.path("engine").asText(),
        number(line, "compile_ms"),
        number(line, "first_ms"),
        number(line, "steady_ms"),
        number(line, "first_cpu_ms"),
        number(line, "steady_cpu_ms"),
        line.path("runs_ms").size(),
        line.hasNonNull("error") ? line.get("error").asText() : null,
        line.path("timeout_seconds").asInt(0),
        line.path("interpreted_functions").asInt(0));
  }

  /**
   * One result for several rounds of the same program on the same engine: each time the median over
   * the rounds that completed (an even count takes the mean of the middle two), the fewest later
   * runs, the most functions left to an interpreter; the first round as it is when none completed.
   */
  static RealProgramResult medianOf(List<RealProgramResult> rounds) {
    List<RealProgramResult> complete =
        rounds.stream().filter(r -> r.error() == null && !r.timedOut()).toList();
    if (rounds.size() == 1 || complete.isEmpty()) {
      return rounds.get(0);
    }
    RealProgramResult any = complete.get(0);
    return new RealProgramResult(
        any.program(),
        any.engine(),
        median(complete, RealProgramResult::compileMs),
        median(complete, RealProgramResult::firstMs),
        median(complete, RealProgramResult::steadyMs),
        median(complete, RealProgramResult::firstCpuMs),
        median(complete, RealProgramResult::steadyCpuMs),
        complete.stream().mapToInt(RealProgramResult::laterRuns).min().orElse(0),
        null,
        0,
        complete.stream().mapToInt(RealProgramResult::interpretedFunctions).max().orElse(0));
  }

  private static double median(
      List<RealProgramResult> rounds, ToDoubleFunction<RealProgramResult> measure) {
    double[] values =
        rounds.stream().mapToDouble(measure).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  private static double number(JsonNode line, String field) {
    return line.hasNonNull(field) ? line.get(field).asDouble() : Double.NaN;
  }

  boolean timedOut() {
    return timeoutSeconds > 0;
  }

  /**
   * The steady time for comparisons: measured, or, when the engine was stopped at the timeout, a
   * lower bound (the first run if it finished, else the whole timeout). NaN after an error.
   */
  double steadyOrBound() {
    if (!Double.isNaN(steadyMs)) {
      return steadyMs;
    }
    return firstOrBound();
  }

  /** The first run for comparisons: measured, or the timeout as a lower bound. */
  double firstOrBound() {
    if (!Double.isNaN(firstMs)) {
      return firstMs;
    }
    return timedOut() && error == null ? timeoutSeconds * 1000.0 : Double.NaN;
  }

  /** True when {@link #steadyOrBound} is only a lower bound. */
  boolean steadyIsBound() {
    return Double.isNaN(steadyMs) && timedOut();
  }

  boolean firstIsBound() {
    return Double.isNaN(firstMs) && timedOut();
  }
}
