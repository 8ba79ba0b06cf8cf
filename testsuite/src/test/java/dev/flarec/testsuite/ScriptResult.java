package dev.flarec.testsuite;

import java.util.List;

/**
 * What running one script gave: how many commands passed, failed, or could not apply to flarec, and
 * the first few failures, described.
 *
 * <p>Only the first {@link #MAX_REPORTED} failures are kept: a compiler bug in a common instruction
 * fails hundreds of commands the same way, and the first few say as much as all. Holding strings
 * only (never instances or modules) lets each script's instances be collected as soon as the script
 * is done.
 *
 * @param script the script's name
 * @param passed commands that did what the script asserts
 * @param failed commands that did not, including commands that could not run at all
 * @param notApplicable commands that test something flarec deliberately lacks (the text format)
 * @param failures the first failures, each as {@code line N: <command>: expected ..., got ...}
 */
public record ScriptResult(
    String script, int passed, int failed, int notApplicable, List<String> failures) {
  static final int MAX_REPORTED = 10;

  /** A script that could not be run at all (not converted, not parsed): one failure, saying why. */
  static ScriptResult broken(String script, String why) {
    return new ScriptResult(script, 0, 1, 0, List.of(why));
  }

  /** The failure report of a failed script: the counts, then the first failures, one per line. */
  String failureMessage() {
    StringBuilder sb =
        new StringBuilder(script)
            .append(": ")
            .append(failed)
            .append(" failed, ")
            .append(passed)
            .append(" passed, ")
            .append(notApplicable)
            .append(" not applicable");
    if (failed > failures.size()) {
      sb.append(" (first ").append(failures.size()).append(" failures below)");
    }
    for (String f : failures) {
      sb.append("\n  ").append(f);
    }
    return sb.toString();
  }
}
