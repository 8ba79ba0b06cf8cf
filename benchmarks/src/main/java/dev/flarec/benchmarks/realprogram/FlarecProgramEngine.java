package dev.flarec.benchmarks.realprogram;

import dev.flarec.runtime.instance.Module;
import dev.flarec.wasi.Wasi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * flarec as it is deployed: the module is compiled ahead of time, in a JVM of its own, to a JAR;
 * the measuring JVM loads the compiled classes from that JAR and runs them through Wasi. The
 * compile is {@link #compileMillis}, timed inside the compiling JVM; loading the JAR into this one
 * is {@link #loadMillis}.
 *
 * <p>Compiling in the measuring JVM instead (what {@code flarec run} does) leaves the JIT's queues
 * full of the compiler's own hot methods while the program's first run waits for its code to be
 * compiled; that mode is {@link InProcess}.
 */
final class FlarecProgramEngine implements ProgramEngine {
  private double compileMillis = Double.NaN;
  private double loadMillis = Double.NaN;

  @Override
  public Prepared prepare(RealProgram program, CorpusCache cache) throws Exception {
    Path jar = Files.createTempFile("flarec-" + program.name() + "-", ".jar");
    // the class loader reads the JAR until the JVM exits: generated classes load on first call
    jar.toFile().deleteOnExit();
    compileMillis = AheadOfTimeCompile.inChildJvm(cache.wasm(program), jar);
    long start = System.nanoTime();
    Module module = Module.load(jar);
    loadMillis = (System.nanoTime() - start) / 1e6;
    return prepared(module);
  }

  /** The ahead-of-time compile's time, once {@link #prepare} has run. */
  double compileMillis() {
    return compileMillis;
  }

  /** The time this JVM took to load the compiled JAR, once {@link #prepare} has run. */
  double loadMillis() {
    return loadMillis;
  }

  static Prepared prepared(Module module) {
    return (p, stdin) -> {
      var stdout = new ByteArrayOutputStream();
      try (Wasi wasi =
          Wasi.builder()
              .args(p.argv())
              .stdin(new ByteArrayInputStream(stdin))
              .stdout(stdout)
              .stderr(OutputStream.nullOutputStream())
              .build()) {
        int status = wasi.run(module);
        return new ProgramOutput(status, stdout.toByteArray());
      }
    };
  }

  /** flarec compiling in the JVM that then runs the program, as {@code flarec run} does. */
  static final class InProcess implements ProgramEngine {
    @Override
    public Prepared prepare(RealProgram program, CorpusCache cache) throws Exception {
      return prepared(
          dev.flarec.compiler.Flarec.compile(Files.readAllBytes(cache.wasm(program))).load());
    }
  }
}
