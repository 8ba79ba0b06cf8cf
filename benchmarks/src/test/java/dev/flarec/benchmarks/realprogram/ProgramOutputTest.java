package dev.flarec.benchmarks.realprogram;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgramOutputTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void identicalOutputPasses() {
    assertDoesNotThrow(() -> new ProgramOutput(0, bytes("a\nb\n")).check(bytes("a\nb\n")));
  }

  @Test
  void missingTrailingLinesAreNamed() {
    var e =
        assertThrows(
            ProgramOutput.WrongOutput.class,
            () -> new ProgramOutput(0, bytes("a\n")).check(bytes("a\nb\nc\n")));
    assertEquals(
        "output differs from the native build's at line 2: got \"\", expected \"b\"",
        e.getMessage());
  }

  @Test
  void aLastNewlineMoreIsADifference() {
    var e =
        assertThrows(
            ProgramOutput.WrongOutput.class,
            () -> new ProgramOutput(0, bytes("a\n\n")).check(bytes("a\n")));
    assertEquals(
        "output differs from the native build's at line 3: got \"\", expected \"<end of output>\"",
        e.getMessage());
  }
}
