package dev.flarec.benchmarks.report;

/**
 * A part of docs/benchmarks.md between two markers, written by something other than the kernel
 * report (benchmarks/run.sh): the real-program report (benchmarks/real-programs.sh), and the
 * results of separate runs recorded by hand, each with the command that produced it. Every writer
 * replaces only its own part, and the kernel report carries the others over.
 */
enum MarkedSection {
  REAL_PROGRAMS("real-programs", "written by benchmarks/real-programs.sh"),
  SEPARATE_RUNS(
      "separate-runs", "separate runs, each section with its command; kept by benchmarks/run.sh");

  final String begin;
  final String end;

  /** Where a new section goes when the document has none yet. */
  private static final String BEFORE = "\n## How to reproduce";

  MarkedSection(String name, String says) {
    this.begin = "<!-- " + name + ": " + says + " -->";
    this.end = "<!-- " + name + ": end -->";
  }

  /** The section (markers included) found in {@code document}, or "" if it has none. */
  String extract(String document) {
    int from = document.indexOf(begin);
    int to = document.indexOf(end, Math.max(from, 0));
    if (from < 0 || to < 0) {
      return "";
    }
    return document.substring(from, to + end.length());
  }

  /**
   * {@code document} with its section replaced by {@code section} (markers included), or, if it has
   * none, with the section inserted before "How to reproduce" (at the end if that is missing).
   */
  String splice(String document, String section) {
    if (section.isEmpty()) {
      return document;
    }
    int from = document.indexOf(begin);
    int to = document.indexOf(end, Math.max(from, 0));
    if (from >= 0 && to >= 0) {
      return document.substring(0, from) + section + document.substring(to + end.length());
    }
    int at = document.indexOf(BEFORE);
    if (at < 0) {
      return document + (document.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
    }
    return document.substring(0, at + 1) + section + "\n" + document.substring(at);
  }
}
