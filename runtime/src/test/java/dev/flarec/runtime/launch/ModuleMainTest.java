package dev.flarec.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.instance.Module;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModuleMainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Module module, String... args) {
    return new ModuleMain(module, "calc.jar", print(out), print(err)).run(args);
  }

  private Module calculator() {
    return HandWrittenModules.load(dir, HandWrittenModules.calculatorDescriptor());
  }

  private static PrintStream print(OutputStream sink) {
    return new PrintStream(sink, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void invokePrintsEachResultOnALine() {
    assertEquals(ExitStatus.OK, run(calculator(), "--invoke", "split", "2.25"));
    assertEquals("0.25\n2\n", out().replace(System.lineSeparator(), "\n"));
    assertEquals("", err());
  }

  @Test
  void invokeAcceptsUnsignedAndHexArguments() {
    assertEquals(ExitStatus.OK, run(calculator(), "--invoke=add", "4294967295", "0x10"));
    assertEquals("15", out().strip());
  }

  @Test
  void doubleDashSeparatesArgumentsThatLookLikeOptions() {
    assertEquals(ExitStatus.OK, run(calculator(), "--invoke", "add", "--", "-5", "-6"));
    assertEquals("-11", out().strip());
  }

  @Test
  void noArgumentsListsExportsAndUsage() {
    assertEquals(ExitStatus.OK, run(calculator()));
    String listing = out();
    assertTrue(listing.contains("  add (i32, i32) -> i32"), listing);
    assertTrue(listing.contains("  split (f64) -> (f64, i64)"), listing);
    assertTrue(listing.contains("Usage: java -jar calc.jar --invoke NAME [ARGS...]"), listing);
  }

  @Test
  void helpDescribesInvoke() {
    assertEquals(ExitStatus.OK, run(calculator(), "--help"));
    assertTrue(out().contains("--invoke NAME [ARGS...]"), out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          trap           | --invoke div 1 0 | 3 | trap: integer divide by zero
          unknown export | --invoke mul 1 2 | 1 | no exported function "mul"; exported functions: add, div, split
          too few args   | --invoke add 1   | 1 | add takes 2 arguments (i32, i32) but was given 1
          bad value      | --invoke add 1 x | 1 | add: argument 2: "x" is not an i32 (expected a decimal or 0x hex integer)
          missing name   | --invoke         | 2 | --invoke needs the NAME of an exported function; see 'java -jar calc.jar --help'
          unknown option | --serve          | 2 | unknown option '--serve'; see 'java -jar calc.jar --help'
          """)
  void errorsAreOneLineWithAStatus(String what, String args, int status, String message) {
    assertEquals(status, run(calculator(), args.split(" ")), what);
    assertEquals("calc.jar: " + message + System.lineSeparator(), err(), what);
    assertEquals("", out(), what);
  }

  @Test
  void moduleNeedingImportsNamesTheFirstOne() {
    Module needsLog = HandWrittenModules.load(dir, HandWrittenModules.needsLogDescriptor());
    assertEquals(ExitStatus.BAD_INPUT, run(needsLog, "--invoke", "run"));
    assertEquals(
        "calc.jar: the module imports env.log (function (i32) -> ()), and running from the"
            + " command line provides no imports"
            + System.lineSeparator(),
        err());
  }

  @Test
  void launchFindsTheModuleNamedByAManifestOnTheClassPath() throws IOException {
    ClassLoader descriptors =
        HandWrittenModules.withDescriptor(dir, HandWrittenModules.calculatorDescriptor());
    Path jar = dir.resolve("my calc.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .putValue(Module.MANIFEST_ATTRIBUTE, HandWrittenModules.Calculator.class.getName());
    try (JarOutputStream jarOut = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      jarOut.putNextEntry(new ZipEntry("placeholder.txt"));
    }
    URL[] classPath = {jar.toUri().toURL()};
    try (URLClassLoader loader = new URLClassLoader(classPath, descriptors)) {
      String[] args = {"--invoke", "div", "7", "2"};
      int status = ModuleMain.launch(loader, args, print(out), print(err));
      assertEquals(ExitStatus.OK, status, err());
      assertEquals("3", out().strip());
      // the program name in messages is the JAR's file name, decoded
      ModuleMain.launch(loader, new String[] {"--invoke", "div", "7", "0"}, print(out), print(err));
      assertEquals("my calc.jar: trap: integer divide by zero", err().strip());
    }
  }

  @Test
  void launchWithoutAModuleSaysSo() {
    ClassLoader empty = new URLClassLoader(new URL[0], null);
    int status = ModuleMain.launch(empty, new String[0], print(out), print(err));
    assertEquals(ExitStatus.BAD_INPUT, status);
    assertTrue(err().startsWith("flarec: no compiled module on the class path"), err());
  }
}
