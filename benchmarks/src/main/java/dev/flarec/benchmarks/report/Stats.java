package dev.flarec.benchmarks.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians, geometric means and number formatting for the report and the probes. */
public final class Stats {
  private Stats() {}

  /** The median of {@code values}; NaN when there are none. */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

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
