package dev.flarec.benchmarks.realprogram;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The native build (gcc -O2 or rustc -O) as a child process; a run's time includes starting the
 * process, a millisecond or so, which the programs' sizes make small.
 */
final class NativeProgramEngine implements ProgramEngine {
  @Override
  public Prepared prepare(RealProgram program, CorpusCache cache) {
    Path binary = cache.nativeBinary(program);
    return (p, stdin) -> {
      var command = new ArrayList<String>();
      command.add(binary.toString());
      command.addAll(p.args());
      var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.redirectInput(
          p.stdin()
              .map(path -> ProcessBuilder.Redirect.from(path.toFile()))
              .orElse(ProcessBuilder.Redirect.from(new File("/dev/null"))));
      Process process = builder.start();
      byte[] stdout = process.getInputStream().readAllBytes();
      return new ProgramOutput(process.waitFor(), stdout);
    };
  }
}
