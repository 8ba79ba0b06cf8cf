package dev.flarec.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.Flarec;

/**
 * What a user sees when a module is refused: the exception's kind, where it points (section,
 * function, byte offset) and its one-line description, which must name all three.
 */
public final class Rejections {
  private Rejections() {}

  /** Compiles {@code wasm}, expecting {@code kind} at that place; returns it for more checks. */
  public static <T extends CompileException> T rejected(
      Class<T> kind, byte[] wasm, String section, int function, long offset, String message) {
    T e = assertThrows(kind, () -> Flarec.compile(wasm));
    String line = e.describe();
    assertEquals(section, e.section(), line);
    assertEquals(function, e.functionIndex(), line);
    assertEquals(offset, e.byteOffset(), line);
    assertTrue(e.getMessage().contains(message), line);
    assertTrue(!line.contains("\n"), line);
    assertTrue(line.contains(section + " section"), line);
    assertTrue(line.contains("at byte offset " + offset + String.format(" (0x%x)", offset)), line);
    return e;
  }
}
