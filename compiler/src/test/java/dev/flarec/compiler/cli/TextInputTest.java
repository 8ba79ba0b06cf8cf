package dev.flarec.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .wat} files wherever the command line takes a module. */
class TextInputTest {
  private static final String ADD =
      "(module (func (export \"add\") (param i32 i32) (result i32)"
          + " (i32.add (local.get 0) (local.get 1))))\n";

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int flarec(String... args) {
    return new FlarecMain(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runInvokesAnExportOfATextModule() throws IOException {
    Path wat = Files.writeString(dir.resolve("add.wat"), ADD);
    assertEquals(ExitStatus.OK, flarec("run", wat.toString(), "--invoke", "add", "2", "3"), err());
    assertEquals("5", out.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void compilesATextModuleToAJarNamedAfterIt() throws IOException {
    Path wat = Files.writeString(dir.resolve("add.wat"), ADD);
    assertEquals(ExitStatus.OK, flarec(wat.toString()), err());
    Module module = Module.load(dir.resolve("add.jar"));
    assertEquals("flarec.module.Add", module.descriptor().className());
    assertEquals(5, module.instantiate().function("add").call(2, 3)[0]);
  }

  @Test
  void aBadTextModuleFailsWithOneLineThatGivesLineAndColumn() throws IOException {
    Path wat = Files.writeString(dir.resolve("bad.wat"), "(module\n  (func\n    (i32.cnst 1)))\n");
    assertEquals(ExitStatus.BAD_INPUT, flarec(wat.toString()));
    String message = err().strip();
    assertEquals(1, message.lines().count(), message);
    assertTrue(
        message.startsWith("flarec: " + wat + ": malformed text format, line 3, column 6: "),
        message);
    assertTrue(Files.notExists(dir.resolve("bad.jar")));
  }
}
