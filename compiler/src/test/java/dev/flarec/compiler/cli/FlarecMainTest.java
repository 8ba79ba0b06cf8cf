package dev.flarec.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line as a user meets it: arguments in, stdout, stderr and exit status out. */
class FlarecMainTest {
  private static final String CALC =
      """
      (module
        (func (export "div") (param i32 i32) (result i32)
          (i32.div_s (local.get 0) (local.get 1)))
        (func (export "neg") (param f64) (result f64) (f64.neg (local.get 0)))
        (func (export "pair") (result i32 i64) (i32.const -1) (i64.const 4294967296))
        (memory (export "mem") 1))
      """;

  private static final String NEEDS_LOG =
      """
      (module
        (import "env" "log" (func (param i32)))
        (import "env" "memory" (memory 1))
        (func (export "main") (call 0 (i32.const 1))))
      """;

  private static final String START_TRAPS =
      """
      (module (func $start unreachable) (start $start) (func (export "f")))
      """;

  /** A function whose body leaves no i32 for its result: well-formed, but invalid. */
  private static final byte[] INVALID = {
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // magic, version
    0x01,
    0x05,
    0x01,
    0x60,
    0x00,
    0x01,
    0x7f, // type section: () -> i32
    0x03,
    0x02,
    0x01,
    0x00, // function section: one function of type 0
    0x0a,
    0x04,
    0x01,
    0x02,
    0x00,
    0x0b // code section: no locals, end
  };

  /** A body without its final end (issue 15: once a ClassFormatError and exit 4). */
  private static final byte[] NO_END = {
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // magic, version
    0x01,
    0x04,
    0x01,
    0x60,
    0x00,
    0x00, // type section: () -> ()
    0x03,
    0x02,
    0x01,
    0x00, // function section: one function of type 0
    0x0a,
    0x06,
    0x01,
    0x04,
    0x00,
    0x02,
    0x40,
    0x0b // code section: block end, and no final end
  };

  /** () -> () whose body is {@code struct.new_default 0; drop} (GC) at byte offset 23. */
  private static final byte[] GC = {
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // magic, version
    0x01,
    0x04,
    0x01,
    0x60,
    0x00,
    0x00, // type section: () -> ()
    0x03,
    0x02,
    0x01,
    0x00, // function section
    0x0a,
    0x08,
    0x01,
    0x06,
    0x00,
    (byte) 0xfb,
    0x01,
    0x00,
    0x1a,
    0x0b // code section
  };

