package dev.flarec.compiler.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.wasi.Wasi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real C programs (wasi-libc, {@code clang --target=wasm32-wasi}), compiled by flarec and run
 * through the embedding API: what each prints, reads, writes and exits with.
 */
class WasiProgramsTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private Wasi.Builder wasi(String program, String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of(program));
    argv.addAll(List.of(args));
    return Wasi.builder().args(argv).stdout(stdout).stderr(stderr);
  }

  private int run(String program, Wasi.Builder builder) {
    try (Wasi wasi = builder.build()) {
      return wasi.run(Programs.module(program));
    }
  }

  private String out() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  @Test
  void argumentsAndEnvironment() {
    int status =
        run("args_env", wasi("args_env", "one", "two words", "").env("FLAREC_GREETING", "héllo"));
    assertEquals(0, status, err());
    assertEquals(
        """
        argc=4
        argv[0]=args_env
        argv[1]=one
        argv[2]=two words
        argv[3]=
        FLAREC_GREETING=héllo
        environ=1
        """,
        out());
  }

  @Test
  void scanfAndPrintfRoundTrip() {
    String input = "alpha 12 3.5\nbeta -7 0.25\n  gamma\t2147483647 -1e-3\n";
    int status =
        run(
            "calc",
            wasi("calc").stdin(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
    assertEquals(0, status, err());
    assertEquals(
        """
        alpha   |    12|0xc|    3.5000|3.500000e+00
        beta    |    -7|0xfffffff9|    0.2500|2.500000e-01
        gamma   |2147483647|0x7fffffff|   -0.0010|-1.000000e-03
        records=3 total=2147483652 sum=3.749
        """,
        out());
  }

  @Test
  void readsStandardInputToTheEndByteForByte() {
    byte[] input = new byte[200_000];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) (i * 31 + (i >> 8));
    }
    int status = run("cat", wasi("cat").stdin(new ByteArrayInputStream(input)));
    assertEquals(0, status, err());
    assertArrayEquals(input, stdout.toByteArray());
    assertEquals("copied 200000 bytes\n", err());
  }

  @Test
  void fileInputAndOutputInAPreopenedDirectory() throws IOException {
    int status = run("files", wasi("files", "/sandbox").preopen(dir, "/sandbox"));
    assertEquals(0, status, out());
    assertTrue(out().contains("read: line three\n"), out());
    assertTrue(out().contains("content: line ONE\n"), out());
    assertTrue(out().endsWith("failures=0\n"), out());
    try (var left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "the program cleans up after itself");
    }
  }

  @Test
  void relativePathsUseTheDotPreopen() throws IOException {
    Files.writeString(dir.resolve("b.txt"), "bb");
    Files.createDirectory(dir.resolve("a"));
    Files.createSymbolicLink(dir.resolve("c"), Path.of("b.txt"));
    int status = run("listdir", wasi("listdir", ".").preopen(dir, "."));
    assertEquals(0, status, out());
    assertEquals("dd a\nff b.txt 2\nll c\nentries=3\n", out());
  }

  @Test
  void clocksSleepAndRandom() {
    int status = run("clocks", wasi("clocks"));
    assertEquals(0, status, out());
    assertFalse(out().contains("FAIL"), out());
  }

  @Test
  void exitStatusComesFromExit() {
    assertEquals(3, run("exit3", wasi("exit3")));
    assertEquals("exiting with 3\n", out(), "stdio is flushed by exit");
  }

  @Test
  void anOutOfBoundsStoreTraps() {
    WasmTrap trap = assertThrows(WasmTrap.class, () -> run("oob", wasi("oob")));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
    assertEquals("before the bad write\n", out());
  }

  @Test
  void noEscapeFromTheSandbox() throws IOException {
    Path box = Files.createDirectories(dir.resolve("box"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createDirectories(box.resolve("inside"));
    Files.writeString(box.resolve("inside/file.txt"), "in");
    Files.createSymbolicLink(box.resolve("link-to-outside"), Path.of("../outside"));
    Files.createSymbolicLink(box.resolve("secret-link"), Path.of("../outside/secret.txt"));
    Files.createSymbolicLink(box.resolve("absolute-link"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(box.resolve("chain-link"), Path.of("inside/chain2"));
    Files.createSymbolicLink(box.resolve("inside/chain2"), Path.of("../../outside/secret.txt"));
    Files.createSymbolicLink(box.resolve("loop-a"), Path.of("loop-b"));
    Files.createSymbolicLink(box.resolve("loop-b"), Path.of("loop-a"));
    Files.createSymbolicLink(box.resolve("inside-link"), Path.of("inside/file.txt"));

    int status = run("escape", wasi("escape", "/box").preopen(box, "/box"));

    assertEquals(0, status, out());
    List<String> lines = out().lines().toList();
    assertEquals("inside link: opened", lines.get(lines.size() - 2));
    assertEquals("escaped=0", lines.get(lines.size() - 1));
    for (String line : lines.subList(0, lines.size() - 2)) {
      assertTrue(line.contains(": denied ("), line);
    }
    assertEquals(18, lines.size() - 2, "every attempt reported");
    try (var files = Files.list(outside)) {
      assertEquals(List.of(outside.resolve("secret.txt")), files.toList());
    }
    assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
    assertFalse(Files.exists(box.resolve("made-abs"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }
}
