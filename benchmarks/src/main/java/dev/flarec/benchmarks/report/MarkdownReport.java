package dev.flarec.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Writes docs/benchmarks.md from one run's {@link Results}. */
final class MarkdownReport {
  /** The hand-written findings copied into the report (relative to the repository root). */
  static final Path FINDINGS = Path.of("benchmarks/report/findings.md");

  private final Results r;
  private final Path file;
  private final Path chartDir;
  private final StringBuilder md = new StringBuilder();
  private final List<KernelRow> rows = new ArrayList<>();

  MarkdownReport(Results results, Path file, Path chartDir) {
    this.r = results;
    this.file = file;
    this.chartDir = chartDir;
    for (String k : KernelRow.KERNELS) {
      rows.add(KernelRow.of(results, k));
    }
  }

  void write() throws IOException {
    header();
    targets();
    kernels();
    bigFunction();
    requestPath();
    startup();
    findings();
    profiles();
    reproduce();
    Files.createDirectories(file.toAbsolutePath().getParent());
    // the marked sections come from other runs (benchmarks/real-programs.sh, separate runs): keep
    // them
    String previous = Files.exists(file) ? Files.readString(file) : "";
    String document = md.toString();
    for (MarkedSection section : MarkedSection.values()) {
      document = section.splice(document, section.extract(previous));
    }
    Files.writeString(file, document);
  }

  private void line(String s) {
    md.append(s).append('\n');
  }

  private void header() {
    Map<String, String> m = r.machine;
    line("# Benchmarks");
    line("");
    line(
        "flarec against the engines a user would pick instead: Chicory 1.7.5's interpreter and its");
    line(
        "compiler on the same JVM, node (V8) on the same `.wasm`, the same C compiled natively by gcc,");
    line(
        "and, for five kernels, the same algorithm hand-written in Java. Then the request path of a");
    line(
        "flare against a plain Java handler, and what compiling and starting cost. Every number below");
    line("comes from one run of `benchmarks/run.sh`; every ratio is between numbers of that run.");
    line("");
    line("| | |");
    line("|---|---|");
    line(
        "| run | "
            + m.getOrDefault("date", "?")
            + (m.getOrDefault("quick", "0").equals("1")
                ? " (**quick smoke run: numbers not meaningful**)"
                : "")
            + " |");
    line(
        "| machine | "
            + m.getOrDefault("cpu", "?")
            + ", "
            + m.getOrDefault("cores", "?")
            + " cores, "
            + m.getOrDefault("memory", "?")
            + ", "
            + m.getOrDefault("os", "?")
            + " |");
    line("| JVM | " + m.getOrDefault("java", "?") + " |");
    line("| node | " + m.getOrDefault("node", "?") + " |");
    line("| gcc | " + m.getOrDefault("gcc", "?") + " |");
    line(
        "| load average | "
            + m.getOrDefault("load_before", "?")
            + " before, "
            + m.getOrDefault("load_after", "?")
            + " after |");
    line("");
    line(
        "The machine is shared: other engineers' builds may have competed for its two cores during the");
    line(
        "run (the load average above hints at how much), and node, native and JMH ran one after the");
    line(
        "other, not interleaved. Read differences under about 15% as noise. JMH settings: one fork per");
    line(
        "benchmark and parameter set, 3 warm-up and 5 measured iterations of 1 s, average time per call;");
    line(
        "± is JMH's 99.9% confidence half-width. node and native: the same work per call, 5 timed rounds");
    line(
        "after a warm-up round, the mean reported; they run twice, before and after JMH, and each kernel's");
    line("faster pass is kept (load from other work then penalises the references less).");
    line("");
  }

