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

/** {@code flarec --bindings DIR}. */
class BindingsOptionTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int flarec(String... args) {
    return new FlarecMain(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  @Test
  void writesTheBindingsAndNamesTheModuleClassAfterThem() throws IOException {
    Path wat =
        Files.writeString(
            dir.resolve("add.wat"),
            "(module (func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))");
    Path jar = dir.resolve("add.jar");
    assertEquals(
        ExitStatus.OK,
        flarec(
            wat.toString(),
            "-o",
            jar.toString(),
            "--class-name",
            "com.example.Add",
            "--bindings",
            dir.resolve("src").toString()),
        err.toString(StandardCharsets.UTF_8));
    String source = Files.readString(dir.resolve("src/com/example/Add.java"));
    assertTrue(source.contains("public final class Add {"), source);
    assertTrue(source.contains("public int add(int arg0, int arg1)"), source);
    assertEquals("com.example.AddModule", Module.load(jar).descriptor().className());
  }
}
