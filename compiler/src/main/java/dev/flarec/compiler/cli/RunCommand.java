package dev.flarec.compiler.cli;

import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExitStatus;
import dev.flarec.runtime.launch.ExportListing;
import dev.flarec.runtime.launch.Invocation;
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
import picocli.CommandLine.Spec;

/**
 * {@code flarec run MODULE.wasm --invoke NAME [ARGS...]}: compiles in memory, instantiates
 * without imports and calls one export, for trying a module without writing a JAR. It accepts
 * and prints values exactly as a compiled JAR's {@code --invoke} does, through the runtime's
 * {@link Invocation}.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Compiles a module in memory and calls one of its exported functions.",
      "The module is instantiated with no imports; the function NAME is called with ARGS, and"
          + " each of its results is printed on a line of its own.",
      "Without --invoke, lists the module's exports and their types.",
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

  @Parameters(index = "0", paramLabel = "MODULE.wasm", description = "The module to run.")
  private Path input;

  @Option(names = "--invoke", paramLabel = "NAME", description = "The exported function to call.")
  private String function;

  @Parameters(
      index = "1..*",
      paramLabel = "ARGS",
      description = "Arguments of the function, one per parameter.")
  private List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    if (input.toString().startsWith("-")) {
      // unmatched options reach us as positional parameters (see FlarecMain); the module comes
      // first, so a dash here is a mistyped option, not a value
      throw new ParameterException(spec.commandLine(), "Unknown option: '" + input + "'");
    }
    Module module = ModuleInput.compile(input, ModuleInput.defaultClassName(input)).load();
    PrintWriter out = spec.commandLine().getOut();
    if (function == null) {
      if (!args.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "arguments " + args + " given without --invoke NAME");
      }
      List<String> exports = ExportListing.lines(module.descriptor());
      out.println(exports.isEmpty() ? "No exports." : "Exports:");
      exports.forEach(line -> out.println("  " + line));
      return ExitStatus.OK;
    }
    Instance instance = Invocation.instantiateWithoutImports(module);
    Invocation.invoke(instance, function, args).forEach(out::println);
    return ExitStatus.OK;
  }
}
