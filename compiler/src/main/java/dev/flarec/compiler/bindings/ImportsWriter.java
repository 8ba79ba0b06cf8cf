package dev.flarec.compiler.bindings;

import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.List;
import java.util.Set;

/**
 * Writes the {@code Imports} class nested in a module's bindings: a builder with one typed method
 * per import, named after the import's module and field ({@code env.log} becomes {@code envLog}),
 * and for each imported function a functional interface of its Java shape, so that a lambda
 * provides it. {@code build()} names every import still missing, since instantiating without it
 * would fail anyway, later and less clearly.
 */
final class ImportsWriter {
  private final ModuleDescriptor descriptor;
  private final String bindingsSimpleName;

  /** {@code bindingsSimpleName}: the simple name of the bindings class the writer's code is in. */
  ImportsWriter(ModuleDescriptor descriptor, String bindingsSimpleName) {
    this.descriptor = descriptor;
    this.bindingsSimpleName = bindingsSimpleName;
  }

  String write() {
    var members = new JavaIdentifiers(Set.of("build", "addAll", "builder", "imports"));
    // the bindings class's own name stays free: code in Imports names it (typeExpression)
    var types = new JavaIdentifiers(Set.of("Imports", "Builder", bindingsSimpleName));
    var interfaces = new StringBuilder();
    var methods = new StringBuilder();
    var required = new StringBuilder();
    for (ModuleDescriptor.Import imp : descriptor.imports()) {
      String wasmName = imp.module() + "." + imp.name();
      String key =
          BindingsGenerator.literal(imp.module()) + ", " + BindingsGenerator.literal(imp.name());
      required
          .append(required.length() == 0 ? "" : ", ")
          .append(BindingsGenerator.literal(imp.module() + " " + imp.name()));
      String method = members.member(wasmName);
      String what =
          "{@code "
              + BindingsGenerator.comment(
                  BindingsGenerator.quoted(imp.module())
                      + " "
                      + BindingsGenerator.quoted(imp.name()))
              + "}";
      String parameterType;
      String value;
      String adder;
      if (imp.kind() == ExternKind.FUNCTION) {
        FunctionType type = descriptor.types().get(importedTypeIndex(imp));
        parameterType = types.type(wasmName);
        interfaces.append(functionalInterface(parameterType, type, wasmName));
        value =
            "dev.flarec.runtime.instance.FunctionRef.of("
                + typeExpression(type, importedTypeIndex(imp))
                + ", value)";
        adder = "function";
        what += ", {@code " + BindingsGenerator.signature(type) + "}";
      } else {
        String[] kind =
            switch (imp.kind()) {
              case MEMORY -> new String[] {"dev.flarec.runtime.memory.Memory", "memory"};
              case TABLE -> new String[] {"dev.flarec.runtime.table.Table", "table"};
              case GLOBAL -> new String[] {"dev.flarec.runtime.global.Global", "global"};
              case TAG -> new String[] {"dev.flarec.runtime.exception.Tag", "tag"};
              case FUNCTION -> throw new AssertionError();
            };
        parameterType = kind[0];
        value = "value";
        adder = kind[1];
        what += " (a " + kind[1] + ")";
      }
      methods
          .append("      /** Provides the import ")
          .append(what)
          .append(". */\n")
          .append("      public Builder ")
          .append(method)
          .append('(')
          .append(parameterType)
          .append(" value) {\n")
          .append("        builder.")
          .append(adder)
          .append('(')
          .append(key)
          .append(", ")
          .append(value)
          .append(");\n")
          .append("        missing.remove(")
          .append(BindingsGenerator.literal(imp.module() + " " + imp.name()))
          .append(");\n")
          .append("        return this;\n      }\n\n");
    }
    return "  /** What an instance of the module is given for its imports. */\n"
        + "  public static final class Imports {\n"
        + "    final dev.flarec.runtime.instance.Imports imports;\n\n"
        + "    private Imports(dev.flarec.runtime.instance.Imports imports) {\n"
        + "      this.imports = imports;\n    }\n\n"
        + "    public static Builder builder() {\n      return new Builder();\n    }\n\n"
        + interfaces
        + "    /** Collects the imports; {@link #build} checks that none is missing. */\n"
        + "    public static final class Builder {\n"
        + "      private final dev.flarec.runtime.instance.Imports.Builder builder =\n"
        + "          dev.flarec.runtime.instance.Imports.builder();\n"
        + "      private final java.util.Set<String> missing =\n"
        + "          new java.util.TreeSet<>(java.util.List.of("
        + required
        + "));\n\n"
        + "      private Builder() {}\n\n"
        + methods
        + "      /** Adds untyped imports (for example WASI's); they count for the imports they provide. */\n"
        + "      public Builder addAll(dev.flarec.runtime.instance.Imports more) {\n"
        + "        builder.addAll(more);\n"
        + "        missing.removeIf(name -> {\n"
        + "          int space = name.indexOf(' ');\n"
        + "          return more.lookup(name.substring(0, space), name.substring(space + 1)) != null;\n"
        + "        });\n"
        + "        return this;\n      }\n\n"
        + "      /** @throws IllegalStateException if an import is missing, naming the missing ones */\n"
        + "      public Imports build() {\n"
        + "        if (!missing.isEmpty()) {\n"
        + "          throw new IllegalStateException(\"imports not provided: \" + missing);\n"
        + "        }\n"
        + "        return new Imports(builder.build());\n      }\n    }\n  }\n";
  }

