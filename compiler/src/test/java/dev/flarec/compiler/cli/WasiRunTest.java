package dev.flarec.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.wasi.Programs;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flarec run} of WASI modules: commands run as programs (arguments, {@code --env}, {@code
 * --dir}, standard streams, exit status), reactors through {@code --invoke} with WASI imports.
 */
class WasiRunTest {
  /** A reactor: no _start, an _initialize, and an export that prints through fd_write. */
  static final String REACTOR =
      """
      (module
        (import "wasi_snapshot_preview1" "fd_write"
          (func $fd_write (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 16) "hi from wasi\\n")
        (global $initialized (mut i32) (i32.const 0))
        (func (export "_initialize") (global.set $initialized (i32.const 1)))
        (func (export "hello") (result i32)
          (i32.store (i32.const 0) (i32.const 16))
          (i32.store (i32.const 4) (i32.const 13))
          (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
          (global.get $initialized)))
      """;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int flarec(byte[] stdin, String... args) {
    return new FlarecMain(
            new ByteArrayInputStream(stdin),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private int flarec(String... args) {
    return flarec(new byte[0], args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private static String program(String name) {
    return Programs.wasm(name).toString();
  }

  @Test
  void aCommandGetsItsArgumentsAndOnlyTheVariablesGiven() {
    int status =
        flarec("run", program("args_env"), "--env", "FLAREC_GREETING=hi", "--", "-v", "--dir", "x");
    assertEquals(ExitStatus.OK, status, err());
    assertEquals(
        "argc=4\nargv[0]=args_env.wasm\nargv[1]=-v\nargv[2]=--dir\nargv[3]=x\n"
            + "FLAREC_GREETING=hi\nenviron=1\n",
        out());
  }

  @Test
  void standardInputAndOutputAreFlarecs() {
    byte[] input = "one 1 1.5\ntwo 2 2.5\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(ExitStatus.OK, flarec(input, "run", program("calc")), err());
    assertTrue(out().endsWith("records=2 total=3 sum=4\n"), out());
  }

  @Test
  void theExitStatusIsTheProgramsOwn() {
    assertEquals(3, flarec("run", program("exit3")));
    assertEquals("exiting with 3\n", out());
    assertEquals("", err());
  }

  @Test
  void aTrapIsReportedLikeAnyTrap() {
    assertEquals(ExitStatus.TRAP, flarec("run", program("oob")));
    assertEquals("before the bad write\n", out());
    assertEquals("flarec: trap: out of bounds memory access\n", err());
  }

  @Test
  void directoriesAreGivenWithDir() throws IOException {
    int status = flarec("run", "--dir", dir + "::/sandbox", program("files"), "/sandbox");
    assertEquals(0, status, out() + err());
    assertTrue(out().endsWith("failures=0\n"), out());
  }

  @Test
  void withoutDirNothingOfTheFileSystemIsVisible() throws IOException {
    Files.writeString(dir.resolve("visible.txt"), "no");
    assertEquals(1, flarec("run", program("listdir"), dir.toString()));
    assertEquals("opendir: Capabilities insufficient\n", out());
  }

  @Test
  void badDirectoryOptions() {
    assertEquals(ExitStatus.USAGE, flarec("run", program("listdir"), "--dir", "::/x", "/x"));
    assertTrue(err().startsWith("flarec: --dir '::/x' is not HOST or HOST::GUEST"), err());
    err.reset();
    Path missing = dir.resolve("missing");
    assertEquals(
        ExitStatus.BAD_INPUT, flarec("run", program("listdir"), "--dir", missing.toString(), "/x"));
    assertEquals("flarec: --dir: no such directory: " + missing + "\n", err());
  }

  @Test
  void dirAndEnvAreRefusedForModulesWithoutWasi() throws IOException {
    Path calc =
        Files.write(dir.resolve("calc.wasm"), Wat2Wasm.parse("(module (func (export \"f\")))"));
    assertEquals(ExitStatus.USAGE, flarec("run", calc.toString(), "--env", "A=1", "--invoke", "f"));
    assertTrue(err().contains("--dir and --env are for WASI modules"), err());
  }

  @Test
  void aReactorIsInvokedWithWasiAfterItsInitializer() throws IOException {
    Path reactor = Files.write(dir.resolve("reactor.wasm"), Wat2Wasm.parse(REACTOR));
    assertEquals(ExitStatus.OK, flarec("run", reactor.toString(), "--invoke", "hello"), err());
    assertEquals("hi from wasi\n1\n", out());
  }

  @Test
  void aReactorWithoutInvokeListsItsExports() throws IOException {
    Path reactor = Files.write(dir.resolve("reactor.wasm"), Wat2Wasm.parse(REACTOR));
    assertEquals(ExitStatus.OK, flarec("run", reactor.toString()), err());
    assertTrue(out().contains("  hello () -> i32\n"), out());
  }

  @Test
  void anyModuleWithStartIsACommand() throws IOException {
    Path exits =
        Files.write(
            dir.resolve("exits.wasm"),
            Wat2Wasm.parse(
                """
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (memory (export "memory") 1)
                  (func (export "_start") (call $exit (i32.const 5)) unreachable))
                """));
    assertEquals(5, flarec("run", exits.toString()), err());
    Path plain =
        Files.write(
            dir.resolve("plain.wasm"), Wat2Wasm.parse("(module (func (export \"_start\")))"));
    assertEquals(ExitStatus.OK, flarec("run", plain.toString()), err());
  }

  @Test
  void importsWasiCannotProvideAreNamed() throws IOException {
    Path needsEnv =
        Files.write(
            dir.resolve("env.wasm"),
            Wat2Wasm.parse(
                """
                (module (import "env" "log" (func (param i32)))
                  (memory (export "memory") 1) (func (export "_start")))
                """));
    assertEquals(ExitStatus.BAD_INPUT, flarec("run", needsEnv.toString()));
    assertEquals(
        "flarec: the module imports env.log (function (i32) -> ()), and running from the command"
            + " line provides only wasi_snapshot_preview1\n",
        err());
    err.reset();
    Path noMemory =
        Files.write(
            dir.resolve("nomem.wasm"),
            Wat2Wasm.parse(
                """
                (module (import "wasi_snapshot_preview1" "sched_yield" (func (result i32)))
                  (func (export "_start")))
                """));
    assertEquals(ExitStatus.BAD_INPUT, flarec("run", noMemory.toString()));
    assertTrue(err().contains("exports no memory named \"memory\""), err());
  }

  @Test
  void helpDocumentsTheWasiOptions() {
    assertEquals(ExitStatus.OK, flarec("run", "--help"));
    for (String word : new String[] {"--dir", "HOST[::GUEST]", "--env", "_start"}) {
      assertTrue(out().contains(word), word + " missing from:\n" + out());
    }
  }
}
