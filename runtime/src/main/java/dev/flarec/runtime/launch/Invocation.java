package dev.flarec.runtime.launch;

import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Export;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Import;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.LinkException;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls an export the way a command line asks for it: by name, with arguments as text, results back
 * as text. Both {@code flarec run} and a compiled JAR's {@link ModuleMain} go through here, so the
 * two accept the same arguments and print the same results.
 *
 * <p>Every user mistake becomes a {@link LaunchException} whose message says what would have been
 * right; a trap passes through as the {@link dev.flarec.runtime.trap.WasmTrap} it is.
 */
public final class Invocation {
  private Invocation() {}

  /**
   * Instantiates {@code module} with no imports, as a command line can provide none.
   *
   * @throws LaunchException naming the first import the module needs
   * @throws dev.flarec.runtime.trap.WasmTrap if a segment or the start function traps
   */
  public static Instance instantiateWithoutImports(Module module) {
    try {
      return module.instantiate(Imports.empty());
    } catch (LinkException e) {
      ModuleDescriptor d = module.descriptor();
      List<Import> imports = d.imports();
      Import first =
          imports.stream()
              .filter(i -> i.module().equals(e.importModule()) && i.name().equals(e.importName()))
              .findFirst()
              .orElse(imports.get(0));
      int more = imports.size() - 1;
      throw new LaunchException(
          "the module imports "
              + ExportListing.describe(d, first)
              + (more > 0 ? " and " + more + " more" : "")
              + ", and running from the command line provides no imports",
          e);
    }
  }

  /**
   * Calls the exported function {@code name} with {@code args} parsed by {@link ValueFormat} for
   * its parameter types, and returns its results formatted by {@link ValueFormat}, in order.
   *
   * @throws LaunchException if there is no such function or the arguments do not fit it
   * @throws dev.flarec.runtime.trap.WasmTrap if the function traps
   */
  public static List<String> invoke(Instance instance, String name, List<String> args) {
    ModuleDescriptor d = instance.module().descriptor();
    FunctionType type = d.functionType(functionExport(d, name).index());
    Object[] values = parseArguments(name, type, args);
    Object[] results = instance.function(name).call(values);
    List<String> lines = new ArrayList<>(results.length);
    for (int i = 0; i < results.length; i++) {
      lines.add(ValueFormat.format(type.results().get(i), results[i]));
    }
    return lines;
  }

  private static Export functionExport(ModuleDescriptor d, String name) {
    for (Export e : d.exports()) {
      if (e.name().equals(name)) {
        if (e.kind() != ExternKind.FUNCTION) {
          throw new LaunchException(
              "export \""
                  + name
                  + "\" is a "
                  + ExportListing.kindName(e.kind())
                  + ", not a function; "
                  + ExportListing.functionSummary(d));
        }
        return e;
      }
    }
    throw new LaunchException(
        "no exported function \"" + name + "\"; " + ExportListing.functionSummary(d));
  }

  private static Object[] parseArguments(String name, FunctionType type, List<String> words) {
    List<ValueType> params = type.params();
    List<String> args = groupVectors(params, words);
    if (args.size() != params.size()) {
      throw new LaunchException(
          name
              + " takes "
              + count(params.size(), "argument")
              + " "
              + ExportListing.typeList(params)
              + " but was given "
              + args.size());
    }
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = ValueFormat.parse(params.get(i), args.get(i));
      } catch (IllegalArgumentException e) {
        throw new LaunchException(name + ": argument " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return values;
  }

  /**
   * Joins the words of each v128 argument written across several command-line words ({@code i32x4 1
   * 2 3 4}) into one, so that every parameter has one argument.
   */
  private static List<String> groupVectors(List<ValueType> params, List<String> words) {
    List<String> args = new ArrayList<>(words.size());
    int w = 0;
    for (int p = 0; w < words.size(); p++) {
      String word = words.get(w);
      int lanes = ValueFormat.laneCount(word);
      if (p < params.size()
          && params.get(p) == ValueType.V128
          && lanes > 0
          && w + lanes < words.size()) {
        args.add(String.join(" ", words.subList(w, w + lanes + 1)));
        w += lanes + 1;
      } else {
        args.add(word);
        w++;
      }
    }
    return args;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
