package dev.flarec.compiler.cli;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.bindings.BindingsGenerator;
import dev.flarec.compiler.bindings.BindingsSource;
import dev.flarec.compiler.jar.FlareHostMissingException;
import dev.flarec.compiler.jar.JarWriter;
import dev.flarec.runtime.launch.CommandLineProcess;
import dev.flarec.runtime.launch.ExitStatus;
import dev.flarec.runtime.launch.LaunchException;
import dev.flarec.runtime.trap.WasmTrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code flarec}: the command-line entry point, and its default command, which compiles a module to
 * a runnable JAR. Subcommands do the rest ({@link RunCommand}).
 *
 * <p>Errors follow one contract, enforced here for every command: bad usage is reported by {@link
 * #onBadUsage}, failures by {@link #onFailure}, each as one {@code flarec: } line with a status
 * from {@link ExitStatus}. Tests call {@link #run(String...)} with their own streams.
 */
@Command(
    name = "flarec",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {RunCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
    customSynopsis = {
      "flarec [-hV] [-o PATH] [--class-name NAME] MODULE.wasm",
      "       flarec run MODULE.wasm [--invoke NAME [ARGS...]]",
      "       flarec run PROGRAM.wasm [--dir HOST[::GUEST]]... [--env NAME=VALUE]... [--] [ARGS...]",
      "       flarec serve DIR [--port N] [--node-id NAME]",
      "       flarec help [COMMAND]"
    },
    description = {
      "Compiles a WebAssembly module ahead of time to JVM bytecode and writes a runnable JAR"
          + " that holds the generated classes and the flarec runtime, nothing else:",
      "  java -jar MODULE.jar --invoke NAME [ARGS...]   calls an exported function",
      "  java -jar MODULE.jar                           lists the exports",
      "  java -jar PROGRAM.jar [ARGS...]                runs a WASI command (exports _start)",
      "A flare (a module exporting handle_request: () -> i64, or importing from flaron/v1)"
          + " compiles to a JAR that serves it over HTTP, with the flaron/v1 host functions it"
          + " imports (docs/flaron-abi.md):",
      "  java -jar FLARE.jar [--port N] [--config FILE] serves on port 8080 (or N); stop with"
          + " SIGTERM or Ctrl-C",
      "  java -jar FLARE.jar --help | --default-config  its options | every configuration key",
      ""
    },
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:bad input: a missing or malformed module, an unknown export, a bad argument",
      "2:bad usage: an unknown option, a missing parameter",
      "3:the module trapped (run)",
      "4:internal error in flarec (please report it)",
      "*:a WASI program that run runs exits with its own status instead"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flarec factorial.wasm                         writes factorial.jar beside it",
      "  flarec hello.wasm && java -jar hello.jar      serves the hello flare on port 8080",
      "  flarec factorial.wasm -o out/fac.jar --class-name com.example.Factorial",
      "  flarec run factorial.wasm --invoke fac 20     prints 2432902008176640000",
      "  flarec run wc.wasm --dir .::/work -- -l /work/notes.txt   runs a WASI command"
    })
public final class FlarecMain implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      // required, but checked in call(): picocli would demand it before "run" too
      arity = "0..1",
      hideParamSyntax = true,
      paramLabel = "MODULE.wasm",
      description = "The WebAssembly module to compile: binary (.wasm) or text format (.wat).")
  private Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATH",
      description = "Where to write the JAR (default: MODULE.jar beside MODULE.wasm).")
  private Path output;

  @Option(
      names = "--class-name",
      paramLabel = "NAME",
      description =
          "Binary name of the generated class (default: from the file name; for hello.wasm,"
              + " "
              + ClassNames.PACKAGE
              + ".Hello).")
  private String className;

  @Option(
      names = "--method-budget",
      paramLabel = "BYTES",
      description =
          "Largest bytecode of one generated method (default: ${DEFAULT-VALUE}, HotSpot's"
              + " HugeMethodLimit, above which it never JIT-compiles a method). Larger functions"
              + " are split into several methods.")
  private int methodBudget = CompileOptions.DEFAULT_METHOD_BUDGET;

  @Option(
      names = "--bindings",
      paramLabel = "DIR",
      description =
          "Also write typed Java bindings (one method per export, a builder for the imports) as"
              + " Java source under DIR. The bindings class takes the class name; the module's"
              + " class gets \"Module\" appended.")
  private Path bindings;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  /** A command line that prints to {@link System#out} and {@link System#err}. */
  public FlarecMain() {
    this(System.in, System.out, System.err);
  }

  public FlarecMain(PrintStream out, PrintStream err) {
    this(System.in, out, err);
  }

  /** A command line with its own streams; {@code in} is what a WASI program run reads. */
  public FlarecMain(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Standard input, for the program {@code run} runs. */
  InputStream in() {
    return in;
  }

  /** Standard output as bytes, for the program {@code run} runs. */
  PrintStream out() {
    return out;
  }

  /** Standard error as bytes, for the program {@code run} runs. */
  PrintStream err() {
    return err;
  }

  public static void main(String... args) {
    if (args.length > 0 && args[0].equals("run")) {
      // a program run from the command line, as java -jar PROGRAM.jar runs it
      CommandLineProcess.declareUninterruptible();
    }
    System.exit(new FlarecMain().run(args));
  }

  /** Runs one command line and returns its exit status; never throws. */
  public int run(String... args) {
    PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine commandLine =
        new CommandLine(this)
            .setOut(outWriter)
            .setErr(errWriter)
            .setParameterExceptionHandler(FlarecMain::onBadUsage)
            .setExecutionExceptionHandler(FlarecMain::onFailure);
    // "run" arguments such as -inf or -nan:0x1 look like options; RunCommand rejects unknown
    // options itself where it can tell them from values
    commandLine.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
    // serve hands its whole command line to the node, which parses its own options
    commandLine.getSubcommands().get("serve").setUnmatchedOptionsArePositionalParams(true);
    try {
      return commandLine.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands Exceptions to onFailure; only Errors or a picocli bug end up here
      return internalError(e, errWriter);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  @Override
  public Integer call() {
    if (input == null) {
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'MODULE.wasm'");
    }
    String name = className == null ? ModuleInput.defaultClassName(input) : checked(className);
    if (methodBudget < CompileOptions.MIN_METHOD_BUDGET || methodBudget > 65_535) {
      throw new ParameterException(
          spec.commandLine(),
          "--method-budget must be between "
              + CompileOptions.MIN_METHOD_BUDGET
              + " and 65535 bytes, got "
              + methodBudget);
    }
    String moduleClass = bindings == null ? name : BindingsGenerator.moduleClassFor(name);
    CompiledModule module =
        ModuleInput.compile(input, new CompileOptions(moduleClass, methodBudget));
    if (bindings != null) {
      writeBindings(module, name);
    }
    Path jar = output != null ? output : defaultOutput(input);
    try {
      new JarWriter().write(module, jar);
    } catch (FlareHostMissingException e) {
      throw new UserError(ExitStatus.BAD_INPUT, input + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UserError(ExitStatus.BAD_INPUT, "cannot write " + jar + ": " + reason(e), e);
    }
    return ExitStatus.OK;
  }

  private void writeBindings(CompiledModule module, String bindingsClass) {
    BindingsSource source;
    try {
      source =
          new BindingsGenerator(module.descriptor(), bindingsClass, input.getFileName().toString())
              .generate();
    } catch (CompileException e) {
      throw new UserError(ExitStatus.BAD_INPUT, input + ": " + e.describe(), e);
    }
    try {
      source.writeTo(bindings);
    } catch (IOException e) {
      throw new UserError(
          ExitStatus.BAD_INPUT,
          "cannot write " + bindings.resolve(source.relativePath()) + ": " + reason(e),
          e);
    }
  }

  private String checked(String name) {
    try {
      return ClassNames.validate(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, name);
    }
  }

  /**
   * {@code dir/hello.wasm} (or {@code .wat}) → {@code dir/hello.jar}; any other name gets {@code
   * .jar} added.
   */
  static Path defaultOutput(Path input) {
    return input.resolveSibling(
        ClassNames.withoutExtension(input.getFileName().toString()) + ".jar");
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such file or directory: " + missing.getFile();
    }
    if (e instanceof FileAlreadyExistsException exists) {
      return exists.getFile() + " is in the way (not a directory)";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Bad usage: one line with a pointer to the help of the command that was used. */
  private static int onBadUsage(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    commandLine
        .getErr()
        .println(
            "flarec: "
                + e.getMessage()
                + "; see '"
                + commandLine.getCommandSpec().qualifiedName()
                + " --help'");
    return ExitStatus.USAGE;
  }

  /** Whatever a command threw: the user's mistake in one line, or a bug with its stack trace. */
  private static int onFailure(Exception e, CommandLine commandLine, ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof UserError user) {
      err.println("flarec: " + user.getMessage());
      return user.status();
    }
    if (e instanceof LaunchException launch) {
      err.println("flarec: " + launch.getMessage());
      return ExitStatus.BAD_INPUT;
    }
    if (e instanceof WasmTrap trap) {
      err.println("flarec: trap: " + trap.getMessage());
      return ExitStatus.TRAP;
    }
    if (e instanceof dev.flarec.runtime.exception.WasmException exception) {
      err.println("flarec: " + exception.getMessage());
      return ExitStatus.TRAP;
    }
    return internalError(e, err);
  }

  private static int internalError(Throwable e, PrintWriter err) {
    err.println("flarec: internal error, please report: " + e);
    e.printStackTrace(err);
    return ExitStatus.INTERNAL_ERROR;
  }
}
