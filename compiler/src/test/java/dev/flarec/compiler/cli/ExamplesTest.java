package dev.flarec.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.instance.ExportedFunction;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples as the README uses them: factorial compiles to a JAR with the command line and
 * computes 20!, and every committed {@code .wasm} still matches the {@code .wat} beside it.
 */
class ExamplesTest {
  private static final Path EXAMPLES = RepositoryRoot.find().resolve("examples");

  @TempDir Path dir;

  @Test
  void factorialCompilesToAJarThatComputesTwentyFactorial() {
    Path jar = dir.resolve("factorial.jar");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int status =
        new FlarecMain(System.out, errStream)
            .run(EXAMPLES.resolve("factorial/factorial.wasm").toString(), "-o", jar.toString());
    assertEquals(ExitStatus.OK, status, err.toString(StandardCharsets.UTF_8));

    Instance instance = Module.load(jar).instantiate();
    for (String name : List.of("fac", "fac_iter")) {
      ExportedFunction f = instance.function(name);
      assertArrayEquals(new Object[] {2432902008176640000L}, f.call(20L), name);
      assertArrayEquals(new Object[] {1L}, f.call(0L), name);
      // past 20! the product wraps modulo 2^64
      assertArrayEquals(new Object[] {-4249290049419214848L}, f.call(21L), name);
    }
  }

  static Stream<Path> watSources() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".wat")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("watSources")
  void committedWasmMatchesItsSource(Path wat) throws IOException {
    Path wasm = wat.resolveSibling(wat.getFileName().toString().replace(".wat", ".wasm"));
    assertTrue(Files.isRegularFile(wasm), wasm + " is missing; run examples/build.sh");
    ModuleDescriptor committed = Flarec.compile(wasm).descriptor();
    ModuleDescriptor fromSource = Flarec.compile(Wat2Wasm.parse(wat.toFile())).descriptor();
    String stale = wasm + " is out of date; run examples/build.sh";
    assertEquals(fromSource.types(), committed.types(), stale);
    assertEquals(fromSource.imports(), committed.imports(), stale);
    assertEquals(fromSource.exports(), committed.exports(), stale);
  }
}
