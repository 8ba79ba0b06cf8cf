package dev.flarec.compiler.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.Flarec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class WatTranslatorTest {
  @Test
  void translatesTextToTheBinaryFormat() {
    byte[] wasm =
        WatTranslator.toBinary("(module (func (export \"f\") (result i32) (i32.const 7)))");
    assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, Arrays.copyOf(wasm, 8));
    assertEquals(7, Flarec.compile(wasm).load().instantiate().function("f").call()[0]);
  }

  @Test
  void compileTextIsTheEmbeddingApiForText() {
    var add =
        Flarec.compileText(
                "(module (func (export \"add\") (param i32 i32) (result i32)"
                    + " (i32.add (local.get 0) (local.get 1))))")
            .load()
            .instantiate()
            .function("add")
            .as(IntBinaryOperator.class);
    assertEquals(5, add.applyAsInt(2, 3));
  }

  @Test
  void aSyntaxErrorGivesItsLineAndColumn() {
    String wat = "(module\n  (func (result i32)\n    i32.const 1\n    i32.bogus))\n";
    TextFormatException e =
        assertThrows(TextFormatException.class, () -> WatTranslator.toBinary(wat));
    assertEquals(4, e.line());
    assertEquals(5, e.column());
    assertTrue(e.describe().startsWith("malformed text format, line 4, column 5: "), e.describe());
    assertTrue(e.describe().contains("i32.bogus"), e.describe());
    assertFalse(e.describe().contains("\n"), e.describe());
  }

  @Test
  void aValidationErrorInTextAlsoGivesItsPosition() {
    // wat2wasm validates too: an i64 where an i32 result is due
    String wat = "(module\n  (func (result i32)\n    i64.const 1))\n";
    TextFormatException e =
        assertThrows(TextFormatException.class, () -> WatTranslator.toBinary(wat));
    assertEquals(3, e.line(), e.describe());
    assertTrue(e.column() > 0, e.describe());
  }

  @Test
  void terminalColoursAreLeftOut() {
    TextFormatException e =
        WatTranslator.failure("\u001b[1mm.wat:2:3: \u001b[31merror: \u001b[0mbad\n  x\n  ^\n");
    assertEquals("malformed text format, line 2, column 3: bad", e.describe());
  }

  @Test
  void textIsToldFromBinaryByItsFirstCharacter() {
    assertTrue(WatTranslator.looksLikeText(" \n(module)".getBytes(StandardCharsets.UTF_8)));
    assertTrue(
        WatTranslator.looksLikeText(";; a comment\n(module)".getBytes(StandardCharsets.UTF_8)));
    assertFalse(WatTranslator.looksLikeText(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}));
    assertFalse(WatTranslator.looksLikeText(new byte[0]));
  }
}
