package dev.flarec.testsuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary of a spec run: a table of every script's counts and the closing total line, printed
 * after the run and, for a full run, written to {@code testsuite/target/spec-status.md} (and to the
 * committed {@code docs/spec-status.md} on request, see {@link SpecTest#PUBLISH}).
 *
 * <p>The document is the project's record of how much of the spec flarec passes, so it is only
 * rewritten from a run of every script: a run of a subset would otherwise replace the record with a
 * partial one.
 */
final class StatusReport {
  private static final String[] HEADINGS = {"script", "passed", "failed", "not applicable"};

  private final List<ScriptResult> results;

  StatusReport(List<ScriptResult> results) {
    this.results = results.stream().sorted(Comparator.comparing(ScriptResult::script)).toList();
  }

  int passed() {
    return results.stream().mapToInt(ScriptResult::passed).sum();
  }

  int failed() {
    return results.stream().mapToInt(ScriptResult::failed).sum();
  }

  int notApplicable() {
    return results.stream().mapToInt(ScriptResult::notApplicable).sum();
  }

  /** {@code spec: P passed, F failed, N not applicable}. */
  String closingLine() {
    return "spec: "
        + passed()
        + " passed, "
        + failed()
        + " failed, "
        + notApplicable()
        + " not applicable";
  }

  /** A Markdown table, padded so that it also reads well as plain text. */
  String table() {
    int width = HEADINGS[0].length();
    for (ScriptResult r : results) {
      width = Math.max(width, r.script().length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(row(width, HEADINGS[0], HEADINGS[1], HEADINGS[2], HEADINGS[3]));
    sb.append("| ").append("-".repeat(width)).append(" |");
    for (int i = 1; i < HEADINGS.length; i++) {
      sb.append(" ").append("-".repeat(HEADINGS[i].length() - 1)).append(": |");
    }
    sb.append('\n');
    for (ScriptResult r : results) {
      sb.append(
          row(
              width,
              r.script(),
              String.valueOf(r.passed()),
              String.valueOf(r.failed()),
              String.valueOf(r.notApplicable())));
    }
    return sb.toString();
  }

  private static String row(
      int width, String script, String passed, String failed, String notApplicable) {
    return "| "
        + pad(script, width, false)
        + " | "
        + pad(passed, HEADINGS[1].length(), true)
        + " | "
        + pad(failed, HEADINGS[2].length(), true)
        + " | "
        + pad(notApplicable, HEADINGS[3].length(), true)
        + " |\n";
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  /** The whole status document. */
  String document(LocalDate date, String specVersion) {
    return "# WebAssembly spec test status\n\n"
        + "Results of running the official WebAssembly 2.0 core test scripts ("
        + specVersion
        + ", the "
        + results.size()
        + " scripts, its `simd/` folder included) against modules compiled by flarec, on "
        + date
        + ", by `mvn -pl testsuite test` (`dev.flarec.testsuite.SpecTest`). Each row is one script;"
        + " the columns count its commands (modules, registrations, actions and assertions):"
        + " **passed** did what the script asserts, **failed** did not (or could not run, for example"
        + " because the module they use failed to compile), and **not applicable** are commands that"
        + " test the WebAssembly text format, such as `assert_malformed` on a quoted text module,"
        + " which flarec never sees because it compiles binary modules only; they are counted as"
        + " neither passed nor failed. Refreshed by `mvn -B verify -pl testsuite -am"
        + " -Dflarec.spec.publish=true`.\n\n"
        + table()
        + "\n"
        + closingLine()
        + "\n";
  }

  /** Writes the status document to {@code file}, creating its folder if need be. */
  void write(Path file, LocalDate date, String specVersion) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, document(date, specVersion), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The scripts' version as {@code SOURCE.md} beside their folder records it, e.g. {@code tag
   * wg-2.0, commit fffc6e1...}; the folder's name if that file says nothing usable.
   */
  static String specVersion(Path specDir) {
    Path source = specDir.getParent() == null ? null : specDir.getParent().resolve("SOURCE.md");
    String fallback = "tag " + specDir.getFileName();
    if (source == null || !Files.isRegularFile(source)) {
      return fallback;
    }
    try {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      Matcher tag = Pattern.compile("tag `([^`]+)`").matcher(text);
      if (!tag.find()) {
        return fallback;
      }
      Matcher commit = Pattern.compile("commit ([0-9a-f]{40})").matcher(text);
      return "WebAssembly/spec tag `"
          + tag.group(1)
          + "`"
          + (commit.find() ? ", commit " + commit.group(1).substring(0, 12) : "");
    } catch (IOException e) {
      return fallback;
    }
  }
}
