package dev.flarec.benchmarks.report;

/**
 * The real-program section of docs/benchmarks.md lives between two markers, so that the kernel
 * report (benchmarks/run.sh) and the real-program report (benchmarks/real-programs.sh), written at
 * different times, each replace only their own part.
 */
final class RealProgramSection {
  static final String BEGIN = "<!-- real-programs: written by benchmarks/real-programs.sh -->";
  static final String END = "<!-- real-programs: end -->";
  /** Where a new section goes when the document has none yet. */
  private static final String BEFORE = "\n## How to reproduce";

  private RealProgramSection() {}

  /** The section (markers included) found in {@code document}, or "" if it has none. */
  static String extract(String document) {
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END, Math.max(begin, 0));
    if (begin < 0 || end < 0) {
      return "";
    }
    return document.substring(begin, end + END.length());
  }

  /**
   * {@code document} with its section replaced by {@code section} (markers included), or, if it
   * has none, with the section inserted before "How to reproduce" (at the end if that is missing).
   */
  static String splice(String document, String section) {
    if (section.isEmpty()) {
      return document;
    }
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END, Math.max(begin, 0));
    if (begin >= 0 && end >= 0) {
      return document.substring(0, begin) + section + document.substring(end + END.length());
    }
    int at = document.indexOf(BEFORE);
    if (at < 0) {
      return document + (document.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
    }
    return document.substring(0, at + 1) + section + "\n" + document.substring(at);
  }
}
