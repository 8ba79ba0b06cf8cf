package dev.flarec.testsuite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.testsuite.Command.ModuleSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading binary scripts: each command form the 3.0 suite uses, and errors that name the line. */
class ScriptReaderTest {
  private static final String SCRIPT =
      """
      ;; a comment
      (module definition $M binary "\\00asm" "\\01\\00\\00\\00")
      (module instance $I $M)
      (register "m" $I)
      (; a (; nested ;) block comment ;)
      (assert_return (invoke $I "f" (i32.const 0x2a) (ref.null extern)) (i64.const -1))
      (assert_trap (invoke "g") "unreachable")
      (assert_exception (invoke "throws"))
      (assert_unlinkable (module instance) "unknown import")
      (assert_trap (module binary "\\00asm\\01\\00\\00\\00") "out of bounds")
      (assert_invalid (module binary "\\00asm") "type mismatch")
      (get "g1")
      """;

  @Test
  void readsEveryCommandForm() {
    List<Command> commands = ScriptReader.parse("t", SCRIPT).commands();
    assertEquals(10, commands.size());

    var def = assertInstanceOf(Command.ModuleDefinition.class, commands.get(0));
    assertEquals("$M", def.name());
    assertEquals(2, def.line());
    assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, def.module().bytes());

    var inst = assertInstanceOf(Command.ModuleInstance.class, commands.get(1));
    assertEquals("$I", inst.instance());
    assertEquals("$M", inst.definition());

    var reg = assertInstanceOf(Command.RegisterCommand.class, commands.get(2));
    assertEquals("m", reg.as());
    assertEquals("$I", reg.name());

    var ret = assertInstanceOf(Command.AssertReturn.class, commands.get(3));
    assertEquals(6, ret.line(), "lines count through block comments");
    assertEquals("$I", ret.action().module());
    assertEquals(
        List.of(new WasmValue("i32", 42), new WasmValue("ref.null extern", null)),
        ret.action().args());
    assertTrue(ret.expected().get(0).matches(-1L));

    assertEquals("unreachable", assertInstanceOf(Command.AssertTrap.class, commands.get(4)).text());
    assertInstanceOf(Command.AssertException.class, commands.get(5));
    var unlinkable = assertInstanceOf(Command.AssertUnlinkable.class, commands.get(6));
    assertEquals(new ModuleSource.Definition(null), unlinkable.module());
    var uninstantiable = assertInstanceOf(Command.AssertUninstantiable.class, commands.get(7));
    assertInstanceOf(ModuleSource.Inline.class, uninstantiable.module());
    assertInstanceOf(Command.AssertInvalid.class, commands.get(8));
    assertEquals(
        Command.Action.Kind.GET,
        assertInstanceOf(Command.ActionCommand.class, commands.get(9)).action().kind());
  }

  @Test
  void unknownFormsFailWithTheirLine() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScriptReader.parse("t", "(module binary \"\")\n(assert_weird)"));
    assertTrue(e.getMessage().startsWith("t line 2: "), e.getMessage());
    var text =
        assertThrows(
            IllegalArgumentException.class, () -> ScriptReader.parse("t", "(module (func))"));
    assertTrue(text.getMessage().contains("only binary modules"), text.getMessage());
  }

  @Test
  void stringsKeepArbitraryBytesAndUtf8() {
    var p = (SExpression.Parens) SExpression.parseAll("(x \"\\ff\\u{e9}\\n\\\"é\")").get(0);
    byte[] bytes = ((SExpression.Text) p.get(1)).bytes();
    assertArrayEquals(
        new byte[] {(byte) 0xff, (byte) 0xc3, (byte) 0xa9, '\n', '"', (byte) 0xc3, (byte) 0xa9},
        bytes);
  }
}
