package dev.flarec.wasi.launch;

import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.BundledModule;
import dev.flarec.runtime.launch.CommandLineProcess;
import dev.flarec.runtime.launch.ExitStatus;
import dev.flarec.runtime.launch.ExportListing;
import dev.flarec.runtime.launch.Invocation;
import dev.flarec.runtime.launch.LaunchException;
import dev.flarec.wasi.Wasi;
import dev.flarec.wasi.abi.WasiExit;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The main class of a JAR flarec compiles from a module that uses WASI.
 *
 * <p>A WASI command (it exports {@code _start}) runs as the program it is: {@code java -jar
 * prog.jar ARGS...} calls {@code _start} with {@code argv} = the JAR's file name then {@code ARGS},
 * the JVM's standard streams and environment, and exits with the program's status. Every argument
 * is the program's; the JAR takes no options of its own.
 *
 * <p>Directories: none, unless the environment variable {@value #DIRS_VARIABLE} names some, as
 * {@code HOST[::GUEST]} entries separated by the path separator ({@code
 * FLAREC_WASI_DIRS=./data::/data java -jar prog.jar}). The variable itself is not passed to the
 * program. A command JAR never exposes the host file system unless asked this way.
 *
 * <p>A WASI reactor (no {@code _start}) is called like any compiled JAR, {@code --invoke NAME
 * [ARGS...]}, with WASI imports, after its {@code _initialize}.
 *
 * <p>As a native program is, it is stopped by stopping its process: {@link #main} declares that
 * nothing interrupts its instances ({@link CommandLineProcess}), so compiled code checks for
 * interrupts nowhere.
 *
 * <p>Errors follow the runtime's launcher: one line after the program name on stderr, and the
 * statuses of {@link ExitStatus}: a trap is 3, so is {@code exit(3)}; the stderr line tells them
 * apart.
 */
public final class WasiMain {
  /** The environment variable that maps host directories into a WASI JAR's guest. */
  public static final String DIRS_VARIABLE = "FLAREC_WASI_DIRS";

  private final Consumer<Wasi.Builder> stdio;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  /**
   * @param stdio gives the guest its standard streams ({@link Wasi.Builder#inheritStdio} for a real
   *     process)
   * @param out where a reactor's results are printed (the process's standard output)
   * @param err where errors are reported
   * @param environment the process's environment
   */
  public WasiMain(
      Consumer<Wasi.Builder> stdio,
      OutputStream out,
      PrintStream err,
      Map<String, String> environment) {
    this.stdio = stdio;
    this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    this.err = err;
    this.environment = environment;
  }

  public static void main(String[] args) {
    CommandLineProcess.declareUninterruptible();
    WasiMain main =
        new WasiMain(Wasi.Builder::inheritStdio, System.out, System.err, System.getenv());
    int status = main.launch(WasiMain.class.getClassLoader(), args);
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  /** Runs the module bundled on {@code loader}'s class path; returns the exit status. */
  public int launch(ClassLoader loader, String... args) {
    BundledModule bundled;
    try {
      bundled = BundledModule.find(loader);
    } catch (LaunchException e) {
      err.println("flarec: " + e.getMessage());
      return ExitStatus.BAD_INPUT;
    }
    String program = bundled.programName();
    try {
      Module module = bundled.module();
      if (Wasi.isCommand(module.descriptor())) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(List.of(args));
        try (Wasi wasi = wasi(argv)) {
          return WasiCommand.run(module, wasi);
        }
      }
      return reactor(program, module, List.of(args));
    } catch (UsageError e) {
      err.println(program + ": " + e.getMessage());
      return ExitStatus.USAGE;
    } catch (RuntimeException | Error e) {
      return ExitStatus.report(program, e, err);
    }
  }

  private Wasi wasi(List<String> argv) {
    Wasi.Builder builder = Wasi.builder().args(argv);
    stdio.accept(builder);
    // sorted, so that a program sees the same order on every run
    new TreeMap<>(environment)
        .forEach(
            (name, value) -> {
              if (!name.equals(DIRS_VARIABLE) && !name.isEmpty() && name.indexOf('=') < 0) {
                builder.env(name, value);
              }
            });
    List<DirMapping> dirs;
    try {
      dirs = DirMapping.parseList(environment.get(DIRS_VARIABLE));
    } catch (IllegalArgumentException e) {
      throw new UsageError(DIRS_VARIABLE + ": " + e.getMessage());
    }
    for (DirMapping dir : dirs) {
      builder.preopen(dir.host(), dir.guest());
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new LaunchException(DIRS_VARIABLE + ": " + e.getMessage(), e);
    }
  }

  private int reactor(String program, Module module, List<String> args) {
    if (args.isEmpty()) {
      out.println(program + ": a WebAssembly module using WASI, compiled by flarec");
      List<String> exports = ExportListing.lines(module.descriptor());
      out.println(exports.isEmpty() ? "No exports." : "Exports:");
      exports.forEach(line -> out.println("  " + line));
      out.println("Usage: java -jar " + program + " --invoke NAME [ARGS...]");
      return ExitStatus.OK;
    }
    String first = args.get(0);
    String name;
    List<String> values;
    if (first.startsWith("--invoke=")) {
      name = first.substring("--invoke=".length());
      values = args.subList(1, args.size());
    } else if (first.equals("--invoke") && args.size() >= 2) {
      name = args.get(1);
      values = args.subList(2, args.size());
    } else {
      throw new UsageError(
          (first.equals("--invoke")
                  ? "--invoke needs the NAME of an exported function"
                  : "unknown option '" + first + "'")
              + "; this module has no _start: use --invoke NAME [ARGS...]");
    }
    if (!values.isEmpty() && values.get(0).equals("--")) {
      values = values.subList(1, values.size());
    }
    try (Wasi wasi = wasi(List.of(program))) {
      Instance instance = WasiCommand.instantiate(module, wasi);
      wasi.initialize(instance);
      Invocation.invoke(instance, name, values).forEach(out::println);
      return ExitStatus.OK;
    } catch (WasiExit exit) {
      return exit.status();
    }
  }

  /** A mistake in how the JAR was run. */
  private static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }
}