  private void targets() {
    line("## Against the targets");
    line("");
    line("Geometric means over the ten compute kernels (five for hand-written Java).");
    line("");
    line("| target | measured | met? |");
    line("|---|---|---|");
    double cc = geomean(KernelRow::fasterThanChicoryCompiler);
    double node = geomean(KernelRow::fasterThanNode);
    double nat = geomean(KernelRow::costOverNative);
    double java = geomean(KernelRow::costOverJava);
    target("flarec ≥ 4.5× faster than Chicory's compiler", Stats.ratio(cc) + " faster", cc >= 4.5);
    target(
        "flarec faster than node (V8)",
        node >= 1 ? Stats.ratio(node) + " faster" : Stats.ratio(1 / node) + " slower",
        node > 1);
    target(
        "flarec within 1.5× of native (gcc -O2)", Stats.ratio(nat) + " native's time", nat <= 1.5);
    target(
        "flarec within 1.5× of hand-written Java", Stats.ratio(java) + " Java's time", java <= 1.5);
    Optional<double[]> hello = wrkRatio("hello");
    target(
        "request path (hello over HTTP) within 10% of the plain handler",
        hello
            .map(
                h ->
                    Stats.fixed(100 * h[0], 0)
                        + "% of the plain handler's requests/s; p50 "
                        + Stats.ratio(h[1])
                        + ", p99 "
                        + Stats.ratio(h[2])
                        + " its latency")
            .orElse("not measured: " + wrkSkipped()),
        hello.map(h -> h[0] >= 0.9).orElse(null));
    line("");
    line("Why a target is missed, and what the profiles show, is under [Findings](#findings).");
    line("");
  }

  private void target(String what, String measured, Boolean met) {
    String verdict = met == null || Double.isNaN(0) ? "–" : met ? "yes" : "**no**";
    if (measured.contains("–")) {
      verdict = "–";
    }
    line("| " + what + " | " + measured + " | " + verdict + " |");
  }

  private double geomean(ToDoubleFunction<KernelRow> ratio) {
    List<Double> values = new ArrayList<>();
    for (KernelRow row : rows) {
      double v = ratio.applyAsDouble(row);
      if (!Double.isNaN(v) && v > 0) {
        values.add(v);
      }
    }
    return Stats.geomean(values);
  }

  private void kernels() throws IOException {
    line("## Compute kernels");
    line("");
    line(
        "Milliseconds per call of `run(n)` (same `n`, same `.wasm`, same answer on every engine: each");
    line(
        "JMH set-up checks it against native code's before timing). Ratios: how many times faster");
    line(
        "flarec is than the engine (`×` above 1 = flarec faster); against native and Java, flarec's");
    line("time over theirs (the targets: at most 1.5).");
    line("");
    line(
        "| kernel | stresses | flarec ms | Chicory compiler ms | flarec faster | Chicory interpreter ms | flarec faster | node ms | flarec faster | native ms | flarec / native | Java ms | flarec / Java |");
    line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (KernelRow row : rows) {
      line(
          "| "
              + row.kernel()
              + " | "
              + stresses(row.kernel())
              + " | "
              + err(row.flarec())
              + " | "
              + err(row.chicoryCompiler())
              + " | "
              + Stats.ratio(row.fasterThanChicoryCompiler())
              + " | "
              + err(row.chicoryInterpreter())
              + " | "
              + Stats.ratio(row.fasterThanChicoryInterpreter())
              + " | "
              + Stats.ms(row.nodeMs())
              + " | "
              + Stats.ratio(row.fasterThanNode())
              + " | "
              + Stats.ms(row.nativeMs())
              + " | "
              + Stats.ratio(row.costOverNative())
              + " | "
              + (row.java() == null ? "–" : err(row.java()))
              + " | "
              + Stats.ratio(row.costOverJava())
              + " |");
    }
    line(
        "| **geometric mean** | | | | **"
            + Stats.ratio(geomean(KernelRow::fasterThanChicoryCompiler))
            + "** | | **"
            + Stats.ratio(geomean(KernelRow::fasterThanChicoryInterpreter))
            + "** | | **"
            + Stats.ratio(geomean(KernelRow::fasterThanNode))
            + "** | | **"
            + Stats.ratio(geomean(KernelRow::costOverNative))
            + "** | | **"
            + Stats.ratio(geomean(KernelRow::costOverJava))
            + "** |");
    line("");
    Charts.kernels(rows, chartDir.resolve("kernels.png"));
    line("![Time per call relative to flarec](benchmarks/kernels.png)");
    line("");
    r.skipped("native").ifPresent(s -> line("Native: " + s + "."));
    r.skipped("node").ifPresent(s -> line("node: " + s + "."));
    line("Sources: `benchmarks/kernels/*.c` (answers in `kernels.tsv`), hand-written Java in");
    line("`benchmarks/src/main/java/dev/flarec/benchmarks/handwritten`.");
    line("");
  }

