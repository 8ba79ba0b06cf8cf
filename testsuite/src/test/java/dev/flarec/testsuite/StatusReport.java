package dev.flarec.testsuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private static final String[] HEADINGS = {"script", "passed", "failed", "status"};

  private final List<ScriptResult> results;

  StatusReport(List<ScriptResult> results) {
    this.results =
        results.stream()
            .sorted(
                Comparator.comparing((ScriptResult r) -> !r.folder().isEmpty())
                    .thenComparing(ScriptResult::script))
            .toList();
  }

  /** Commands passed in the scripts that count (those not listed as not yet passing). */
  int passed() {
    return counted().mapToInt(ScriptResult::passed).sum();
  }

  int failed() {
    return counted().mapToInt(ScriptResult::failed).sum();
  }

  private java.util.stream.Stream<ScriptResult> counted() {
    return results.stream().filter(r -> r.notYet() == null);
  }

  private List<ScriptResult> notYet() {
    return results.stream().filter(r -> r.notYet() != null).toList();
  }

  /**
   * {@code spec: S scripts, P passed, F failed; N scripts not yet passing (their P' passed, F'
   * failed)}.
   */
  String closingLine() {
    List<ScriptResult> pending = notYet();
    String line =
        "spec: "
            + (results.size() - pending.size())
            + " scripts, "
            + passed()
            + " commands passed, "
            + failed()
            + " failed";
    if (!pending.isEmpty()) {
      line +=
          "; "
              + pending.size()
              + " scripts not yet passing ("
              + pending.stream().mapToInt(ScriptResult::passed).sum()
              + " of their commands passed, "
              + pending.stream().mapToInt(ScriptResult::failed).sum()
              + " failed)";
    }
    return line;
  }

  /** One Markdown table per folder, padded so that it also reads well as plain text. */
  String table() {
    int width = HEADINGS[0].length();
    for (ScriptResult r : results) {
      width = Math.max(width, r.script().length());
    }
    Map<String, List<ScriptResult>> byFolder = new LinkedHashMap<>();
    results.forEach(r -> byFolder.computeIfAbsent(r.folder(), f -> new ArrayList<>()).add(r));
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<ScriptResult>> folder : byFolder.entrySet()) {
      List<ScriptResult> rows = folder.getValue();
      sb.append("### ")
          .append(folder.getKey().isEmpty() ? "core (top level)" : folder.getKey() + "/")
          .append(" — ")
          .append(rows.stream().filter(r -> r.notYet() == null && r.failed() == 0).count())
          .append(" of ")
          .append(rows.size())
          .append(" scripts pass\n\n");
      sb.append(row(width, HEADINGS[0], HEADINGS[1], HEADINGS[2], HEADINGS[3]));
      sb.append("| ").append("-".repeat(width)).append(" | -----: | -----: | ------ |\n");
      for (ScriptResult r : rows) {
        sb.append(
            row(
                width,
                r.script(),
                String.valueOf(r.passed()),
                String.valueOf(r.failed()),
                status(r)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String status(ScriptResult r) {
    if (r.notYet() != null) {
      return r.notYet();
    }
    return r.failed() == 0 ? "passes" : "FAILS";
  }

  private static String row(int width, String script, String passed, String failed, String status) {
    return "| "
        + pad(script, width, false)
        + " | "
        + pad(passed, HEADINGS[1].length(), true)
        + " | "
        + pad(failed, HEADINGS[2].length(), true)
        + " | "
        + status
        + " |\n";
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  /** The whole status document. */
  String document(LocalDate date, String specVersion) {
    return "# WebAssembly spec test status\n\n"
        + "Results of running the official WebAssembly 3.0 core test scripts ("
        + specVersion
        + ", all "
        + results.size()
        + " scripts, every module in binary form) against modules compiled by flarec, on "
        + date
        + ", by `mvn -pl testsuite test` (`dev.flarec.testsuite.SpecTest`). Each row is one script;"
        + " the columns count its commands (module definitions and instantiations, registrations,"
        + " actions and assertions): **passed** did what the script asserts, **failed** did not (or"
        + " could not run, for example because the module they use failed to compile). A script"
        + " whose status starts with \"not yet\" is one flarec does not pass yet, for the reason"
        + " given (testsuite/src/test/resources/spec-not-yet.txt); it runs and is counted here, but"
        + " apart from the total of the scripts that pass. Refreshed by `mvn -B verify -pl testsuite"
        + " -am -Dflarec.spec.publish=true`.\n\n"
        + closingLine()
        + "\n\n"
        + table();
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
   * wg-3.0, commit 9d3601997320}: the row of the tag the folder is named after ({@code wg-3.0-bin}
   * holds scripts of tag {@code wg-3.0}); the folder's name if that file says nothing usable.
   */
  static String specVersion(Path specDir) {
    Path source = specDir.getParent() == null ? null : specDir.getParent().resolve("SOURCE.md");
    String folder = specDir.getFileName().toString();
    String fallback = "tag " + folder;
    if (source == null || !Files.isRegularFile(source)) {
      return fallback;
    }
    String tag = folder.endsWith("-bin") ? folder.substring(0, folder.length() - 4) : folder;
    try {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      Matcher row =
          Pattern.compile("tag `" + Pattern.quote(tag) + "`, commit ([0-9a-f]{40})").matcher(text);
      if (!row.find()) {
        return fallback;
      }
      return "WebAssembly/spec tag `" + tag + "`, commit " + row.group(1).substring(0, 12);
    } catch (IOException e) {
      return fallback;
    }
  }
}
