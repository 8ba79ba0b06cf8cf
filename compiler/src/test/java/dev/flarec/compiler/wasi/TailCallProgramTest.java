package dev.flarec.compiler.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Module;
import dev.flarec.wasi.Wasi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real tail-recursive C program ({@code src/test/c/tail_calls.c}), built at test time with {@code
 * clang-19 --target=wasm32-wasi -mtail-call -O2}: a scanner whose every character is a {@code
 * return_call} or {@code return_call_indirect}, 8.6 million deep, and a mutual recursion ten
 * million deep, run on a thread of 512 KB stack at the default and the tiny method budget. Needs
 * clang-19 and wasi-libc, as the README says; without them it fails.
 */
class TailCallProgramTest {
  @TempDir Path dir;

  private static final String EXPECTED =
      """
      characters=8600000 words=1200000 numbers=600000 sum=209800000
      is_even(10000000)=1 is_odd(10000001)=1
      """;

  private Path build() throws IOException, InterruptedException {
    Path source = Path.of("src/test/c/tail_calls.c").toAbsolutePath();
    Path wasm = dir.resolve("tail_calls.wasm");
    Process clang =
        new ProcessBuilder(
                "clang-19",
                "--target=wasm32-wasi",
                "-mtail-call",
                "-O2",
                "-o",
                wasm.toString(),
                source.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!clang.waitFor(120, TimeUnit.SECONDS) || clang.exitValue() != 0) {
      throw new AssertionError("clang-19 failed:\n" + output);
    }
    return wasm;
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void runsMillionsOfTailCallsInConstantStack(int budget) throws Exception {
    Module module =
        Flarec.compile(
                build(), new CompileOptions("flarec.test.TailCalls").withMethodBudget(budget))
            .load();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    AtomicReference<Object> status = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try (Wasi wasi = Wasi.builder().args(List.of("tail_calls")).stdout(stdout).build()) {
                status.set(wasi.run(module));
              } catch (Throwable e) {
                status.set(e);
              }
            },
            "small-stack",
            512 * 1024);
    t.start();
    t.join();
    if (status.get() instanceof Throwable e) {
      throw new AssertionError("the program failed", e);
    }
    assertEquals(0, status.get());
    assertEquals(EXPECTED, stdout.toString(StandardCharsets.UTF_8));
  }
}
