package dev.flarec.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarec.benchmarks.realprogram.RealProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The real-program section of docs/benchmarks.md (see {@link MarkedSection}) and its chart, from
 * one run of benchmarks/real-programs.sh: times per engine, ratios to node, and the targets of the
 * corpus with how far each is missed.
 */
final class RealProgramReport {
  static final Path CATALOG = Path.of("benchmarks/real-programs/programs.tsv");
  static final String CHART = "real-programs.png";

  /** Programs whose time is an interpreter's dispatch loop: the "within 2× of node" target. */
  private static final Set<String> INTERPRETER_LOOPS =
      Set.of("lua-fib", "lua-tables", "lua-strings", "duktape", "tinyscheme", "jim", "sqlite");

  private static final List<String> ENGINES = List.of("flarec", "chicory", "node", "native");
  private static final Map<String, String> ENGINE_NAMES =
      Map.of("flarec", "flarec", "chicory", "Chicory compiler", "node", "node", "native", "native");

  private final Path resultsDir;
  private final Map<String, String> machine;
  private final List<RealProgram> programs = new ArrayList<>();

  /** program, then engine: the median of the rounds ({@link RealProgramResult#medianOf}) */
  private final Map<String, Map<String, RealProgramResult>> results = new LinkedHashMap<>();

  private final List<String> notes = new ArrayList<>();
  private final StringBuilder md = new StringBuilder();