  /** A module whose only memory is shared (threads), its limits at byte offset 11. */
  private static final byte[] SHARED_MEMORY = {
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // magic, version
    0x05,
    0x04,
    0x01,
    0x03,
    0x01,
    0x01 // memory section: shared, 1 to 1 page
  };

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int flarec(String... args) {
    return new FlarecMain(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private Path module(String fileName, String wat) {
    return write(fileName, Wat2Wasm.parse(wat));
  }

  private Path write(String fileName, byte[] bytes) {
    try {
      return Files.write(dir.resolve(fileName), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- compiling to a JAR ----

  @Test
  void compilesToAJarBesideTheModule() {
    Path wasm = module("calc.wasm", CALC);
    assertEquals(ExitStatus.OK, flarec(wasm.toString()), err());
    assertEquals("", out());
    assertEquals("", err());
    Module module = Module.load(dir.resolve("calc.jar"));
    assertEquals("flarec.module.Calc", module.descriptor().className());
    assertArrayEquals(new Object[] {-3}, module.instantiate().function("div").call(7, -2));
  }

  @Test
  void outputAndClassNameCanBeChosen() {
    Path wasm = module("calc.wasm", CALC);
    Path jar = dir.resolve("out/nested/calculator.jar");
    int status = flarec(wasm.toString(), "-o", jar.toString(), "--class-name", "com.example.Calc");
    assertEquals(ExitStatus.OK, status, err());
    assertEquals("com.example.Calc", Module.load(jar).descriptor().className());
  }

  @Test
  void theMethodBudgetCanBeChosen() {
    Path wasm = module("calc.wasm", CALC);
    Path jar = dir.resolve("small.jar");
    assertEquals(
        ExitStatus.OK,
        flarec(wasm.toString(), "-o", jar.toString(), "--method-budget", "300"),
        err());
    assertArrayEquals(
        new Object[] {-3}, Module.load(jar).instantiate().function("div").call(7, -2));
  }

  // ---- run ----

  @Test
  void runPrintsEachResultOnALine() {
    Path wasm = module("calc.wasm", CALC);
    assertEquals(ExitStatus.OK, flarec("run", wasm.toString(), "--invoke", "pair"), err());
    assertEquals("-1\n4294967296\n", out());
    assertEquals("", err());
  }

  @ParameterizedTest(name = "neg {0} = {1}")
  @CsvSource({
    "-inf, inf",
    "inf, -inf",
    "-0.0, 0",
    "0, -0",
    "0x1p-2, -0.25",
    "-1e308, 1e308",
    "nan, -nan",
    "-nan:0x1, nan:0x1"
  })
  void runTakesArgumentsThatLookLikeOptions(String argument, String result) {
    Path wasm = module("calc.wasm", CALC);
    assertEquals(ExitStatus.OK, flarec("run", wasm.toString(), "--invoke", "neg", argument), err());
    assertEquals(result + "\n", out());
  }

  @Test
  void runWithoutInvokeListsTheExports() {
    Path wasm = module("calc.wasm", CALC);
    assertEquals(ExitStatus.OK, flarec("run", wasm.toString()), err());
    assertEquals(
        """
        Exports:
          div (i32, i32) -> i32
          neg (f64) -> f64
          pair () -> (i32, i64)
          mem (memory)
        """,
        out());
  }

  // ---- errors: one line, "flarec: " first, the right status, no stack trace ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          missing file       | 1 | DIR/missing.wasm                                | flarec: no such file: DIR/missing.wasm
          missing file (run) | 1 | run DIR/missing.wasm --invoke f                 | flarec: no such file: DIR/missing.wasm
          malformed module   | 1 | DIR/garbage.wasm                                | flarec: DIR/garbage.wasm: malformed module, at byte offset 0 (0x0): magic header not detected
          invalid module     | 1 | run DIR/invalid.wasm                            | flarec: DIR/invalid.wasm: invalid module, code section, function 0, at byte offset
          body without end   | 1 | run DIR/no_end.wasm                             | flarec: DIR/no_end.wasm: malformed module, code section, function 0, at byte offset 26 (0x1a): END opcode expected
          no JAR if no end   | 1 | DIR/no_end.wasm -o DIR/no_end.jar               | flarec: DIR/no_end.wasm: malformed module, code section, function 0, at byte offset 26
          GC instruction     | 1 | DIR/gc.wasm                                     | flarec: DIR/gc.wasm: unsupported module, code section, function 0, at byte offset 23 (0x17): GC struct.new_default (garbage collection is not supported yet)
          GC instruction run | 1 | run DIR/gc.wasm                                 | flarec: DIR/gc.wasm: unsupported module, code section, function 0, at byte offset 23 (0x17): GC struct.new_default
          shared memory      | 1 | DIR/shared.wasm                                 | flarec: DIR/shared.wasm: unsupported module, memory section, at byte offset 11 (0xb): threads shared memory
          unknown export     | 1 | run DIR/calc.wasm --invoke mul 1 2              | flarec: no exported function "mul"; exported functions: div, neg, pair
          not a function     | 1 | run DIR/calc.wasm --invoke mem                  | flarec: export "mem" is a memory, not a function; exported functions: div, neg, pair
          too few arguments  | 1 | run DIR/calc.wasm --invoke div 1                | flarec: div takes 2 arguments (i32, i32) but was given 1
          too many arguments | 1 | run DIR/calc.wasm --invoke neg 1 2              | flarec: neg takes 1 argument (f64) but was given 2
          bad argument       | 1 | run DIR/calc.wasm --invoke div 1 one            | flarec: div: argument 2: "one" is not an i32 (expected a decimal or 0x hex integer)
          argument too big   | 1 | run DIR/calc.wasm --invoke div 1 4294967296     | flarec: div: argument 2: "4294967296" is out of range for i32 (-2147483648 to 4294967295)
          needs imports      | 1 | run DIR/needs_log.wasm --invoke main            | flarec: the module imports env.log (function (i32) -> ()) and 1 more, and running from the command line provides no imports
          trap               | 3 | run DIR/calc.wasm --invoke div 1 0              | flarec: trap: integer divide by zero
          trap in start      | 3 | run DIR/start_traps.wasm --invoke f             | flarec: trap: unreachable
          unwritable output  | 1 | DIR/calc.wasm -o DIR/calc.wasm/calc.jar         | flarec: cannot write DIR/calc.wasm/calc.jar: DIR/calc.wasm is in the way (not a directory)
          no module          | 2 | ''                                              | flarec: Missing required parameter: 'MODULE.wasm'; see 'flarec --help'
          no module (run)    | 2 | run                                             | flarec: Missing required parameter: 'MODULE.wasm'; see 'flarec run --help'
          unknown option     | 2 | --bogus DIR/calc.wasm                           | flarec: Unknown option: '--bogus'; see 'flarec --help'
          mistyped option    | 2 | run --invok div DIR/calc.wasm                   | flarec: Unknown option: '--invok'; see 'flarec run --help'
          args, no --invoke  | 2 | run DIR/calc.wasm 1 2                           | flarec: arguments [1, 2] given without --invoke NAME; see 'flarec run --help'
          bad class name     | 2 | DIR/calc.wasm --class-name my-class             | flarec: invalid --class-name 'my-class': expected a Java class name such as com.example.Hello; see 'flarec --help'
          tiny method budget | 2 | DIR/calc.wasm --method-budget 10                | flarec: --method-budget must be between 300 and 65535 bytes, got 10; see 'flarec --help'
          """)
  void badInputIsOneLineOnStderr(String what, int status, String args, String expected) {
    module("calc.wasm", CALC);
    module("needs_log.wasm", NEEDS_LOG);
    module("start_traps.wasm", START_TRAPS);
    write("garbage.wasm", "not wasm".getBytes(StandardCharsets.UTF_8));
    write("invalid.wasm", INVALID);
    write("no_end.wasm", NO_END);
    write("gc.wasm", GC);
    write("shared.wasm", SHARED_MEMORY);
    String[] argv = args.isEmpty() ? new String[0] : args.replace("DIR", dir.toString()).split(" ");

    int actual = flarec(argv);

    String stderr = err();
    assertAll(
        what,
        () -> assertEquals(status, actual, stderr),
        () -> assertEquals(1, stderr.lines().count(), stderr),
        () -> assertTrue(stderr.startsWith(expected.replace("DIR", dir.toString())), stderr),
        () -> assertFalse(stderr.contains("\tat "), "no stack trace"),
        () ->
            assertFalse(
                java.nio.file.Files.exists(dir.resolve("no_end.jar")),
                "no JAR for a rejected module"),
        () -> assertEquals("", out()));
  }

  // ---- help and version ----

  @Test
  void helpDocumentsEveryCommandAndFlag() {
    assertEquals(ExitStatus.OK, flarec("--help"));
    String help = out();
    for (String word :
        List.of(
            "MODULE.wasm",
            "--output",
            "-o",
            "--class-name",
            "--method-budget",
            "--help",
            "--version",
            "run",
            "--invoke",
            "Exit status",
            "handle_request",
            "serves it over HTTP",
            "java -jar FLARE.jar [--port N]")) {
      assertTrue(help.contains(word), word + " missing from:\n" + help);
    }
    out.reset();
    assertEquals(ExitStatus.OK, flarec("run", "--help"));
    for (String word : List.of("MODULE.wasm", "--invoke=NAME", "ARGS", "nan:0x<payload>")) {
      assertTrue(out().contains(word), word + " missing from:\n" + out());
    }
  }

  @Test
  void versionNamesFlarecAndJava() {
    assertEquals(ExitStatus.OK, flarec("--version"));
    assertTrue(out().startsWith("flarec "), out());
    assertTrue(out().contains("Java " + System.getProperty("java.version")), out());
  }

  @Test
  void defaultOutputReplacesTheWasmExtension() {
    assertEquals(Path.of("a/b/hello.jar"), FlarecMain.defaultOutput(Path.of("a/b/hello.wasm")));
    assertEquals(Path.of("hello.jar"), FlarecMain.defaultOutput(Path.of("hello.WASM")));
    assertEquals(Path.of("hello.bin.jar"), FlarecMain.defaultOutput(Path.of("hello.bin")));
  }
}
