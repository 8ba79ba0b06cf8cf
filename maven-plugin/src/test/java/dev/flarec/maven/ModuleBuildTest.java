package dev.flarec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleBuildTest {
  @TempDir Path dir;

  private ModuleBuild build(Path module) {
    return new ModuleBuild(
        module,
        "com.example.Add",
        8000,
        true,
        dir.resolve("classes"),
        dir.resolve("generated"),
        dir.resolve("state"));
  }

  @Test
  void classNamesComeFromFileNames() {
    assertEquals("Add", ModuleBuild.classNameFromFile("add.wat"));
    assertEquals("MyLib", ModuleBuild.classNameFromFile("my-lib.wasm"));
    assertEquals("Module2048", ModuleBuild.classNameFromFile("2048.wasm"));
  }

  @Test
  void writesClassesDescriptorAndBindingsThenIsUpToDateUntilTheModuleChanges() throws Exception {
    Path wat = Files.writeString(dir.resolve("add.wat"), "(module (func (export \"f\")))");
    assertFalse(build(wat).upToDate());
    build(wat).run();
    assertTrue(Files.isRegularFile(dir.resolve("classes/com/example/AddModule.class")));
    assertTrue(Files.isRegularFile(dir.resolve("classes/com/example/AddModule.flarec-module")));
    assertTrue(Files.isRegularFile(dir.resolve("generated/com/example/Add.java")));
    assertTrue(build(wat).upToDate());

    Files.delete(dir.resolve("generated/com/example/Add.java"));
    assertFalse(build(wat).upToDate(), "an output is missing");
    build(wat).run();
    Files.writeString(wat, "(module (func (export \"g\")))");
    assertFalse(build(wat).upToDate(), "the module changed");
  }

  @Test
  void aBadModuleFailsWithTheCommandLinesMessage() throws Exception {
    Path wat = Files.writeString(dir.resolve("bad.wat"), "(module\n  (func\n    (i32.cnst 1)))\n");
    var e = assertThrows(MojoFailureException.class, () -> build(wat).run());
    assertTrue(
        e.getMessage().startsWith(wat + ": malformed text format, line 3, column 6: "),
        e.getMessage());
  }
}
