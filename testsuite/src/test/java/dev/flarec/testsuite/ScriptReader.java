package dev.flarec.testsuite;

import dev.flarec.testsuite.Command.Action;
import dev.flarec.testsuite.Command.ModuleBinary;
import dev.flarec.testsuite.Command.ModuleSource;
import dev.flarec.testsuite.SExpression.Atom;
import dev.flarec.testsuite.SExpression.Parens;
import dev.flarec.testsuite.SExpression.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a binary spec script ({@code .bin.wast}: every module already in the binary format) into
 * the {@link Command} model.
 *
 * <p>The grammar is the reference interpreter's "binary scripts": S-expressions whose modules are
 * {@code binary} strings and whose values are text-format constants, so no WebAssembly text parser
 * is needed. Each command is read explicitly, and anything unexpected fails here with its line
 * rather than as a puzzling runner failure.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#binary-scripts">binary
 *     scripts</a>
 */
final class ScriptReader {
  private ScriptReader() {}

  /** Reads the script at {@code file}, to be reported as {@code name}. */
  static Script read(String name, Path file) {
    String source;
    try {
      source = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return parse(name, source);
  }

  /** Parses a script's text. */
  static Script parse(String name, String source) {
    List<Command> commands = new ArrayList<>();
    for (SExpression e : SExpression.parseAll(source)) {
      try {
        commands.add(command(parens(e)));
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException(
            name + " line " + e.line() + ": cannot read command: " + ex.getMessage(), ex);
      }
    }
    return new Script(name, List.copyOf(commands));
  }

  static Command command(Parens p) {
    int line = p.line();
    return switch (p.head()) {
      case "module" -> module(p);
      case "register" -> new Command.RegisterCommand(line, optionalName(p, 2), string(p, 1));
      case "invoke", "get" -> new Command.ActionCommand(line, action(p));
      case "assert_return" -> {
        List<Expected> expected = new ArrayList<>();
        for (int i = 2; i < p.size(); i++) {
          expected.add(ValueCodec.expected(parens(p.get(i))));
        }
        yield new Command.AssertReturn(line, action(parens(p.get(1))), List.copyOf(expected));
      }
      case "assert_trap" -> {
        Parens target = parens(p.get(1));
        yield target.head().equals("module")
            ? new Command.AssertUninstantiable(line, source(target), string(p, 2))
            : new Command.AssertTrap(line, action(target), string(p, 2));
      }
      case "assert_exhaustion" ->
          new Command.AssertExhaustion(line, action(parens(p.get(1))), string(p, 2));
      case "assert_exception" -> new Command.AssertException(line, action(parens(p.get(1))));
      case "assert_invalid" ->
          new Command.AssertInvalid(line, binary(parens(p.get(1))), string(p, 2));
      case "assert_malformed" ->
          new Command.AssertMalformed(line, binary(parens(p.get(1))), string(p, 2));
      case "assert_unlinkable" ->
          new Command.AssertUnlinkable(line, source(parens(p.get(1))), string(p, 2));
      case "assert_uninstantiable" ->
          new Command.AssertUninstantiable(line, source(parens(p.get(1))), string(p, 2));
      default -> throw new IllegalArgumentException("unknown command " + p.head());
    };
  }

  /** {@code (module definition ...)}, {@code (module instance ...)} or {@code (module ...)}. */
  private static Command module(Parens p) {
    String second = p.size() > 1 && p.get(1) instanceof Atom a ? a.text() : "";
    return switch (second) {
      case "definition" -> new Command.ModuleDefinition(p.line(), optionalName(p, 2), binary(p));
      case "instance" ->
          new Command.ModuleInstance(p.line(), optionalName(p, 2), optionalName(p, 3));
      default -> new Command.ModuleCommand(p.line(), optionalName(p, 1), binary(p));
    };
  }

  /** The bytes of {@code (module definition? $name? binary "..."*)}. */
  private static ModuleBinary binary(Parens p) {
    if (!p.head().equals("module")) {
      throw new IllegalArgumentException("expected a module, got " + p.head());
    }
    int i = 1;
    if (i < p.size() && p.get(i) instanceof Atom a && a.text().equals("definition")) {
      i++;
    }
    if (i < p.size() && p.get(i) instanceof Atom a && a.text().startsWith("$")) {
      i++;
    }
    if (!(i < p.size() && p.get(i) instanceof Atom a && a.text().equals("binary"))) {
      // The binary scripts have no text or quoted modules: one here is a script this reader
      // does not know, not something to skip.
      throw new IllegalArgumentException("only binary modules are supported: " + abbreviate(p));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (i++; i < p.size(); i++) {
      if (!(p.get(i) instanceof Text t)) {
        throw new IllegalArgumentException("a binary module holds strings only: " + p.get(i));
      }
      bytes.writeBytes(t.bytes());
    }
    return new ModuleBinary(bytes.toByteArray());
  }

  /** What an instantiation assertion instantiates. */
  private static ModuleSource source(Parens p) {
    if (p.size() > 1 && p.get(1) instanceof Atom a && a.text().equals("instance")) {
      return new ModuleSource.Definition(optionalName(p, 3));
    }
    return new ModuleSource.Inline(binary(p));
  }

  /** {@code (invoke $m? "name" arg*)} or {@code (get $m? "name")}. */
  private static Action action(Parens p) {
    Action.Kind kind =
        switch (p.head()) {
          case "invoke" -> Action.Kind.INVOKE;
          case "get" -> Action.Kind.GET;
          default -> throw new IllegalArgumentException("unknown action " + p.head());
        };
    int i = 1;
    String module = optionalName(p, i);
    if (module != null) {
      i++;
    }
    String field = string(p, i++);
    List<WasmValue> args = new ArrayList<>();
    for (; i < p.size(); i++) {
      args.add(ValueCodec.argument(parens(p.get(i))));
    }
    return new Action(kind, module, field, List.copyOf(args));
  }

  /** The {@code $name} at {@code i}, or null if there is none there. */
  private static String optionalName(Parens p, int i) {
    return i < p.size() && p.get(i) instanceof Atom a && a.text().startsWith("$") ? a.text() : null;
  }

  private static String string(Parens p, int i) {
    if (i >= p.size() || !(p.get(i) instanceof Text t)) {
      throw new IllegalArgumentException("expected a string at position " + i + " of " + p.head());
    }
    return t.utf8();
  }

  private static Parens parens(SExpression e) {
    if (!(e instanceof Parens p)) {
      throw new IllegalArgumentException("expected a parenthesised command, got " + e);
    }
    return p;
  }

  private static String abbreviate(Parens p) {
    String s = p.toString();
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
