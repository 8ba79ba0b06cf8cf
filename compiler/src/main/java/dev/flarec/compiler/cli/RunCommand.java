package dev.flarec.compiler.cli;

import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExitStatus;
import dev.flarec.runtime.launch.ExportListing;
import dev.flarec.runtime.launch.Invocation;
import dev.flarec.wasi.Wasi;
import dev.flarec.wasi.abi.WasiExit;
import dev.flarec.wasi.launch.DirMapping;
import dev.flarec.wasi.launch.WasiCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code flarec run}: compiles in memory and runs, for trying a module without writing a JAR.
 *
 * <ul>
 *   <li>{@code run MODULE.wasm --invoke NAME ARGS...} instantiates and calls one export, accepting
 *       and printing values exactly as a compiled JAR's {@code --invoke} does (through the
 *       runtime's {@link Invocation}); a module that uses WASI gets it, other imports none.
 *   <li>{@code run PROGRAM.wasm [--dir ...] [--env ...] [--] ARGS...} runs a WASI command (a module
 *       exporting {@code _start}) as a program: its arguments, this process's standard streams, the
 *       variables and directories given, and its exit status as flarec's, the way a compiled
 *       command JAR runs it ({@link WasiCommand}).
 *   <li>{@code run MODULE.wasm} alone lists the exports of any other module.
 * </ul>
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Compiles a module in memory and runs it.",
      "A WASI command (a module that exports _start) runs as a program: ARGS are its arguments,"
          + " it reads and writes this process's standard streams, sees only the --env"
          + " variables and the --dir directories, and its exit status becomes flarec's.",
      "With --invoke, the function NAME is called with ARGS and each of its results is printed"
          + " on a line of its own; the module gets WASI if it imports it, no other imports.",
      "Otherwise, lists the module's exports and their types.",
      ""
    },
    footerHeading = "%nValues:%n",
    footer = {
      "  i32, i64    decimal or 0x hex, signed or unsigned (4294967295 = -1)",
      "  f32, f64    decimal, hex float (0x1.8p3), inf, -inf, nan, nan:0x<payload>",
      "  funcref, externref    only null",
      "Results print the same way; floats print exactly (shortest round trip).",
      "Put -- before ARGS that could be taken for options."
    })
final class RunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @ParentCommand private FlarecMain parent;

  @Parameters(index = "0", paramLabel = "MODULE.wasm", description = "The module to run.")
  private Path input;

  @Option(names = "--invoke", paramLabel = "NAME", description = "The exported function to call.")
  private String function;

  @Option(
      names = "--dir",
      paramLabel = "HOST[::GUEST]",
      description =
          "Give a WASI program the host directory HOST, under the name GUEST (default: HOST)."
              + " It can reach nothing outside the directories given. Repeatable.")
  private List<String> dirs = new ArrayList<>();

  @Option(
      names = "--env",
      paramLabel = "NAME[=VALUE]",
      description =
          "Set an environment variable of a WASI program; NAME alone passes on this process's"
              + " value. Repeatable.")
  private List<String> env = new ArrayList<>();

  @Parameters(
      index = "1..*",
      paramLabel = "ARGS",
      description = "The program's arguments, or the function's: one per parameter.")
  private List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    if (input.toString().startsWith("-")) {
      // unmatched options reach us as positional parameters (see FlarecMain); the module comes
      // first, so a dash here is a mistyped option, not a value
      throw new ParameterException(spec.commandLine(), "Unknown option: '" + input + "'");
    }
    Module module = ModuleInput.compile(input, ModuleInput.defaultClassName(input)).load();
    ModuleDescriptor descriptor = module.descriptor();
    boolean usesWasi = Wasi.importsWasi(descriptor) || Wasi.isCommand(descriptor);
    if (!usesWasi && (!dirs.isEmpty() || !env.isEmpty())) {
      throw new ParameterException(
          spec.commandLine(),
          "--dir and --env are for WASI modules, and "
              + input
              + " neither imports "
              + Wasi.MODULE
              + " nor exports "
              + Wasi.START);
    }
    if (function != null) {
      return usesWasi
          ? invokeWithWasi(module)
          : invoke(Invocation.instantiateWithoutImports(module));
    }
    if (Wasi.isCommand(descriptor)) {
      List<String> argv = new ArrayList<>();
      argv.add(String.valueOf(input.getFileName()));
      argv.addAll(args);
      try (Wasi wasi = wasi(argv)) {
        return WasiCommand.run(module, wasi);
      } finally {
        parent.out().flush();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!args.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "arguments " + args + " given without --invoke NAME");
    }
    List<String> exports = ExportListing.lines(descriptor);
    out.println(exports.isEmpty() ? "No exports." : "Exports:");
    exports.forEach(line -> out.println("  " + line));
    return ExitStatus.OK;
  }

  private int invokeWithWasi(Module module) {
    try (Wasi wasi = wasi(List.of(String.valueOf(input.getFileName())))) {
      Instance instance = WasiCommand.instantiate(module, wasi);
      wasi.initialize(instance);
      return invoke(instance);
    } catch (WasiExit exit) {
      return exit.status();
    }
  }

  private int invoke(Instance instance) {
    PrintWriter out = spec.commandLine().getOut();
    Invocation.invoke(instance, function, args).forEach(out::println);
    return ExitStatus.OK;
  }

  /** WASI with this command's arguments, variables and directories, and flarec's streams. */
  private Wasi wasi(List<String> argv) {
    Wasi.Builder builder = Wasi.builder().args(argv);
    if (parent.in() == System.in && parent.out() == System.out && parent.err() == System.err) {
      // a real process: its own descriptors, so that a terminal is seen as one
      builder.inheritStdio();
    } else {
      builder.stdin(parent.in()).stdout(parent.out()).stderr(parent.err());
    }
    for (String variable : env) {
      int equals = variable.indexOf('=');
      String name = equals < 0 ? variable : variable.substring(0, equals);
      if (name.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "--env '" + variable + "' is not NAME=VALUE or NAME");
      }
      String value = equals < 0 ? System.getenv(name) : variable.substring(equals + 1);
      if (value != null) {
        builder.env(name, value);
      }
    }
    for (String dir : dirs) {
      DirMapping mapping;
      try {
        mapping = DirMapping.parse(dir);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--dir " + e.getMessage(), e, null, dir);
      }
      builder.preopen(mapping.host(), mapping.guest());
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitStatus.BAD_INPUT, "--dir: " + e.getMessage(), e);
    }
  }
}
