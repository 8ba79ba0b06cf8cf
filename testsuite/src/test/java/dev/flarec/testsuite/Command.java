package dev.flarec.testsuite;

import java.util.List;

/**
 * One command of a spec test script: define or instantiate a module, register an instance under a
 * name, run an action, or assert something about a module or an action.
 *
 * <p>Sealed so that the runner's dispatch is checked to cover every kind. Every command keeps its
 * line in the script, which is how a failure is reported: the line is what a developer opens to see
 * the module or assertion behind it.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">the script
 *     format</a>
 */
public sealed interface Command {
  /** Line of the command in the script. */
  int line();

  /** The command as failure messages name it, e.g. {@code assert_return invoke "f"(i32:1)}. */
  String describe();

  /**
   * {@code (module definition $name? binary ...)}: compile a module without instantiating it;
   * {@code (module instance)} commands instantiate it later, by name or as the latest definition.
   */
  record ModuleDefinition(int line, String name, ModuleBinary module) implements Command {
    @Override
    public String describe() {
      return "module definition" + (name == null ? "" : " " + name) + " " + module;
    }
  }

  /**
   * {@code (module instance $instance? $definition?)}: instantiate the named (or latest)
   * definition; the instance becomes the latest, and is named if {@code instance} is set.
   */
  record ModuleInstance(int line, String instance, String definition) implements Command {
    @Override
    public String describe() {
      return "module instance"
          + (instance == null ? "" : " " + instance)
          + (definition == null ? "" : " " + definition);
    }
  }

  /**
   * {@code (module $name? binary ...)}: a definition instantiated at once; both go by {@code name}.
   */
  record ModuleCommand(int line, String name, ModuleBinary module) implements Command {
    @Override
    public String describe() {
      return "module" + (name == null ? "" : " " + name) + " " + module;
    }
  }

  /**
   * {@code (register "as" $name?)}: the named (or latest) instance's exports become importable as
   * module {@code as}.
   */
  record RegisterCommand(int line, String name, String as) implements Command {
    @Override
    public String describe() {
      return "register \"" + as + "\"" + (name == null ? "" : " " + name);
    }
  }

  /** A bare action: it must complete without trapping; its results are not checked. */
  record ActionCommand(int line, Action action) implements Command {
    @Override
    public String describe() {
      return "action " + action;
    }
  }

  /** {@code assert_return}: the action returns exactly these results. */
  record AssertReturn(int line, Action action, List<Expected> expected) implements Command {
    @Override
    public String describe() {
      return "assert_return " + action;
    }
  }

  /** {@code assert_trap} on an action: it traps with a message starting with {@code text}. */
  record AssertTrap(int line, Action action, String text) implements Command {
    @Override
    public String describe() {
      return "assert_trap " + action;
    }
  }

  /** {@code assert_exhaustion}: the action runs out of call stack. */
  record AssertExhaustion(int line, Action action, String text) implements Command {
    @Override
    public String describe() {
      return "assert_exhaustion " + action;
    }
  }

  /** {@code assert_exception}: the action throws a WebAssembly exception (not a trap). */
  record AssertException(int line, Action action) implements Command {
    @Override
    public String describe() {
      return "assert_exception " + action;
    }
  }

  /** {@code assert_invalid}: the module is rejected by validation. */
  record AssertInvalid(int line, ModuleBinary module, String text) implements Command {
    @Override
    public String describe() {
      return "assert_invalid " + module;
    }
  }

  /** {@code assert_malformed}: the module is rejected by decoding. */
  record AssertMalformed(int line, ModuleBinary module, String text) implements Command {
    @Override
    public String describe() {
      return "assert_malformed " + module;
    }
  }

  /** {@code assert_unlinkable}: the module compiles but its imports cannot be satisfied. */
  record AssertUnlinkable(int line, ModuleSource module, String text) implements Command {
    @Override
    public String describe() {
      return "assert_unlinkable " + module;
    }
  }

  /**
   * {@code assert_trap} on a module, or {@code assert_uninstantiable}: instantiation traps, in a
   * segment or the start function.
   */
  record AssertUninstantiable(int line, ModuleSource module, String text) implements Command {
    @Override
    public String describe() {
      return "assert_uninstantiable " + module;
    }
  }

  /** A module in the binary format, as a script spells it in {@code binary} strings. */
  record ModuleBinary(byte[] bytes) {
    @Override
    public String toString() {
      return "(" + bytes.length + " bytes)";
    }
  }

  /** What an instantiation assertion instantiates: a module given inline, or a definition. */
  sealed interface ModuleSource {
    /** {@code (module binary ...)} inside the assertion. */
    record Inline(ModuleBinary module) implements ModuleSource {
      @Override
      public String toString() {
        return module.toString();
      }
    }

    /** {@code (module instance $i? $definition?)}: a definition made earlier, or the latest. */
    record Definition(String name) implements ModuleSource {
      @Override
      public String toString() {
        return "(module instance" + (name == null ? "" : " " + name) + ")";
      }
    }
  }

  /**
   * An action: invoke an exported function, or read an exported global.
   *
   * @param module the instance's script name ({@code $M}), or null for the latest instance
   * @param field the export's name
   * @param args the arguments of an invocation (empty for a get)
   */
  record Action(Kind kind, String module, String field, List<WasmValue> args) {
    /** What an action does. */
    public enum Kind {
      INVOKE,
      GET
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(kind == Kind.INVOKE ? "invoke " : "get ");
      if (module != null) {
        sb.append(module).append(' ');
      }
      sb.append('"').append(field).append('"');
      if (kind == Kind.INVOKE) {
        sb.append('(');
        for (int i = 0; i < args.size(); i++) {
          sb.append(i == 0 ? "" : ", ").append(args.get(i));
        }
        sb.append(')');
      }
      return sb.toString();
    }
  }
}
