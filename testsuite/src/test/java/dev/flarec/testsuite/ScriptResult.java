package dev.flarec.testsuite;

import java.util.List;

/**
 * What running one script gave: how many commands passed and failed, the first few failures,
 * described, and whether the script is one flarec does not pass yet.
 *
 * <p>Only the first {@link #MAX_REPORTED} failures are kept: a compiler bug in a common instruction
 * fails hundreds of commands the same way, and the first few say as much as all. Holding strings
 * only (never instances or modules) lets each script's instances be collected as soon as the script
 * is done.
 *
 * @param script the script's name
 * @param passed commands that did what the script asserts
 * @param failed commands that did not, including commands that could not run at all
 * @param failures the first failures, each as {@code line N: <command>: expected ..., got ...}
 * @param notYet for a script listed in {@link NotYetScripts}, why flarec does not pass it yet;
 *     otherwise null
 */
public record ScriptResult(
    String script, int passed, int failed, List<String> failures, String notYet) {
  static final int MAX_REPORTED = 10;

  ScriptResult(String script, int passed, int failed, List<String> failures) {
    this(script, passed, failed, failures, null);
  }

  /** A script that could not be run at all (not read, runner broken): one failure, saying why. */
  static ScriptResult broken(String script, String why) {
    return new ScriptResult(script, 0, 1, List.of(why));
  }

  /** This result, marked as that of a script flarec does not pass yet, for {@code reason}. */
  ScriptResult notYet(String reason) {
    return new ScriptResult(script, passed, failed, failures, reason);
  }

  /** The folder of the script below the spec folder, empty for the core scripts at its top. */
  String folder() {
    int slash = script.lastIndexOf('/');
    return slash < 0 ? "" : script.substring(0, slash);
  }

  /** The failure report of a failed script: the counts, then the first failures, one per line. */
  String failureMessage() {
    StringBuilder sb =
        new StringBuilder(script)
            .append(": ")
            .append(failed)
            .append(" failed, ")
            .append(passed)
            .append(" passed");
    if (failed > failures.size()) {
      sb.append(" (first ").append(failures.size()).append(" failures below)");
    }
    for (String f : failures) {
      sb.append("\n  ").append(f);
    }
    return sb.toString();
  }
}
