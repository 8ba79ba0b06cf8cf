package dev.flarec.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.wasi.Programs;
import dev.flarec.runtime.launch.ExitStatus;
import dev.flarec.wasi.launch.WasiMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compiled WASI command JAR run as a user runs it, {@code java -jar prog.jar ARGS...} in a
 * separate JVM: the program's arguments, standard streams, environment, exit status, and
 * directories only when {@code FLAREC_WASI_DIRS} names them.
 */
class WasiJarTest {
  @TempDir Path dir;

  private Path compile(Path wasm, String jarName) {
    Path jar = dir.resolve(jarName);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new FlarecMain(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(wasm.toString(), "-o", jar.toString());
    assertEquals(ExitStatus.OK, status, err.toString(StandardCharsets.UTF_8));
    return jar;
  }

  private Path compile(String program) {
    return compile(Programs.wasm(program), program + ".jar");
  }

  @Test
  void theJarCarriesTheRuntimeAndWasiAndNothingOfTheCompiler() throws IOException {
    Path jar = compile("cat");
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes manifest = file.getManifest().getMainAttributes();
      assertEquals(WasiMain.class.getName(), manifest.getValue(Attributes.Name.MAIN_CLASS));
      // the runtime's memory accesses for Java 24 and later
      assertEquals("true", manifest.getValue(Attributes.Name.MULTI_RELEASE));
      List<String> names = file.stream().map(e -> e.getName()).toList();
      assertTrue(names.contains("dev/flarec/wasi/launch/WasiMain.class"));
      assertTrue(names.contains("dev/flarec/wasi/fs/PathResolver.class"));
      assertTrue(names.contains("dev/flarec/runtime/instance/Instance.class"));
      for (String name : names) {
        assertTrue(
            name.startsWith("dev/flarec/runtime/")
                || name.startsWith("META-INF/versions/24/dev/flarec/runtime/")
                || name.startsWith("dev/flarec/wasi/")
                || name.startsWith("flarec/module/Cat")
                || name.equals("META-INF/MANIFEST.MF"),
            "unexpected entry " + name);
      }
    }
  }

  @Test
  void argumentsEnvironmentAndStatus() throws Exception {
    Path jar = compile("args_env");
    Result result =
        java(Map.of("FLAREC_GREETING", "from the environment"), null, jar, "a", "--invoke", "b c");
    assertEquals(ExitStatus.OK, result.status(), result.stderr());
    assertTrue(
        result
            .stdout()
            .startsWith(
                "argc=4\nargv[0]=args_env.jar\nargv[1]=a\nargv[2]=--invoke\nargv[3]=b c\n"
                    + "FLAREC_GREETING=from the environment\n"),
        result.stdout());
  }

  @Test
  void standardInputToTheEnd() throws Exception {
    Path jar = compile("cat");
    byte[] input = new byte[300_000];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) (i ^ (i >> 9));
    }
    Path in = Files.write(dir.resolve("input.bin"), input);
    Result result = java(Map.of(), in, jar);
    assertEquals(ExitStatus.OK, result.status(), result.stderr());
    assertEquals("copied 300000 bytes\n", result.stderr());
    assertTrue(java.util.Arrays.equals(input, Files.readAllBytes(dir.resolve("stdout.txt"))));
  }

  @Test
  void exitAndTrapStatuses() throws Exception {
    Result exit = java(Map.of(), null, compile("exit3"));
    assertEquals(new Result(3, "exiting with 3\n", ""), exit);
    Result trap = java(Map.of(), null, compile("oob"));
    assertEquals(
        new Result(
            ExitStatus.TRAP,
            "before the bad write\n",
            "oob.jar: trap: out of bounds memory access\n"),
        trap);
  }

  @Test
  void directoriesOnlyThroughTheVariable() throws Exception {
    Path jar = compile("files");
    Path data = Files.createDirectories(dir.resolve("data"));
    Result without = java(Map.of(), null, jar, "/sandbox");
    assertTrue(without.status() > 0, "nothing is visible without FLAREC_WASI_DIRS");
    Result with = java(Map.of(WasiMain.DIRS_VARIABLE, data + "::/sandbox"), null, jar, "/sandbox");
    assertEquals(0, with.status(), with.stdout());
    assertTrue(with.stdout().endsWith("failures=0\n"), with.stdout());
  }

  @Test
  void aReactorJarIsInvoked() throws Exception {
    Path wasm = Files.write(dir.resolve("reactor.wasm"), Wat2Wasm.parse(WasiRunTest.REACTOR));
    Path jar = compile(wasm, "reactor.jar");
    Result result = java(Map.of(), null, jar, "--invoke", "hello");
    assertEquals(new Result(ExitStatus.OK, "hi from wasi\n1\n", ""), result);
  }

  private record Result(int status, String stdout, String stderr) {}

  /** Runs {@code java -jar jar args} in a JVM like the one running this test. */
  private Result java(Map<String, String> env, Path stdin, Path jar, String... args)
      throws Exception {
    String javaBinary =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(javaBinary, "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile());
    builder.environment().remove(WasiMain.DIRS_VARIABLE);
    builder.environment().putAll(env);
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("java -jar " + jar + " did not finish in 60 s");
    }
    return new Result(
        process.exitValue(),
        Files.readString(dir.resolve("stdout.txt"), StandardCharsets.ISO_8859_1)
            .replace(System.lineSeparator(), "\n"),
        Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8)
            .replace(System.lineSeparator(), "\n"));
  }
}