  private static String stresses(String kernel) {
    return switch (kernel) {
      case "collatz" -> "64-bit integer arithmetic, branches";
      case "nbody" -> "f64 arithmetic, sqrt";
      case "matmul" -> "f64 over memory";
      case "sort" -> "quicksort, memory";
      case "hashmap" -> "hash table, random access";
      case "sha256" -> "32-bit rotates, byte loads";
      case "fib" -> "direct recursive calls";
      case "indirect" -> "call_indirect through a table";
      case "interp" -> "switch (br_table) dispatch";
      case "memops" -> "memory.fill / memory.copy";
      default -> "";
    };
  }

  private static String err(JmhScore s) {
    return s == null ? "–" : Stats.msError(s.millis(), s.errorMillis());
  }

  private void bigFunction() {
    line("## One very large function");
    line("");
    line("`bigfunc`: SHA-256 whose compression function is one straight-line function of several");
    line(
        "thousand Wasm instructions (`kernels/gen_bigfunc.py`), the same work and answer as `sha256`.");
    line(
        "flarec splits it under its default 8,000-byte method budget; with budget 65,535 it stays one");
    line(
        "method, which HotSpot refuses to JIT-compile unless `-XX:-DontCompileHugeMethods` is given.");
    line("");
    line(
        "JMH's mean covers all five measured iterations; the median of the last three is the steady");
    line("state, which the split methods reach only once C2 has compiled them (see Findings).");
    line("");
    line(
        "| engine | JVM flags | ms per call (mean) | last 3 iterations, median | relative to flarec (split), steady state |");
    line("|---|---|---|---|---|");
    double split =
        r.score("BigFunctionBenchmark", Map.of("engine", "FLAREC"))
            .map(JmhScore::lastIterationsMillis)
            .orElse(Double.NaN);
    big("BigFunctionBenchmark", "FLAREC", "flarec, budget 8,000 (split)", "default", split);
    big(
        "BigFunctionBenchmark",
        "FLAREC_UNSPLIT",
        "flarec, budget 65,535 (one method)",
        "default",
        split);
    big(
        "BigFunctionHugeMethodsBenchmark",
        "FLAREC_UNSPLIT",
        "flarec, budget 65,535 (one method)",
        "`-XX:-DontCompileHugeMethods`",
        split);
    big("BigFunctionBenchmark", "CHICORY_COMPILER", "Chicory compiler", "default", split);
    big(
        "BigFunctionHugeMethodsBenchmark",
        "CHICORY_COMPILER",
        "Chicory compiler",
        "`-XX:-DontCompileHugeMethods`",
        split);
    big("BigFunctionBenchmark", "CHICORY_INTERPRETER", "Chicory interpreter", "default", split);
    KernelRow sha =
        rows.stream().filter(k -> k.kernel().equals("sha256")).findFirst().orElseThrow();
    line(
        "| flarec on `sha256` (same work, rolled loops) | default | "
            + err(sha.flarec())
            + " | "
            + (sha.flarec() == null ? "–" : Stats.ms(sha.flarec().lastIterationsMillis()))
            + " | "
            + (sha.flarec() == null
                ? "–"
                : Stats.ratio(sha.flarec().lastIterationsMillis() / split))
            + " |");
    line(
        "| native `bigfunc` (gcc -O2) | | "
            + Stats.ms(external(r.nativeByKernel, "bigfunc"))
            + " | | "
            + Stats.ratio(external(r.nativeByKernel, "bigfunc") / split)
            + " |");
    line(
        "| node `bigfunc` | | "
            + Stats.ms(external(r.nodeByKernel, "bigfunc"))
            + " | | "
            + Stats.ratio(external(r.nodeByKernel, "bigfunc") / split)
            + " |");
    line("");
  }

