package dev.flarec.benchmarks.report;

import java.util.List;
import java.util.Locale;

/** Geometric means and number formatting for the report. */
final class Stats {
  private Stats() {}

  /** The geometric mean of positive ratios; NaN when there are none. */
  static double geomean(List<Double> ratios) {
    if (ratios.isEmpty()) {
      return Double.NaN;
    }
    double logSum = 0;
    for (double r : ratios) {
      logSum += Math.log(r);
    }
    return Math.exp(logSum / ratios.size());
  }

  /** A ratio as "4.52×". */
  static String ratio(double r) {
    if (Double.isNaN(r)) {
      return "–";
    }
    return String.format(Locale.ROOT, r >= 100 ? "%.0f×" : r >= 10 ? "%.1f×" : "%.2f×", r);
  }

  /** A time in ms with three significant digits. */
  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return String.format(
        Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : v >= 1 ? "%.2f" : "%.3f", v);
  }

  /** "1.23 ± 0.04". */
  static String msError(double v, double error) {
    return ms(v) + " ± " + ms(error);
  }

  static String fixed(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
