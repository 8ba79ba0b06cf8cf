package dev.flarec.testsuite;

import java.util.List;

/**
 * One command of a spec test script, as wast2json lists it: define a module, register it under a
 * name, run an action, or assert something about a module or an action.
 *
 * <p>Sealed so that the runner's dispatch is checked to cover every kind. Every command keeps its
 * line in the {@code .wast} source, which is how a failure is reported: the line is what a
 * developer opens to see the Wasm text behind it.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">the script
 *     format</a>
 */
public sealed interface Command {
  /** Line of the command in the {@code .wast} script. */
  int line();

  /** The command as failure messages name it, e.g. {@code assert_return invoke "f"(i32:1)}. */
  String describe();

  /**
   * {@code (module $name ...)}: compile and instantiate; later actions address it by name or as the
   * latest.
   */
  record ModuleCommand(int line, String name, ModuleFile module) implements Command {
    @Override
    public String describe() {
      return "module" + (name == null ? "" : " " + name) + " " + module;
    }
  }

  /**
   * {@code (register "as" $name)}: the named (or latest) instance's exports become importable as
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

  /** {@code assert_invalid}: the module is rejected by validation. */
  record AssertInvalid(int line, ModuleFile module, String text) implements Command {
    @Override
    public String describe() {
      return "assert_invalid " + module;
    }
  }

  /** {@code assert_malformed}: the module is rejected by decoding (or, for text, by parsing). */
  record AssertMalformed(int line, ModuleFile module, String text) implements Command {
    @Override
    public String describe() {
      return "assert_malformed " + module;
    }
  }

  /** {@code assert_unlinkable}: the module compiles but its imports cannot be satisfied. */
  record AssertUnlinkable(int line, ModuleFile module, String text) implements Command {
    @Override
    public String describe() {
      return "assert_unlinkable " + module;
    }
  }

  /**
   * {@code assert_uninstantiable}, and {@code assert_trap} on a module (wast2json writes both
   * alike): instantiation traps, in a segment or the start function.
   */
  record AssertUninstantiable(int line, ModuleFile module, String text) implements Command {
    @Override
    public String describe() {
      return "assert_uninstantiable " + module;
    }
  }

  /**
   * A module file written by wast2json: a {@code .wasm} binary, or for {@code (module quote ...)}
   * the module's text ({@code .wat}), which flarec cannot read.
   *
   * @param filename file name, relative to the converted script's directory
   * @param text whether the file is in the text format
   */
  record ModuleFile(String filename, boolean text) {
    @Override
    public String toString() {
      return filename + (text ? " (text)" : "");
    }
  }

  /**
   * An action: invoke an exported function, or read an exported global.
   *
   * @param module the module's script name ({@code $M}), or null for the latest module
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