  RealProgramReport(Path resultsDir, Path catalog) throws IOException {
    this.resultsDir = resultsDir;
    this.machine = Results.readMachine(resultsDir.resolve("machine.txt"));
    var json = new ObjectMapper();
    Map<String, Map<String, List<RealProgramResult>>> rounds = new LinkedHashMap<>();
    for (String line : Files.readAllLines(resultsDir.resolve("results.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      RealProgramResult result = RealProgramResult.of(json.readTree(line));
      rounds
          .computeIfAbsent(result.program(), p -> new LinkedHashMap<>())
          .computeIfAbsent(result.engine(), e -> new ArrayList<>())
          .add(result);
    }
    rounds.forEach(
        (program, engines) -> {
          Map<String, RealProgramResult> combined = new LinkedHashMap<>();
          engines.forEach((engine, each) -> combined.put(engine, RealProgramResult.medianOf(each)));
          results.put(program, combined);
        });
    for (RealProgram program : RealProgram.readCatalog(catalog)) {
      if (results.containsKey(program.name())) {
        programs.add(program);
      }
    }
  }

  /** Writes the chart into {@code chartDir} and returns the section, markers included. */
  String section(Path chartDir) throws IOException {
    line(MarkedSection.REAL_PROGRAMS.begin);
    line("## Real programs");
    line("");
    intro();
    times();
    ratios();
    targets();
    chart(chartDir);
    howBuilt();
    md.append(MarkedSection.REAL_PROGRAMS.end);
    return md.toString();
  }

  private void line(String s) {
    md.append(s).append('\n');
  }

  private RealProgramResult result(String program, String engine) {
    return results.getOrDefault(program, Map.of()).get(engine);
  }

  /** What several rounds mean for the figures; nothing for one round. */
  private String roundsNote() {
    int rounds = Integer.parseInt(machine.getOrDefault("rounds", "1"));
    return rounds <= 1
        ? ""
        : " The corpus ran "
            + rounds
            + " times, one round after another; each figure below is the median of the rounds"
            + " that completed (of each measure on its own), so that a process caught in one of the"
            + " shared machine's slower minutes does not set a ratio.";
  }

  private void intro() {
    boolean quick = machine.getOrDefault("quick", "0").equals("1");
    line(
        "Whole programs built from source rather than kernels: the Lua 5.4 interpreter running Lua");
    line(
        "scripts, the Duktape ECMAScript, TinyScheme and Jim Tcl interpreters each running a script,");
    line(
        "SQLite running a SQL workload, libbzip2, libzstd, LZ4 and liblzma (xz), a malloc-heavy C program,");
    line(
        "pugixml (C++) and two Rust programs (std only), each a WASI command. One run of `benchmarks/real-programs.sh` on "
            + machine.getOrDefault("date", "?")
            + (quick ? " (**quick smoke run: numbers not meaningful**)" : "")
            + ": "
            + machine.getOrDefault("cpu", "?")
            + ", "
            + machine.getOrDefault("cores", "?")
            + " cores (shared), "
            + machine.getOrDefault("java", "?")
            + ", node "
            + machine.getOrDefault("node", "?")
            + "; load average "
            + machine.getOrDefault("load_before", "?")
            + " before, "
            + machine.getOrDefault("load_after", "?")
            + " after."
            + roundsNote());
    line("");
    line(
        "Each program runs on each engine in a fresh process (a fresh JVM for flarec and Chicory):");
    line(
        "**compile** is compiling or loading the module (flarec: compiling it ahead of time to a JAR in");
    line(
        "a fresh JVM of its own, as a user does before deploying; the measuring JVM then loads the");
    line(
        "compiled classes from that JAR and runs them, as `java -jar` does; Chicory: parse and compile");
    line(
        "in the measuring JVM; node: `WebAssembly.compile`); **first** is the first run on a fresh");
    line(
        "instance with cold code (instantiation included); **steady** is the median of up to "
            + machine.getOrDefault("later_runs", "?")
            + " later runs,");
    line(
        "each on a fresh instance, within "
            + machine.getOrDefault("budget_seconds", "?")
            + " s (at least one). An engine still running after "
            + machine.getOrDefault("timeout_seconds", "?")
            + " s is stopped: its");
    line(
        "time is shown as `>` the part it reached, a lower bound. A steady time resting on fewer later");
    line("runs than planned says on how many. **CPU** columns are the CPU time of the thread that");
    line(
        "ran the program (first run, and median of the later runs): the JIT compilers and the garbage");
    line(
        "collector run on other threads, so on a loaded machine these move less than wall-clock times.");
    line("Every run's standard output must equal");
    line(
        "the native build's byte for byte; a run that differs is reported as an error, never timed.");
    line(
        "Native times include starting the process (about a millisecond). The machine is shared: at");
    line(
        "the load average above, absolute times are inflated, and ratios between engines measured");
    line(
        "minutes apart carry the load's swings; read them as orders of magnitude, not to the percent.");
    line("");
  }

  private void times() {
    line("### Times (milliseconds)");
    line("");
    line(
        "| program | what it exercises | flarec first | flarec steady | flarec compile | flarec first, CPU | flarec steady, CPU | Chicory first | Chicory steady | Chicory compile | node first | node steady | node compile | native steady |");
    line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (RealProgram program : programs) {
      String name = program.name();
      var row = new StringBuilder("| " + name + " | " + program.description());
      for (String engine : ENGINES) {
        RealProgramResult r = result(name, engine);
        if (engine.equals("native")) {
          row.append(" | ").append(cell(r, RealProgramResult::steadyMs, true));
          continue;
        }
        row.append(" | ").append(cell(r, RealProgramResult::firstMs, false));
        row.append(" | ").append(cell(r, RealProgramResult::steadyMs, true));
        row.append(" | ").append(r == null ? "–" : Stats.ms(r.compileMs()));
        if (engine.equals("flarec")) {
          row.append(" | ").append(cpuCell(r, RealProgramResult::firstCpuMs));
          row.append(" | ").append(cpuCell(r, RealProgramResult::steadyCpuMs));
        }
      }
      line(row + " |");
    }
    line("");
    for (String note : notes) {
      line(note);
    }
    if (!notes.isEmpty()) {
      line("");
    }
  }

  /** A CPU time cell: the time, or a dash when it was not measured. */
  private static String cpuCell(RealProgramResult r, ToDoubleFunction<RealProgramResult> time) {
    double value = r == null ? Double.NaN : time.applyAsDouble(r);
    return Double.isNaN(value) ? "–" : Stats.ms(value);
  }

  /** A time cell: the time, a lower bound after a timeout, or a pointer to the error's note. */
  private String cell(
      RealProgramResult r, ToDoubleFunction<RealProgramResult> time, boolean steady) {
    if (r == null) {
      return "–";
    }
    double value = time.applyAsDouble(r);
    if (!Double.isNaN(value)) {
      // the budget may cut the later runs short: say on how many a median rests
      int planned = Integer.parseInt(machine.getOrDefault("later_runs", "0"));
      boolean fewer = steady && r.laterRuns() < planned;
      return Stats.ms(value)
          + (fewer ? " (" + r.laterRuns() + (r.laterRuns() == 1 ? " run)" : " runs)") : "");
    }
    if (r.error() != null) {
      String note =
          "- "
              + r.program()
              + " on "
              + ENGINE_NAMES.get(r.engine())
              + ": "
              + r.error().replace("|", "\\|");
      if (!notes.contains(note)) {
        notes.add(note);
      }
      return "error (below)";
    }
    if (r.timedOut()) {
      double bound = steady ? r.steadyOrBound() : r.firstOrBound();
      return "> " + Stats.ms(bound) + " (timeout)";
    }
    return "–";
  }

  private double ratio(String program, String engine, String reference, boolean steady) {
    RealProgramResult a = result(program, engine);
    RealProgramResult b = result(program, reference);
    if (a == null || b == null || a.error() != null || b.error() != null) {
      return Double.NaN;
    }
    return steady ? a.steadyOrBound() / b.steadyMs() : a.firstOrBound() / b.firstMs();
  }

  private boolean bound(String program, String engine, boolean steady) {
    RealProgramResult r = result(program, engine);
    return r != null && (steady ? r.steadyIsBound() : r.firstIsBound());
  }

  private String ratioCell(String program, String engine, String reference, boolean steady) {
    double v = ratio(program, engine, reference, steady);
    return (bound(program, engine, steady) && !Double.isNaN(v) ? "≥ " : "") + Stats.ratio(v);
  }

  private void ratios() {
    line("### Ratios (time over node's; below 1 = faster than node)");
    line("");
    line(
        "| program | flarec steady | flarec first | Chicory steady | Chicory first | native steady | flarec / Chicory steady | flarec / Chicory first |");
    line("|---|---|---|---|---|---|---|---|");
    for (RealProgram program : programs) {
      String p = program.name();
      line(
          "| "
              + p
              + " | "
              + ratioCell(p, "flarec", "node", true)
              + " | "
              + ratioCell(p, "flarec", "node", false)
              + " | "
              + ratioCell(p, "chicory", "node", true)
              + " | "
              + ratioCell(p, "chicory", "node", false)
              + " | "
              + ratioCell(p, "native", "node", true)
              + " | "
              + flarecOverChicory(p, true)
              + " | "
              + flarecOverChicory(p, false)
              + " |");
    }
    line(
        "| **geometric mean** | "
            + geomeanCell("flarec", true)
            + " | "
            + geomeanCell("flarec", false)
            + " | "
            + geomeanCell("chicory", true)
            + " | "
            + geomeanCell("chicory", false)
            + " | "
            + geomeanCell("native", true)
            + " | | |");
    line("");
    line(
        "A `≥` marks a lower bound (the engine hit the timeout). flarec / Chicory: flarec's time over");
    line("Chicory's compiler's, below 1 = flarec faster; `?` when both timed out.");
    line("");
  }

  /** flarec's time over Chicory's; when both are only bounds the ratio says nothing. */
  private String flarecOverChicory(String program, boolean steady) {
    RealProgramResult f = result(program, "flarec");
    RealProgramResult c = result(program, "chicory");
    if (f == null || c == null || f.error() != null || c.error() != null) {
      return "–";
    }
    double fv = steady ? f.steadyOrBound() : f.firstOrBound();
    double cv = steady ? c.steadyOrBound() : c.firstOrBound();
    boolean fBound = bound(program, "flarec", steady);
    boolean cBound = bound(program, "chicory", steady);
    if (fBound && cBound) {
      return "?";
    }
    return (fBound ? "≥ " : cBound ? "≤ " : "") + Stats.ratio(fv / cv);
  }

  private record Mean(double value, boolean bound, int count) {}

  private Mean geomean(String engine, boolean steady, Set<String> only) {
    List<Double> values = new ArrayList<>();
    boolean anyBound = false;
    for (RealProgram program : programs) {
      if (only != null && !only.contains(program.name())) {
        continue;
      }
      double v = ratio(program.name(), engine, "node", steady);
      if (!Double.isNaN(v) && v > 0) {
        values.add(v);
        anyBound |= bound(program.name(), engine, steady);
      }
    }
    return new Mean(Stats.geomean(values), anyBound, values.size());
  }

  private String geomeanCell(String engine, boolean steady) {
    Mean m = geomean(engine, steady, null);
    return "**" + (m.bound() ? "≥ " : "") + Stats.ratio(m.value()) + "**";
  }

  private void targets() {
    line("### Against the targets");
    line("");
    line("| target | measured | met? |");
    line("|---|---|---|");
    for (boolean steady : new boolean[] {true, false}) {
      List<String> slower = new ArrayList<>();
      int compared = 0;
      for (RealProgram program : programs) {
        double v = ratio(program.name(), "flarec", "chicory", steady);
        String cell = flarecOverChicory(program.name(), steady);
        if (Double.isNaN(v) || cell.equals("?") || cell.equals("–")) {
          continue;
        }
        compared++;
        if (v > 1 && !cell.startsWith("≤")) {
          slower.add(program.name() + " " + cell);
        }
      }
      target(
          "no program slower on flarec than on Chicory's compiler ("
              + (steady ? "steady" : "first run")
              + ")",
          compared == 0
              ? "not measured"
              : slower.isEmpty()
                  ? "none slower (" + compared + " compared)"
                  : "slower: " + String.join(", ", slower) + " (flarec's time over Chicory's)",
          compared == 0 ? null : slower.isEmpty());
    }
    List<String> misses = new ArrayList<>();
    double worstLoop = Double.NaN;
    for (RealProgram program : programs) {
      if (!INTERPRETER_LOOPS.contains(program.name())) {
        continue;
      }
      double v = ratio(program.name(), "flarec", "node", true);
      if (Double.isNaN(v)) {
        continue;
      }
      worstLoop = Double.isNaN(worstLoop) ? v : Math.max(worstLoop, v);
      if (v > 2) {
        misses.add(
            program.name()
                + " "
                + ratioCell(program.name(), "flarec", "node", true)
                + " (missed by "
                + by(v / 2)
                + ")");
      }
    }
    target(
        "interpreter loops (Lua, Duktape, TinyScheme, Jim Tcl, SQLite) within 2× of node, steady",
        Double.isNaN(worstLoop)
            ? "not measured"
            : misses.isEmpty() ? "worst " + Stats.ratio(worstLoop) : String.join(", ", misses),
        Double.isNaN(worstLoop) ? null : misses.isEmpty());
    meanTarget("geometric mean, steady, ≤ 1.2× node", geomean("flarec", true, null), 1.2);
    meanTarget("geometric mean, first run, ≤ 2.5× node", geomean("flarec", false, null), 2.5);
    String worstName = null;
    double worst = Double.NaN;
    for (RealProgram program : programs) {
      double v = ratio(program.name(), "flarec", "node", true);
      if (!Double.isNaN(v) && (Double.isNaN(worst) || v > worst)) {
        worst = v;
        worstName = program.name();
      }
    }
    target(
        "worst single program ≤ 3× node, steady",
        worstName == null
            ? "not measured"
            : worstName
                + " "
                + ratioCell(worstName, "flarec", "node", true)
                + (worst > 3 ? " (missed by " + by(worst / 3) + ")" : ""),
        worstName == null ? null : worst <= 3);
    line("");
    line(
        "\"Missed by\" is the measured ratio over the target's: how many times faster flarec must");
    line(
        "become on that program (or on average) to meet it. With a `≥` the miss is at least that.");
    line("");
  }

  private void meanTarget(String what, Mean mean, double limit) {
    if (mean.count() == 0) {
      target(what, "not measured", null);
      return;
    }
    String measured =
        (mean.bound() ? "≥ " : "")
            + Stats.ratio(mean.value())
            + " over "
            + mean.count()
            + (mean.count() == 1 ? " program" : " programs")
            + (mean.value() > limit ? " (missed by " + by(mean.value() / limit) + ")" : "");
    target(what, measured, mean.value() <= limit);
  }

  private static String by(double factor) {
    return String.format(Locale.ROOT, factor >= 10 ? "%.0f×" : "%.1f×", factor);
  }

  private void target(String what, String measured, Boolean met) {
    line(
        "| "
            + what
            + " | "
            + measured
            + " | "
            + (met == null ? "–" : met ? "yes" : "**no**")
            + " |");
  }

  private void chart(Path chartDir) throws IOException {
    List<String> names = programs.stream().map(RealProgram::name).toList();
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put("flarec steady", ratios(names, "flarec", true));
    series.put("flarec first run", ratios(names, "flarec", false));
    series.put("Chicory compiler steady", ratios(names, "chicory", true));
    series.put("native steady", ratios(names, "native", true));
    Charts.realPrograms(names, series, chartDir.resolve(CHART));
    line("![Time over node's per program, log scale](benchmarks/" + CHART + ")");
    line("");
  }

  private List<Double> ratios(List<String> names, String engine, boolean steady) {
    return names.stream().map(n -> ratio(n, engine, "node", steady)).toList();
  }

  private void howBuilt() {
    line("### How the programs are built and run");
    line("");
    line(
        "`benchmarks/real-programs/build.sh` fetches the sources with `apt-get source lua5.4 sqlite3 bzip2 libzstd lz4 xz-utils pugixml duktape tinyscheme jimtcl`");
    line(
        "into `${FLAREC_CORPUS_DIR:-~/.cache/flarec-corpus}` (nothing third-party is committed), builds each");
    line(
        "program with `clang-19 --target=wasm32-wasi -O2` (C++: `clang++-19`, libc++ without exceptions;");
    line(
        "Rust: Debian's `rustc --target wasm32-wasi -O`) and natively with `gcc -O2` (`g++ -O2`, `rustc -O`),");
    line("and records the native build's output as the expected");
    line(
        "one. The workloads are ours: `benchmarks/real-programs/` holds the Lua, ECMAScript, Scheme and Tcl scripts, the SQL, the C");
    line("drivers and the Rust programs. Choices that matter when reading the numbers:");
    line("");
    line(
        "- Lua, Duktape and Jim Tcl: wasi-libc has no `setjmp`/`longjmp`, so their Wasm builds run protected calls");
    line(
        "  directly and stop with a message if an error is ever raised (`nojmp/setjmp.h`); the scripts");
    line("  raise none. The native builds use the real `longjmp`.");
    line(
        "- SQLite: built with `SQLITE_OS_OTHER` and a VFS that opens no files (in `sqlite/driver.c`), for");
    line("  an in-memory database; the native build uses the same VFS, so both run the same code.");
    line(
        "- TinyScheme: its integers are C `long`s, 32 bits in Wasm and 64 natively; the workload keeps");
    line(
        "  every number below 2^31 so that both builds print the same. LZ4: its fast compressor picks its");
    line(
        "  hash table by pointer size, so the driver prints compressed sizes for the high compression");
    line("  levels only (both builds compress those alike) and checks every round trip.");
    line(
        "- xz: liblzma is built without its configure, from `xz/config.h`, and with `NDEBUG` as Debian");
    line("  builds it. Jim Tcl: its configure and make run natively (they generate the C of its");
    line(
        "  Tcl-written extensions and build the native `jimsh`); the WASI build compiles the same sources");
    line("  with a feature header that drops what WASI lacks (processes, sockets, terminals).");
    line(
        "- node runs with `--single-threaded-gc`: node 20's concurrent GC crashed on the second instance");
    line("  of the Rust programs. The flag concerns the JavaScript heap, not Wasm code.");
    int interpreted =
        results.values().stream()
            .map(m -> m.get("chicory"))
            .filter(r -> r != null && r.interpretedFunctions() > 0)
            .mapToInt(r -> 1)
            .sum();
    if (interpreted > 0) {
      List<String> which = new ArrayList<>();
      results.forEach(
          (p, m) -> {
            RealProgramResult r = m.get("chicory");
            if (r != null && r.interpretedFunctions() > 0) {
              which.add(p + " (" + r.interpretedFunctions() + ")");
            }
          });
      line(
          "- Chicory's compiler left some functions to its interpreter, as it would for a user (it warns):");
      line("  " + String.join(", ", which) + ".");
    }
    line("");
    line("Reproduce with `benchmarks/real-programs.sh` (options `--only lua-fib,sqlite`,");
    line(
        "`--engines flarec,node`; `BENCH_QUICK=1` for a smoke run; `ROUNDS=3` for the median of three");
    line("rounds); one program on one engine with");
    line(
        "`java -cp \"$(ls benchmarks/target/real-programs/lib/*.jar | tr '\\n' :)\" dev.flarec.benchmarks.realprogram.RealProgramMain flarec benchmarks/real-programs/programs.tsv ~/.cache/flarec-corpus lua-fib 10 20`.");
    line(
        "Raw results: `"
            + resultsDir.getFileName()
            + "/results.jsonl` under `benchmarks/target/`.");
    line("");
  }
}
