package dev.flarec.benchmarks.realprogram;

import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Module;
import dev.flarec.wasi.Wasi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;

/** flarec: compile the module to classes and define them in memory, then run it through Wasi. */
final class FlarecProgramEngine implements ProgramEngine {
  @Override
  public Prepared prepare(RealProgram program, CorpusCache cache) throws Exception {
    Module module = Flarec.compile(Files.readAllBytes(cache.wasm(program))).load();
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
}
