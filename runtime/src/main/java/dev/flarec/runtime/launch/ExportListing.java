package dev.flarec.runtime.launch;

import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Export;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Import;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Describes a module's exports and imports for people: one line per export with its signature, as
 * printed when a compiled JAR runs without arguments, and the short forms error messages use to say
 * what exists.
 *
 * <p>Signatures read {@code (i64, i64) -> i64}: parameters always in parentheses, a single result
 * bare, none or several in parentheses.
 */
public final class ExportListing {
  private ExportListing() {}

  /** {@code (i32, i32) -> i32}, {@code () -> ()}, {@code (f64) -> (i32, i64)}. */
  public static String signature(FunctionType type) {
    String params = typeList(type.params());
    List<ValueType> results = type.results();
    return params + " -> " + (results.size() == 1 ? results.get(0).toString() : typeList(results));
  }

  /** One line per export: functions with their signature, other kinds with the kind. */
  public static List<String> lines(ModuleDescriptor module) {
    List<String> lines = new ArrayList<>();
    for (Export e : module.exports()) {
      lines.add(
          e.kind() == ExternKind.FUNCTION
              ? e.name() + " " + signature(module.functionType(e.index()))
              : e.name() + " (" + kindName(e.kind()) + ")");
    }
    return lines;
  }

  /** "exported functions: fac, fac_iter", or "the module exports no functions". */
  public static String functionSummary(ModuleDescriptor module) {
    StringJoiner names = new StringJoiner(", ", "exported functions: ", "");
    names.setEmptyValue("the module exports no functions");
    for (Export e : module.exports()) {
      if (e.kind() == ExternKind.FUNCTION) {
        names.add(e.name());
      }
    }
    return names.toString();
  }

  /** {@code env.log (function (i32) -> ())}, for messages about a missing import. */
  public static String describe(ModuleDescriptor module, Import imp) {
    String what =
        imp.kind() == ExternKind.FUNCTION
            ? "function " + signature(module.functionType(imp.index()))
            : kindName(imp.kind());
    return imp.module() + "." + imp.name() + " (" + what + ")";
  }

  /** The text-format keyword of an extern kind: func is spelled out for readers. */
  static String kindName(ExternKind kind) {
    return switch (kind) {
      case FUNCTION -> "function";
      case TABLE -> "table";
      case MEMORY -> "memory";
      case GLOBAL -> "global";
      case TAG -> "tag";
    };
  }

  /** {@code (i32, i64)}. */
  static String typeList(List<ValueType> types) {
    StringJoiner list = new StringJoiner(", ", "(", ")");
    for (ValueType t : types) {
      list.add(t.toString());
    }
    return list.toString();
  }
}
