package dev.flarec.benchmarks.realprogram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM engines of the real-program harness run a WASI command on a fresh instance each time and
 * hand back its exit status and output, which the check compares with the expected output. The
 * command is a tiny echo (src/test/resources/realprogram/echo.wat), not the corpus, which a build
 * does not have.
 */
class ProgramEnginesTest {
  @TempDir Path cacheRoot;

  private CorpusCache cacheWithEcho() throws Exception {
    Files.createDirectories(cacheRoot.resolve("wasm"));
    try (InputStream wasm = getClass().getResourceAsStream("/realprogram/echo.wasm")) {
      Files.copy(wasm, cacheRoot.resolve("wasm/echo.wasm"));
    }
    return new CorpusCache(cacheRoot);
  }

  private static final RealProgram ECHO =
      new RealProgram("echo", "echo", List.of(), Optional.empty(), "test");

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"flarec", "flarec-in-process", "chicory"})
  void eachRunSeesItsOwnInputAndMatchesTheExpectedOutput(String engine) throws Exception {
    ProgramEngine.Prepared prepared = ProgramEngine.named(engine).prepare(ECHO, cacheWithEcho());

    ProgramOutput first = prepared.run(ECHO, bytes("one\ntwo\n"));
    ProgramOutput second = prepared.run(ECHO, bytes("three\n"));

    assertEquals(0, first.exitStatus());
    assertArrayEquals(bytes("one\ntwo\n"), first.stdout());
    first.check(bytes("one\ntwo\n"));
    assertArrayEquals(bytes("three\n"), second.stdout());
  }

  @Test
  void flarecCompilesAheadOfTimeInAJvmOfItsOwnAndReportsHowLongItTook() throws Exception {
    var engine = (FlarecProgramEngine) ProgramEngine.named("flarec");
    assertTrue(Double.isNaN(engine.compileMillis()));

    ProgramEngine.Prepared prepared = engine.prepare(ECHO, cacheWithEcho());

    assertTrue(engine.compileMillis() > 0, "compile time " + engine.compileMillis());
    assertTrue(engine.loadMillis() > 0, "load time " + engine.loadMillis());
    assertArrayEquals(bytes("hi\n"), prepared.run(ECHO, bytes("hi\n")).stdout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"flarec", "flarec-in-process", "chicory"})
  void aWrongLineOrExitStatusFailsTheCheck(String engine) throws Exception {
    ProgramEngine.Prepared prepared = ProgramEngine.named(engine).prepare(ECHO, cacheWithEcho());

    ProgramOutput differs = prepared.run(ECHO, bytes("one\ntwo\n"));
    var wrongLine =
        assertThrows(ProgramOutput.WrongOutput.class, () -> differs.check(bytes("one\nTWO\n")));
    assertEquals(
        "output differs from the native build's at line 2: got \"two\", expected \"TWO\"",
        wrongLine.getMessage());

    ProgramOutput exits = prepared.run(ECHO, bytes("!\n"));
    assertEquals(3, exits.exitStatus());
    var wrongStatus =
        assertThrows(ProgramOutput.WrongOutput.class, () -> exits.check(bytes("!\n")));
    assertEquals("exit status 3, expected 0", wrongStatus.getMessage());
  }
}
