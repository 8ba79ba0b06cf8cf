package dev.flarec.runtime.launch;

import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of every JAR flarec writes: {@code java -jar m.jar --invoke NAME [ARGS...]}
 * instantiates the module compiled into the JAR and calls one of its exports; without arguments it
 * lists the exports.
 *
 * <p>A small dispatcher on the first argument, so that other ways of running a module (serving a
 * flare over HTTP, running a WASI command's {@code _start}) can be added as further cases. It
 * parses arguments by hand because the runtime must not depend on a command-line library. Messages,
 * value syntax and exit statuses ({@link ExitStatus}) match {@code flarec run}. {@link #main}
 * declares that nothing interrupts the instance ({@link CommandLineProcess}).
 */
public final class ModuleMain {
  private final Module module;
  private final String program;
  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param module the module to run
   * @param program the name messages start with, normally the JAR's file name
   */
  public ModuleMain(Module module, String program, PrintStream out, PrintStream err) {
    this.module = module;
    this.program = program;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    CommandLineProcess.declareUninterruptible();
    int status = launch(ModuleMain.class.getClassLoader(), args, System.out, System.err);
    System.out.flush();
    // exit only on failure: a later "serve" command returns while its server threads run on
    if (status != ExitStatus.OK) {
      System.exit(status);
    }
  }

  /** Finds the module bundled on {@code loader}'s class path and runs it with {@code args}. */
  static int launch(ClassLoader loader, String[] args, PrintStream out, PrintStream err) {
    BundledModule bundled;
    try {
      bundled = BundledModule.find(loader);
    } catch (LaunchException e) {
      err.println("flarec: " + e.getMessage());
      return ExitStatus.BAD_INPUT;
    }
    return new ModuleMain(bundled.module(), bundled.programName(), out, err).run(args);
  }

  /** Runs one command line; returns the exit status. Never throws. */
  public int run(String... args) {
    try {
      return dispatch(Arrays.asList(args));
    } catch (RuntimeException | Error e) {
      return ExitStatus.report(program, e, err);
    }
  }

  private int dispatch(List<String> args) {
    if (args.isEmpty()) {
      describe();
      return ExitStatus.OK;
    }
    String command = args.get(0);
    if (command.equals("--help") || command.equals("-h")) {
      help();
      return ExitStatus.OK;
    }
    if (command.startsWith("--invoke=")) {
      return invoke(command.substring("--invoke=".length()), args.subList(1, args.size()));
    }
    if (command.equals("--invoke")) {
      if (args.size() < 2) {
        return usageError("--invoke needs the NAME of an exported function");
      }
      return invoke(args.get(1), args.subList(2, args.size()));
    }
    return usageError("unknown option '" + command + "'");
  }

  private int invoke(String name, List<String> args) {
    // "--" may separate the name from arguments that look like options, as with flarec run
    List<String> values =
        !args.isEmpty() && args.get(0).equals("--") ? args.subList(1, args.size()) : args;
    Instance instance = Invocation.instantiateWithoutImports(module);
    for (String line : Invocation.invoke(instance, name, values)) {
      out.println(line);
    }
    return ExitStatus.OK;
  }

  private void describe() {
    out.println(program + ": a WebAssembly module compiled by flarec");
    List<String> exports = ExportListing.lines(module.descriptor());
    out.println(exports.isEmpty() ? "No exports." : "Exports:");
    for (String line : exports) {
      out.println("  " + line);
    }
    out.println("Usage: java -jar " + program + " --invoke NAME [ARGS...]   (--help for more)");
  }

  private void help() {
    out.println("Usage: java -jar " + program + " [--invoke NAME [ARGS...] | --help]");
    out.println("Runs the WebAssembly module compiled into this JAR by flarec.");
    out.println();
    out.println("  (no arguments)           list the module's exports and their types");
    out.println("  --invoke NAME [ARGS...]  instantiate the module (it gets no imports), call its");
    out.println("                           exported function NAME with ARGS, print each result");
    out.println("                           on a line of its own");
    out.println("  -h, --help               show this help");
    out.println();
    out.println("ARGS: i32 and i64 in decimal or 0x hex, signed or unsigned; f32 and f64 in");
    out.println("decimal or hex float, inf, -inf, nan or nan:0x<payload>; references only null.");
    out.println("Exit status: 0 success, 1 bad input, 2 bad usage, 3 trap, 4 internal error.");
  }

  private int usageError(String message) {
    err.println(program + ": " + message + "; see 'java -jar " + program + " --help'");
    return ExitStatus.USAGE;
  }
}
