package dev.flarec.compiler.cli;

// readme:begin
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import java.nio.file.Path;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
// readme:end

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the embedding example of the repository's README.md, and checks that the README shows
 * exactly the code between this file's {@code readme:begin} and {@code readme:end} markers
 * (imports, then the method), so that the two cannot drift apart.
 */
class ReadmeExampleTest {
  private static final Path ROOT = RepositoryRoot.find();

  // readme:begin
  static int addTwoAndThree(Path wasmFile) {
    // Compile (Flarec.compile also takes the module's bytes) and define the classes in memory.
    var module = Flarec.compile(wasmFile).load();

    // The module imports env.log (i32) -> (); a lambda provides it.
    Imports imports = Imports.builder()
        .function("env", "log",
            FunctionRef.of((IntConsumer) v -> System.out.println("log: " + v)))
        .build();
    Instance instance = module.instantiate(imports);

    // Call the export add (i32, i32) -> i32 as a plain Java interface.
    IntBinaryOperator add = instance.function("add").as(IntBinaryOperator.class);
    return add.applyAsInt(2, 3); // prints "log: 5", returns 5
  }
  // readme:end

  @Test
  void exampleRuns() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int sum;
    try {
      sum = addTwoAndThree(ROOT.resolve("examples/embedding/add.wasm"));
    } finally {
      System.setOut(original);
    }
    assertEquals(5, sum);
    assertEquals("log: 5" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
  }

  @Test
  void readmeShowsThisCodeVerbatim() throws IOException {
    String source =
        Files.readString(
            ROOT.resolve("compiler/src/test/java/dev/flarec/compiler/cli/ReadmeExampleTest.java"));
    List<String> regions = regions(source);
    assertEquals(2, regions.size(), "an imports region and a method region");
    String block = "```java\n" + regions.get(0) + "\n" + regions.get(1) + "```\n";
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertTrue(
        readme.contains(block),
        "README.md must contain this block, as ReadmeExampleTest runs it:\n" + block);
  }

  @Test
  void readmeTestCommandIsWhatCiRuns() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    assertTrue(readme.contains("mvn -B verify"), "README names the test command");
    List<String> lastCommand =
        ci.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertEquals("mvn -B verify", lastCommand.get(lastCommand.size() - 1));
  }

  /** The text between each pair of markers, with the method's class indentation removed. */
  private static List<String> regions(String source) {
    Matcher m =
        Pattern.compile("(?m)^( *)// readme:begin\n(.*?)^ *// readme:end\n", Pattern.DOTALL)
            .matcher(source);
    return m.results()
        .map(r -> r.group(2).lines()
            .map(line -> line.startsWith(r.group(1)) ? line.substring(r.group(1).length()) : line)
            .collect(Collectors.joining("\n", "", "\n")))
        .toList();
  }
}
