package dev.flarec.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Excerpts of the profiling runs run.sh makes after the timed ones: for each benchmark in a JMH
 * output, its parameters, the {@code -prof gc} allocation rate, and the hottest RUNNABLE frames of
 * {@code -prof stack}; and which generated methods HotSpot compiled at which tier.
 */
final class Profiles {
  private Profiles() {}

  /** The lines worth quoting from a JMH log run with -prof stack (and maybe -prof gc). */
  static List<String> jmhExcerpt(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    boolean inRunnable = false;
    int taken = 0;
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("# Parameters:")) {
        out.add("");
        out.add(line.substring(2));
      } else if (line.contains("gc.alloc.rate.norm") && line.contains("avgt")) {
        out.add("  allocated per call: " + line.replaceAll("\\s+", " ").trim());
      } else if (line.contains("[Thread state: RUNNABLE]")) {
        inRunnable = true;
        taken = 0;
      } else if (inRunnable) {
        if (line.isBlank()
            || line.contains("<stack is empty")
            || line.contains("EPoll")
            || line.contains("SelectorImpl")
            || line.contains("SelectorManager")) {
          // idle threads (the host's HTTP client selector) and blanks between stacks
        } else if (line.startsWith("....")) {
          inRunnable = false;
        } else if (taken < 16) {
          out.add("  " + line.trim());
          taken++;
        }
      }
    }
    return out;
  }

  /** The lines of a -XX:+PrintCompilation log about generated code, and the probe's timings. */
  static List<String> compilationExcerpt(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file)) {
      if (line.contains("flarec.module")
          || line.contains("ms/call")
          || line.contains("COMPILE SKIPPED")) {
        out.add(line.strip());
      }
    }
    return out;
  }
}
