package dev.flarec.benchmarks.realprogram;

import java.nio.file.Path;

/**
 * The corpus cache outside the tree (benchmarks/real-programs/build.sh writes it): the built
 * programs and the native build's output for each.
 */
public record CorpusCache(Path root) {
  public Path wasm(RealProgram program) {
    return root.resolve("wasm").resolve(program.binary() + ".wasm");
  }

  public Path nativeBinary(RealProgram program) {
    return root.resolve("native").resolve(program.binary());
  }

  public Path expectedOutput(RealProgram program) {
    return root.resolve("expected").resolve(program.name() + ".out");
  }
}
