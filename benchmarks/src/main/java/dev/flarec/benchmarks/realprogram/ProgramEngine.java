package dev.flarec.benchmarks.realprogram;

/**
 * An engine that runs a WASI program: {@link #prepare} does the one-off work (compile, load),
 * {@link Prepared#run} runs the program once on a fresh instance.
 */
public interface ProgramEngine {
  /** Compiles or loads the program; timed as the engine's compile/load cost. */
  Prepared prepare(RealProgram program, CorpusCache cache) throws Exception;

  /** A program ready to run as often as asked, each time from a fresh instance. */
  interface Prepared {
    ProgramOutput run(RealProgram program, byte[] stdin) throws Exception;
  }

  /** The engine called {@code name} on the command line. */
  static ProgramEngine named(String name) {
    return switch (name) {
      case "flarec" -> new FlarecProgramEngine();
      case "flarec-in-process" -> new FlarecProgramEngine.InProcess();
      case "chicory" -> new ChicoryProgramEngine();
      case "native" -> new NativeProgramEngine();
      default ->
          throw new IllegalArgumentException(
              "unknown engine "
                  + name
                  + " (expected flarec, flarec-in-process, chicory or native)");
    };
  }
}