  private static double external(Map<String, JsonNode> byKernel, String kernel) {
    JsonNode n = byKernel.get(kernel);
    return n == null ? Double.NaN : n.get("mean_ns").asDouble() / 1e6;
  }

  private void big(String benchmark, String engine, String label, String flags, double split) {
    Optional<JmhScore> s = r.score(benchmark, Map.of("engine", engine));
    line(
        "| "
            + label
            + " | "
            + flags
            + " | "
            + s.map(MarkdownReport::err).orElse("–")
            + " | "
            + s.map(x -> Stats.ms(x.lastIterationsMillis())).orElse("–")
            + " | "
            + s.map(x -> Stats.ratio(x.lastIterationsMillis() / split)).orElse("–")
            + " |");
  }

  /**
   * [requests/s ratio, p50 ratio, p99 ratio] of flarec over plain for {@code flare}, mean over
   * rounds.
   */
  private Optional<double[]> wrkRatio(String flare) {
    double[] plain = wrkMeans(flare, "plain");
    double[] flarec = wrkMeans(flare, "flarec");
    if (plain == null || flarec == null) {
      return Optional.empty();
    }
    return Optional.of(
        new double[] {flarec[0] / plain[0], flarec[1] / plain[1], flarec[2] / plain[2]});
  }

  /** Mean requests/s, p50 µs, p99 µs over the rounds of one flare and implementation. */
  private double[] wrkMeans(String flare, String impl) {
    double[] sum = new double[3];
    int n = 0;
    for (JsonNode w : r.wrk) {
      if (w.get("flare").asText().equals(flare) && w.get("impl").asText().equals(impl)) {
        sum[0] += w.get("rps").asDouble();
        sum[1] += w.get("p50_us").asDouble();
        sum[2] += w.get("p99_us").asDouble();
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    for (int i = 0; i < 3; i++) {
      sum[i] /= n;
    }
    return sum;
  }

  private String wrkSkipped() {
    try {
      return r.skipped("wrk").orElse("no wrk results in this run");
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private void requestPath() throws IOException {
    line("## Request path");
    line("");
    line("### Over HTTP (wrk on loopback)");
    line("");
    if (r.wrk.isEmpty()) {
      line("Not measured yet: " + wrkSkipped() + ".");
      line("");
    } else {
      line(
          "`wrk -t1 -c16` against `http://127.0.0.1/world?x=1`, after a warm-up run; each server in a JVM");
      line(
          "of its own with default flags, started one at a time, plain and flarec alternated per round.");
      line(
          "The flare server is `java -jar hello.jar` (default configuration: isolation `reset`, access");
      line(
          "log and the flare's `log_info` line on standard error, redirected to a file); the plain handler");
      line(
          "(`request.PlainServer`) uses the same `HttpServer` set-up and sends the same headers and body.");
      line(
          "Both bodies are compared byte for byte before the numbers are kept. The ratios below use the");
      line(
          "default configuration only; the `reuse` row shows how much of the difference the reset is.");
      line("");
      line("| flare | server | round | requests/s | p50 ms | p90 ms | p99 ms | errors |");
      line("|---|---|---|---|---|---|---|---|");
      for (JsonNode w : r.wrk) {
        line(
            "| "
                + w.get("flare").asText()
                + " | "
                + serverLabel(w.get("impl").asText())
                + " | "
                + w.get("round").asInt()
                + " | "
                + Stats.fixed(w.get("rps").asDouble(), 0)
                + " | "
                + Stats.fixed(w.get("p50_us").asDouble() / 1000, 2)
                + " | "
                + Stats.fixed(w.get("p90_us").asDouble() / 1000, 2)
                + " | "
                + Stats.fixed(w.get("p99_us").asDouble() / 1000, 2)
                + " | "
                + (w.get("socket_errors").asInt() + w.get("non_2xx").asInt())
                + " |");
      }
      line("");
      List<String> flares = new ArrayList<>();
      List<Double> plainRps = new ArrayList<>();
      List<Double> flarecRps = new ArrayList<>();
      line("| flare | flarec requests/s ÷ plain | flarec p50 ÷ plain | flarec p99 ÷ plain |");
      line("|---|---|---|---|");
      for (String flare : List.of("hello", "hash")) {
        Optional<double[]> ratio = wrkRatio(flare);
        if (ratio.isPresent()) {
          double[] q = ratio.get();
          line(
              "| "
                  + flare
                  + " | "
                  + Stats.fixed(100 * q[0], 0)
                  + "% | "
                  + Stats.ratio(q[1])
                  + " | "
                  + Stats.ratio(q[2])
                  + " |");
          flares.add(flare);
          plainRps.add(wrkMeans(flare, "plain")[0]);
          flarecRps.add(wrkMeans(flare, "flarec")[0]);
        }
      }
      line("");
      if (!flares.isEmpty()) {
        Charts.requestPath(flares, plainRps, flarecRps, chartDir.resolve("request-path.png"));
        line("![Requests per second](benchmarks/request-path.png)");
        line("");
      }
    }
    line("### In process (JMH)");
    line("");
    line("The flare's share of one request without HTTP: `handle_request` with the host functions");
    line(
        "and the per-request instance reset, as the server does under isolation `reset`, against plain");
    line("Java computing the same body (hash: `MessageDigest`). Microseconds per request.");
    line("");
    line("| flare | flarec µs | plain Java µs | flarec ÷ Java |");
    line("|---|---|---|---|");
    for (String flare : List.of("hello", "hash")) {
      Optional<JmhScore> f =
          r.score("RequestPathBenchmark", Map.of("flare", flare, "impl", "FLAREC"));
      Optional<JmhScore> j =
          r.score("RequestPathBenchmark", Map.of("flare", flare, "impl", "JAVA"));
      line(
          "| "
              + flare
              + " | "
              + f.map(s -> Stats.fixed(s.score(), 2) + " ± " + Stats.fixed(s.error(), 2))
                  .orElse("–")
              + " | "
              + j.map(s -> Stats.fixed(s.score(), 2) + " ± " + Stats.fixed(s.error(), 2))
                  .orElse("–")
              + " | "
              + (f.isPresent() && j.isPresent()
                  ? Stats.ratio(f.get().score() / j.get().score())
                  : "–")
              + " |");
    }
    line("");
  }

  private static String serverLabel(String impl) {
    return switch (impl) {
      case "flarec" -> "flarec flare";
      case "flarec-reuse" -> "flarec flare, isolation `reuse` (no per-request reset)";
      case "plain-java" -> "plain handler, SHA-256 written in Java";
      default -> "plain handler";
    };
  }

  private void startup() {
    line("## Compile cost and start-up");
    line("");
    if (r.compile != null) {
      JsonNode c = r.compile;
      line(
          "A generated module (`startup.LargeModule`) of "
              + c.get("functions").asInt()
              + " functions, "
              + Stats.fixed(c.get("code_bytes").asDouble() / 1048576, 2)
              + " MiB of code ("
              + Stats.fixed(c.get("wasm_bytes").asDouble() / 1048576, 2)
              + " MiB `.wasm`), compiled in process by");
      line("`Flarec.compile` with `-Xmx2g`:");
      line("");
      line("| measure | value |");
      line("|---|---|");
      line(
          "| first compile in a fresh JVM (compiler not yet JIT-compiled) | "
              + Stats.fixed(c.get("cold_compile_ms").asDouble() / 1000, 2)
              + " s |");
      line(
          "| later compiles, best of three (compiler warm) | "
              + Stats.fixed(c.get("warm_compile_ms").asDouble() / 1000, 2)
              + " s |");
      line(
          "| defining the generated classes (`CompiledModule.load`) | "
              + Stats.fixed(c.get("load_ms").asDouble(), 0)
              + " ms |");
      line(
          "| peak heap during the first compile (sum of the heap pools' peaks) | "
              + Stats.fixed(c.get("peak_heap_mb").asDouble(), 0)
              + " MiB |");
      line(
          "| output | "
              + c.get("classes").asInt()
              + " classes, "
              + Stats.fixed(c.get("class_bytes").asDouble() / 1048576, 2)
              + " MiB of class files |");
      line("");
    }
    if (!r.startup.isEmpty()) {
      line(
          "Wall-clock time from starting a process to its first successful result (median of the runs):");
      line("");
      line("| process | median ms | min ms | runs (ms) |");
      line("|---|---|---|---|");
      for (JsonNode s : r.startup) {
        line(
            "| "
                + s.get("label").asText()
                + " | "
                + Stats.fixed(s.get("median_ms").asDouble(), 0)
                + " | "
                + Stats.fixed(s.get("min_ms").asDouble(), 0)
                + " | "
                + s.get("runs_ms").toString().replace(",", ", ").replace("[", "").replace("]", "")
                + " |");
      }
      line("");
    }
  }

  private void findings() throws IOException {
    line("## Findings");
    line("");
    if (Files.exists(FINDINGS)) {
      String text = Files.readString(FINDINGS);
      // the file's own title is dropped: it sits under this section's
      md.append(text.replaceFirst("^# [^\\n]*\\n+", ""));
      if (!text.endsWith("\n")) {
        line("");
      }
      line("");
    } else {
      line("(No findings written for this run: `benchmarks/report/findings.md` is missing.)");
      line("");
    }
  }

  private void profiles() throws IOException {
    line("## Profile excerpts");
    line("");
    line("From the short profiling runs at the end of `run.sh` (full output in");
    line("`benchmarks/target/results/profiles/`). `-prof stack` samples thread stacks (hottest");
    line(
        "RUNNABLE stacks, idle threads left out; C2 inlines a kernel into one generated method, so the");
    line("top frame is where the time is, not why); `-prof gc` gives allocation per call.");
    line("");
    excerpt(
        "Kernels on flarec (`-prof stack`)",
        Profiles.jmhExcerpt(r.dir.resolve("profiles/kernels-stack.txt")));
    excerpt(
        "Request path on flarec (`-prof gc -prof stack`)",
        Profiles.jmhExcerpt(r.dir.resolve("profiles/request-path.txt")));
    for (String engine : List.of("FLAREC", "FLAREC_UNSPLIT")) {
      excerpt(
          "`bigfunc` on "
              + engine
              + ", `-XX:+PrintCompilation` (generated methods only) and time per call",
          Profiles.compilationExcerpt(
              r.dir.resolve("profiles/bigfunc-" + engine + "-compilation.txt")));
    }
  }

  private void excerpt(String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    line("**" + title + "**");
    line("");
    line("```");
    lines.stream().limit(120).forEach(this::line);
    line("```");
    line("");
  }

  private void reproduce() {
    line("## How to reproduce");
    line("");
    line("```sh");
    line(
        "benchmarks/run.sh            # about 15 minutes on 2 cores; rewrites this file and docs/benchmarks/*.png");
    line(
        "BENCH_QUICK=1 benchmarks/run.sh   # a smoke run of a few minutes, numbers not meaningful");
    line("```");
    line("");
    line(
        "Needs a JDK 17+, Maven, gcc, node and wrk (`run.sh` installs wrk with apt-get when it can);");
    line(
        "a missing gcc, node or wrk leaves that part reported as not measured. The kernels' `.wasm`");
    line(
        "files and answers are committed; `benchmarks/build.sh` rebuilds them with clang-19. Parts can");
    line("be run alone: JMH with");
    line(
        "`java -cp \"$(ls benchmarks/target/results/lib/*.jar | tr '\\n' :)\" org.openjdk.jmh.Main KernelBenchmark -p kernel=sort`,");
    line(
        "the WebSocket echo load with `benchmarks/websocket/ws-load.sh ECHO.jar [SECONDS] [JAVA]`,");
    line("one kernel outside JMH (for `-XX:+PrintCompilation` or a profiler) with");
    line("`dev.flarec.benchmarks.engine.EngineProbe sort FLAREC`. Results of the last run stay in");
    line(
        "`benchmarks/target/results/` (JMH JSON, node and native JSON lines, wrk output, profiles).");
  }
}
