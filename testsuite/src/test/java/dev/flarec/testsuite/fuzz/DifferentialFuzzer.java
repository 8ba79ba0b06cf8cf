package dev.flarec.testsuite.fuzz;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.UnsupportedModuleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random valid modules with binaryen ({@code wasm-opt -ttf}, WebAssembly 2.0 features),
 * runs each under node (resources/fuzz/reference-run.mjs) and under flarec ({@link Transcript}),
 * and compares the transcripts. Every third module is compiled at the smallest method budget, so
 * that nearly every function is split.
 */
final class DifferentialFuzzer {
  /** Totals of a run. */
  static final class Totals {
    int modules;
    int calls;
    int mismatches;
    int crashes;

    /** Modules the splitter could not fit into the smallest budget, run at a larger one instead. */
    int refusedAtSmallestBudget;

    final List<String> failures = new ArrayList<>();

    String summary() {
      return modules
          + " modules, "
          + calls
          + " export calls: "
          + mismatches
          + " mismatches with node, "
          + crashes
          + " crashes; "
          + refusedAtSmallestBudget
          + " of those meant for the "
          + CompileOptions.MIN_METHOD_BUDGET
          + "-byte budget needed "
          + FALLBACK_BUDGET;
    }
  }

  /**
   * The budget a module is compiled at when the splitter refuses the smallest one (it cannot
   * always: a single instruction sequence may need more).
   */
  static final int FALLBACK_BUDGET = 1000;

  private final Path wasmOpt;
  private final Path node;
  private final Path workDir;

  DifferentialFuzzer(Path wasmOpt, Path node, Path workDir) {
    this.wasmOpt = wasmOpt;
    this.node = node;
    this.workDir = workDir;
  }

  Totals run(long seed, int count) throws IOException {
    Random random = new Random(seed);
    List<Path> modules = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] seedBytes = new byte[1000 + random.nextInt(7000)];
      random.nextBytes(seedBytes);
      ReferenceTools.generateModule(wasmOpt, seedBytes, workDir, "module-" + seed + "-" + i);
      modules.add(workDir.resolve("module-" + seed + "-" + i + ".wasm"));
    }
    List<String> command = ReferenceTools.command(node, FuzzSettings.script("reference-run.mjs"));
    modules.forEach(m -> command.add(m.toString()));
    ReferenceTools.Run reference = ReferenceTools.run(command, 600);
    if (reference.status() != 0) {
      throw new AssertionError("the node reference failed: " + reference.output());
    }
    Totals t = new Totals();
    for (int i = 0; i < modules.size(); i++) {
      Path module = modules.get(i);
      t.modules++;
      String expected = Files.readString(Path.of(module + ".expected"), StandardCharsets.UTF_8);
      int budget =
          i % 3 == 2 ? CompileOptions.MIN_METHOD_BUDGET : CompileOptions.DEFAULT_METHOD_BUDGET;
      String actual;
      try {
        byte[] wasm = Files.readAllBytes(module);
        CompiledModule compiled;
        try {
          compiled = Flarec.compile(wasm, CompileOptions.defaults().withMethodBudget(budget));
        } catch (UnsupportedModuleException e) {
          if (budget != CompileOptions.MIN_METHOD_BUDGET) {
            throw e;
          }
          t.refusedAtSmallestBudget++;
          budget = FALLBACK_BUDGET;
          compiled = Flarec.compile(wasm, CompileOptions.defaults().withMethodBudget(budget));
        }
        actual = Transcript.of(compiled.load());
      } catch (Throwable e) {
        t.crashes++;
        t.failures.add(
            module.getFileName() + " (budget " + budget + "): " + FlarecVerdict.describe(e));
        continue;
      }
      t.calls += (int) expected.lines().filter(l -> l.startsWith("call ")).count();
      Files.writeString(Path.of(module + ".actual"), actual, StandardCharsets.UTF_8);
      if (!actual.equals(expected)) {
        t.mismatches++;
        t.failures.add(
            module.getFileName()
                + " (budget "
                + budget
                + "): "
                + firstDifference(expected, actual));
      }
    }
    return t;
  }

  private static String firstDifference(String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
      String x = i < e.size() ? e.get(i) : "(end)";
      String y = i < a.size() ? a.get(i) : "(end)";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": node \"" + x + "\", flarec \"" + y + "\"";
      }
    }
    return "same lines";
  }
}
