package dev.flarec.testsuite.fuzz;

import dev.flarec.compiler.CompileOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutates valid modules and checks each mutant two ways: flarec either compiles it to classes that
 * load, or rejects it with a clean positioned error ({@link FlarecVerdict}); and it accepts exactly
 * the mutants wabt's {@code wasm-validate} (WebAssembly 2.0 features, its defaults) accepts, unless
 * V8's validator sides with flarec (wabt has its own bugs). "Unsupported" agrees with either
 * answer. Failing mutants are saved for reproduction.
 */
final class MutationFuzzer {
  /** Totals of a run. */
  static final class Totals {
    int inputs;
    int accepted;
    int rejected;
    int unsupported;
    int crashes;
    int acceptedInvalid;
    int rejectedValid;

    /** Mutants on which wasm-validate and V8 disagree with each other (flarec sides with one). */
    int referencesDisagree;

    final List<String> failures = new ArrayList<>();

    /** The first few mutants the references disagree on, with what flarec said. */
    final List<String> disagreements = new ArrayList<>();

    int mismatches() {
      return acceptedInvalid + rejectedValid;
    }

    String summary() {
      return inputs
          + " mutants: "
          + accepted
          + " accepted, "
          + rejected
          + " rejected, "
          + unsupported
          + " unsupported; "
          + crashes
          + " crashes, "
          + mismatches()
          + " mismatches with wasm-validate ("
          + acceptedInvalid
          + " invalid accepted, "
          + rejectedValid
          + " valid rejected); "
          + referencesDisagree
          + " on which wasm-validate and V8 disagree";
    }
  }

  private static final int MAX_FAILURES_KEPT = 50;

  private final Path wasmValidate;
  private final NodeValidator v8;
  private final Path workDir;

  MutationFuzzer(Path wasmValidate, NodeValidator v8, Path workDir) {
    this.wasmValidate = wasmValidate;
    this.v8 = v8;
    this.workDir = workDir;
  }

  Totals run(List<byte[]> corpus, long seed, int mutants) {
    Totals t = new Totals();
    Mutator mutator = new Mutator(seed);
    CompileOptions options = CompileOptions.defaults();
    for (int i = 0; i < mutants; i++) {
      byte[] original = corpus.get(i % corpus.size());
      byte[] mutant = mutator.mutate(original);
      t.inputs++;
      FlarecVerdict verdict = FlarecVerdict.of(mutant, options);
      String failure = null;
      switch (verdict.kind()) {
        case CRASH -> {
          t.crashes++;
          failure = "crash: " + verdict.detail();
        }
        case UNSUPPORTED -> t.unsupported++;
        case ACCEPTED, REJECTED -> {
          boolean flarecAccepts = verdict.kind() == FlarecVerdict.Kind.ACCEPTED;
          if (flarecAccepts) {
            t.accepted++;
          } else {
            t.rejected++;
          }
          ReferenceTools.Run reference = validate(mutant);
          boolean referenceAccepts = reference.status() == 0;
          if (flarecAccepts != referenceAccepts
              && v8.accepts(workDir.resolve(CANDIDATE)) == flarecAccepts) {
            t.referencesDisagree++;
            if (t.disagreements.size() < MAX_FAILURES_KEPT) {
              Path saved = save(mutant, "disagreement-" + seed + "-" + i);
              t.disagreements.add(
                  saved.getFileName()
                      + ": wasm-validate "
                      + (referenceAccepts ? "accepts" : "rejects: " + firstLine(reference.output()))
                      + "; flarec "
                      + (flarecAccepts ? "accepts" : "rejects: " + verdict.detail()));
            }
          } else if (flarecAccepts && !referenceAccepts) {
            t.acceptedInvalid++;
            failure = "flarec accepts, wasm-validate says: " + firstLine(reference.output());
          } else if (!flarecAccepts && referenceAccepts) {
            t.rejectedValid++;
            failure = "wasm-validate accepts, flarec says: " + verdict.detail();
          }
        }
      }
      if (failure != null && t.failures.size() < MAX_FAILURES_KEPT) {
        Path saved = save(mutant, "mutant-" + seed + "-" + i);
        t.failures.add(saved.getFileName() + ": " + failure);
      }
    }
    return t;
  }

  private static final String CANDIDATE = "candidate.wasm";

  private ReferenceTools.Run validate(byte[] wasm) {
    Path file = workDir.resolve(CANDIDATE);
    try {
      Files.write(file, wasm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ReferenceTools.run(
        ReferenceTools.command(
            wasmValidate, "--enable-multi-memory", "--enable-memory64", "--no-debug-names", file),
        30);
  }

  private Path save(byte[] wasm, String name) {
    Path file = workDir.resolve(name + ".wasm");
    try {
      Files.write(file, wasm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
