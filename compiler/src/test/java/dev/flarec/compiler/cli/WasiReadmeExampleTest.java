package dev.flarec.compiler.cli;

// readme:begin
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.wasi.Wasi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
// readme:end

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.wasi.Programs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the WASI embedding example of README.md and checks that the README shows exactly the code
 * between this file's {@code readme:begin} and {@code readme:end} markers.
 */
class WasiReadmeExampleTest {
  private static final Path ROOT = RepositoryRoot.find();

  @TempDir Path dir;

  // readme:begin
  static String runCat(Path wasmFile, byte[] input, Path dataDirectory) {
    var module = Flarec.compile(wasmFile).load();
    var output = new ByteArrayOutputStream();

    // What the program sees: its arguments, variables, streams and directories; nothing else.
    try (Wasi wasi =
        Wasi.builder()
            .args("cat")
            .env("LANG", "C.UTF-8")
            .stdin(new ByteArrayInputStream(input))
            .stdout(output)
            .preopen(dataDirectory, "/data")
            .build()) {
      Instance instance = module.instantiate(wasi.imports());
      int status = wasi.runStart(instance); // binds the memory, calls _start, returns exit()'s
      return status + ": " + output;
    }
  }
  // readme:end

  @Test
  void exampleRuns() {
    byte[] input = "hello, WASI\n".getBytes(StandardCharsets.UTF_8);
    assertEquals("0: hello, WASI\n", runCat(Programs.wasm("cat"), input, dir));
  }

  @Test
  void readmeShowsThisCodeVerbatim() throws IOException {
    String source =
        Files.readString(
            ROOT.resolve(
                "compiler/src/test/java/dev/flarec/compiler/cli/WasiReadmeExampleTest.java"));
    Matcher m =
        Pattern.compile("(?m)^( *)// readme:begin\n(.*?)^ *// readme:end\n", Pattern.DOTALL)
            .matcher(source);
    List<String> regions =
        m.results()
            .map(
                r ->
                    r.group(2)
                        .lines()
                        .map(
                            line ->
                                line.startsWith(r.group(1))
                                    ? line.substring(r.group(1).length())
                                    : line)
                        .collect(Collectors.joining("\n", "", "\n")))
            .toList();
    assertEquals(2, regions.size(), "an imports region and a method region");
    String block = "```java\n" + regions.get(0) + "\n" + regions.get(1) + "```\n";
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertTrue(
        readme.contains(block),
        "README.md must contain this block, as WasiReadmeExampleTest runs it:\n" + block);
  }
}
