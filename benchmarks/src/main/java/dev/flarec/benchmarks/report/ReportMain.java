package dev.flarec.benchmarks.report;

import java.nio.file.Path;

/**
 * {@code ReportMain RESULTS_DIR docs/benchmarks.md docs/benchmarks}: writes the report and its
 * charts from a run of benchmarks/run.sh.
 */
public final class ReportMain {
  private ReportMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ReportMain RESULTS_DIR REPORT.md CHART_DIR");
      System.exit(2);
    }
    Results results = Results.read(Path.of(args[0]));
    Path report = Path.of(args[1]);
    Path charts = Path.of(args[2]);
    new MarkdownReport(results, report, charts).write();
    System.out.println("wrote " + report + " and charts in " + charts);
  }
}
