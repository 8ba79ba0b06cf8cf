package dev.flarec.compiler.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarWriterTest {
  private static final String FACTORIAL =
      """
      (module
        (func $fac (export "fac") (param i64) (result i64)
          (if (result i64) (i64.lt_u (local.get 0) (i64.const 2))
            (then (i64.const 1))
            (else (i64.mul (local.get 0)
                           (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
        (func (export "div") (param i32 i32) (result i32)
          (i32.div_u (local.get 0) (local.get 1))))
      """;

  private static CompiledModule factorial;

  @TempDir Path dir;

  @BeforeAll
  static void compile() {
    factorial =
        Flarec.compile(Wat2Wasm.parse(FACTORIAL), new CompileOptions("flarec.module.Factorial"));
  }

  private Path writeJar(String name) throws IOException {
    Path jar = dir.resolve(name);
    new JarWriter().write(factorial, jar);
    return jar;
  }

  @Test
  void jarHoldsTheModuleAndTheRuntimeAndNothingElse() throws IOException {
    Path jar = writeJar("factorial.jar");
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream().forEach(e -> names.add(e.getName()));
      Attributes manifest = file.getManifest().getMainAttributes();
      assertEquals("dev.flarec.runtime.launch.ModuleMain", manifest.getValue("Main-Class"));
      assertEquals("flarec.module.Factorial", manifest.getValue(Module.MANIFEST_ATTRIBUTE));
      assertEquals("true", manifest.getValue(Attributes.Name.MULTI_RELEASE));
    }

    assertEquals("META-INF/MANIFEST.MF", names.get(0), "the manifest comes first");
    List<String> rest = names.subList(1, names.size());
    List<String> sorted = new ArrayList<>(rest);
    Collections.sort(sorted);
    assertEquals(sorted, rest, "entries after the manifest are sorted");

    for (String name : rest) {
      assertTrue(
          name.startsWith("dev/flarec/runtime/")
              || name.startsWith("META-INF/versions/24/dev/flarec/runtime/")
              || factorial.classFiles().containsKey(name.replace('/', '.').replace(".class", ""))
              || name.equals("flarec/module/Factorial.flarec-module"),
          "unexpected entry " + name);
    }
    assertTrue(names.contains("flarec/module/Factorial.class"));
    assertTrue(names.contains("flarec/module/Factorial.flarec-module"));
    assertTrue(names.contains("dev/flarec/runtime/launch/ModuleMain.class"));
    assertTrue(names.contains("dev/flarec/runtime/instance/Instance.class"));
    assertTrue(names.contains("dev/flarec/runtime/trap/WasmTrap.class"));
    assertTrue(names.contains("META-INF/versions/24/dev/flarec/runtime/memory/MemoryAccess.class"));
  }

  @Test
  void outputIsDeterministic() throws IOException {
    byte[] first = Files.readAllBytes(writeJar("a.jar"));
    byte[] second = new JarWriter().toBytes(factorial);
    assertArrayEquals(first, second);
    try (JarInputStream in = new JarInputStream(Files.newInputStream(dir.resolve("a.jar")))) {
      Attributes manifest = in.getManifest().getMainAttributes();
      assertEquals("flarec.module.Factorial", manifest.getValue(Module.MANIFEST_ATTRIBUTE));
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        assertEquals(LocalDateTime.of(1980, 2, 1, 0, 0), e.getTimeLocal(), e.getName());
      }
    }
  }

  @Test
  void moduleLoadsFromTheJar() throws IOException {
    Module module = Module.load(writeJar("factorial.jar"));
    assertArrayEquals(
        new Object[] {2432902008176640000L}, module.instantiate().function("fac").call(20L));
  }

  @Test
  void jarRunsWithJavaDashJar() throws Exception {
    Path jar = writeJar("factorial.jar");

    Result fac = java("-jar", jar.toString(), "--invoke", "fac", "20");
    assertEquals(new Result(ExitStatus.OK, "2432902008176640000\n", ""), fac);

    Result trap = java("-jar", jar.toString(), "--invoke", "div", "1", "0");
    assertEquals(
        new Result(ExitStatus.TRAP, "", "factorial.jar: trap: integer divide by zero\n"), trap);

    Result listing = java("-jar", jar.toString());
    assertEquals(ExitStatus.OK, listing.status(), listing.stderr());
    assertTrue(listing.stdout().contains("  fac (i64) -> i64\n"), listing.stdout());
  }

  @Test
  void aModuleClassMayNotReplaceARuntimeClass() {
    CompiledModule clash =
        Flarec.compile(
            Wat2Wasm.parse(FACTORIAL), new CompileOptions("dev.flarec.runtime.launch.ModuleMain"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new JarWriter().toBytes(clash));
    assertTrue(e.getMessage().contains("clashes with a runtime file"), e.getMessage());
  }

  @Test
  void replacesAnExistingFileAndCreatesParents() throws IOException {
    Path jar = dir.resolve("a/b/m.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "old");
    new JarWriter().write(factorial, jar);
    assertArrayEquals(new JarWriter().toBytes(factorial), Files.readAllBytes(jar));
    try (var files = Files.list(jar.getParent())) {
      assertEquals(List.of(jar), files.toList(), "no partial file left behind");
    }
  }

  private record Result(int status, String stdout, String stderr) {}

  /** Runs the JVM running this test, as a user would run the JAR. */
  private Result java(String... args) throws Exception {
    String javaBinary =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(javaBinary));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("java " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(
        process.exitValue(),
        Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8)
            .replace(System.lineSeparator(), "\n"),
        Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8)
            .replace(System.lineSeparator(), "\n"));
  }
}
