package dev.flarec.testsuite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scripts flarec does not pass yet, each with the reason ({@code spec-not-yet.txt} on the test
 * classpath: one {@code script reason} per line, {@code #} comments).
 *
 * <p>Such a script still runs and its counts are reported, under its reason, but its failures do
 * not fail the build; that is how a feature can land in steps while the build stays green, without
 * counting anything unfinished as passed. The list must shrink honestly: a listed script that
 * passes fails the build until its line is removed, and a line naming no script is an error.
 */
final class NotYetScripts {
  static final String RESOURCE = "/spec-not-yet.txt";

  private final Map<String, String> reasons;

  private NotYetScripts(Map<String, String> reasons) {
    this.reasons = reasons;
  }

  /** The list on the classpath (empty if there is none). */
  static NotYetScripts load() {
    InputStream in = NotYetScripts.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      return new NotYetScripts(Map.of());
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(r.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static NotYetScripts parse(Iterable<String> lines) {
    Map<String, String> reasons = new LinkedHashMap<>();
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      if (parts.length < 2 || parts[1].isBlank()) {
        throw new IllegalArgumentException(
            RESOURCE + " line " + number + ": a script needs a reason: " + line);
      }
      if (reasons.put(parts[0], parts[1].strip()) != null) {
        throw new IllegalArgumentException(
            RESOURCE + " line " + number + ": " + parts[0] + " is listed twice");
      }
    }
    return new NotYetScripts(reasons);
  }

  /** Why {@code script} does not pass yet, or null if it should. */
  String reason(String script) {
    return reasons.get(script);
  }

  /** Every listed script. */
  java.util.Set<String> scripts() {
    return reasons.keySet();
  }
}
