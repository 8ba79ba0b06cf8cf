package dev.flarec.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The report's PNG charts, drawn with XChart. */
final class Charts {
  private Charts() {}

  /**
   * Time per call of each engine relative to flarec, per kernel, on a log scale: a bar above 1 is
   * an engine slower than flarec. One picture shows all the ratios of the kernel table.
   */
  static void kernels(List<KernelRow> rows, Path file) throws IOException {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(1100)
            .height(520)
            .title("Time per call relative to flarec (log scale; above 1 = slower than flarec)")
            .xAxisTitle("kernel")
            .yAxisTitle("engine time / flarec time")
            .build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setYAxisDecimalPattern("0.##");
    List<String> kernels = rows.stream().map(KernelRow::kernel).toList();
    series(chart, "Chicory interpreter", kernels, rows, KernelRow::fasterThanChicoryInterpreter);
    series(chart, "Chicory compiler", kernels, rows, KernelRow::fasterThanChicoryCompiler);
    series(chart, "node (V8)", kernels, rows, KernelRow::fasterThanNode);
    series(chart, "native (gcc -O2)", kernels, rows, r -> 1 / r.costOverNative());
    series(chart, "hand-written Java", kernels, rows, r -> 1 / r.costOverJava());
    // bars start from the axis minimum, which on a log axis must be set and positive
    double min =
        chart.getSeriesMap().values().stream()
            .flatMap(s -> s.getYData().stream())
            .filter(v -> v != null)
            .mapToDouble(Number::doubleValue)
            .min()
            .orElse(0.1);
    double max =
        chart.getSeriesMap().values().stream()
            .flatMap(s -> s.getYData().stream())
            .filter(v -> v != null)
            .mapToDouble(Number::doubleValue)
            .max()
            .orElse(10);
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
    save(chart, file);
  }

  private static void series(
      CategoryChart chart,
      String name,
      List<String> kernels,
      List<KernelRow> rows,
      ToDoubleFunction<KernelRow> ratio) {
    List<Double> values = new ArrayList<>();
    boolean any = false;
    for (KernelRow row : rows) {
      double v = ratio.applyAsDouble(row);
      // a missing value is null: XChart leaves the bar out (a log axis refuses zero and NaN)
      values.add(Double.isNaN(v) || Double.isInfinite(v) || v <= 0 ? null : v);
      any |= !(Double.isNaN(v) || v <= 0);
    }
    if (any) {
      chart.addSeries(name, kernels, values);
    }
  }

  /** Requests per second over HTTP, flare against plain handler, per flare. */
  static void requestPath(
      List<String> flares, List<Double> plainRps, List<Double> flarecRps, Path file)
      throws IOException {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(700)
            .height(420)
            .title("Requests per second over loopback HTTP (wrk, 16 connections)")
            .xAxisTitle("flare")
            .yAxisTitle("requests / s")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.addSeries("plain HttpHandler", flares, plainRps);
    chart.addSeries("flarec flare", flares, flarecRps);
    save(chart, file);
  }

  /**
   * Each engine's time over node's, per real program, on a log scale: a bar above 1 is slower than
   * node. Missing values (errors) leave the bar out; lower bounds (timeouts) are drawn as measured,
   * so a bar may be shorter than the truth.
   */
  static void realPrograms(List<String> programs, Map<String, List<Double>> series, Path file)
      throws IOException {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(1100)
            .height(520)
            .title("Real programs: time over node's (log scale; above 1 = slower than node)")
            .xAxisTitle("program")
            .yAxisTitle("engine time / node time")
            .build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setYAxisDecimalPattern("0.##");
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Map.Entry<String, List<Double>> s : series.entrySet()) {
      List<Double> values = new ArrayList<>();
      for (Double v : s.getValue()) {
        boolean usable = v != null && !v.isNaN() && !v.isInfinite() && v > 0;
        values.add(usable ? v : null);
        if (usable) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      if (values.stream().anyMatch(v -> v != null)) {
        chart.addSeries(s.getKey(), programs, values);
      }
    }
    if (max == 0) {
      return;
    }
    // bars start from the axis minimum, which on a log axis must be set and positive
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.min(min, 1)))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(Math.max(max, 1)))));
    save(chart, file);
  }

  private static void save(CategoryChart chart, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