  private int importedTypeIndex(ModuleDescriptor.Import imp) {
    // imported functions come first in the function index space, in import order
    return descriptor.functions().get(imp.index()).typeIndex();
  }

  private static String functionalInterface(String name, FunctionType type, String wasmName) {
    List<ValueType> results = type.results();
    String returnType =
        switch (results.size()) {
          case 0 -> "void";
          case 1 -> BindingsGenerator.javaType(results.get(0), wasmName);
          default -> "Object[]";
        };
    var sb =
        new StringBuilder("    /**\n     * The import {@code ")
            .append(BindingsGenerator.comment(BindingsGenerator.quoted(wasmName)))
            .append("}: {@code ")
            .append(BindingsGenerator.signature(type))
            .append("}")
            .append(results.size() > 1 ? "; the results are returned boxed, in order" : "")
            .append(".\n     */\n    @FunctionalInterface\n    public interface ")
            .append(name)
            .append(" {\n      ")
            .append(returnType)
            .append(" call(");
    for (int i = 0; i < type.params().size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(BindingsGenerator.javaType(type.params().get(i), wasmName))
          .append(" arg")
          .append(i);
    }
    return sb.append(");\n    }\n\n").toString();
  }

  /**
   * Code for the function type at {@code typeIndex}, which the module's import expects exactly. A
   * type Wasm 2.0 can write is rebuilt from its parameters and results (interning makes it the
   * module's); one with a canonical key (typed references, recursion, a declared supertype) is
   * taken from the module's descriptor, where its key and supertype are (see
   * docs/RATIONALE.md#why-function-types-carry-a-canonical-key).
   */
  private String typeExpression(FunctionType type, int typeIndex) {
    if (type.canonicalKey() != null) {
      return bindingsSimpleName + ".module().descriptor().types().get(" + typeIndex + ")";
    }
    return "dev.flarec.runtime.types.FunctionType.of("
        + valueTypes(type.params())
        + ", "
        + valueTypes(type.results())
        + ")";
  }

  private static String valueTypes(List<ValueType> types) {
    var sb = new StringBuilder("new dev.flarec.runtime.types.ValueType[] {");
    for (int i = 0; i < types.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append("dev.flarec.runtime.types.ValueType.")
          .append(types.get(i).name());
    }
    return sb.append('}').toString();
  }
}
