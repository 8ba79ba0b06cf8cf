package dev.flarec.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code RealProgramReportMain RESULTS_DIR docs/benchmarks.md docs/benchmarks}: rewrites the
 * real-program section of the report and its chart from a run of benchmarks/real-programs.sh,
 * leaving the rest of the report as it is.
 */
public final class RealProgramReportMain {
  private RealProgramReportMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: RealProgramReportMain RESULTS_DIR REPORT.md CHART_DIR");
      System.exit(2);
    }
    Path report = Path.of(args[1]);
    String section =
        new RealProgramReport(Path.of(args[0]), RealProgramReport.CATALOG)
            .section(Path.of(args[2]));
    String document = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
    Files.writeString(report, MarkedSection.REAL_PROGRAMS.splice(document, section));
    System.out.println(
        "wrote the real-program section of " + report + " and " + RealProgramReport.CHART);
  }
}
