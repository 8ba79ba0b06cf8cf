package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.cli.FlarecMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real memory64 program that uses 4.5 GiB ({@code programs/memory64/checksum.wat}): compiled to a
 * JAR from its source, run in a JVM of its own with a heap that holds the memory, its checksum of
 * every word compared with one computed here from a model of what it writes.
 *
 * <p>The child JVM has a heap of 6 GiB with a small young generation, so that the old generation
 * holds the chunks of a GiB each. It needs about 7 GiB of free memory; on a machine with less, the
 * test is skipped (reported as skipped with this reason, never as passed): a memory of 4.5 GiB is
 * the point of the test, and a smaller one would prove nothing about addresses past 4 GiB.
 */
class Large64ProgramTest {
  private static final long PAGES = 73_728; // 4.5 GiB
  private static final long SIZE = PAGES * 65536;
  private static final long NEEDED_FREE_BYTES = 7L << 30;

  @TempDir Path dir;

  @Test
  void aProgramUsingFourAndAHalfGiBComputesTheExpectedChecksum() throws Exception {
    long available =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getFreeMemorySize();
    Assumptions.assumeTrue(
        available >= NEEDED_FREE_BYTES,
        "needs 7 GiB of free memory for a 4.5 GiB memory64 program; "
            + (available >> 20)
            + " MiB are free");
    Path source = Path.of("src/test/resources/programs/memory64/checksum.wat").toAbsolutePath();
    Path jar = dir.resolve("checksum.jar");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new FlarecMain(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(source.toString(), "-o", jar.toString());
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));

    String javaBinary =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command =
        new ArrayList<>(
            List.of(
                javaBinary,
                "-Xmx6g",
                "-XX:+UseParallelGC",
                "-Xmn64m",
                "-jar",
                jar.toString(),
                "--invoke",
                "run",
                Long.toString(PAGES)));
    Path out = dir.resolve("stdout.txt");
    Path errors = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(errors.toFile())
            .start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the 4.5 GiB program did not finish in 300 s");
    }
    String stderr = Files.readString(errors, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), stderr);
    String result = Files.readString(out, StandardCharsets.UTF_8).strip();
    assertTrue(!result.equals("-1"), "memory.grow to 4.5 GiB failed in the child JVM: " + stderr);
    assertEquals(Long.toString(expectedChecksum()), result);
  }

  /** The checksum {@code run} computes, from the bytes it writes over a background of 0x5A. */
  private static long expectedChecksum() {
    TreeMap<Long, Byte> written = new TreeMap<>();
    for (long a = 0; a < SIZE; a += 65536) {
      put(written, a, a * 0x9E3779B97F4A7C15L, 8);
    }
    for (long mark = 1L << 30; mark < SIZE; mark += 1L << 30) {
      put(written, mark - 10, 0x1112131415161718L, 8);
      put(written, mark - 2, 0x2122232425262728L, 8);
      put(written, mark - 3, 0x0102030405060708L, 8);
      put(written, mark - 1, 0xCAFEBABEL, 4);
      for (int i = 0; i < 16; i++) {
        Byte b = written.get(mark - 8 + i);
        written.put(mark + 32 + i, b == null ? (byte) 0x5A : b);
      }
    }
    long src = 0xFFF0_0000L;
    long dst = 0x1_0100_0000L;
    long length = 0x10_0000L;
    written.subMap(dst, dst + length).clear();
    for (Map.Entry<Long, Byte> e : new TreeMap<>(written.subMap(src, src + length)).entrySet()) {
      written.put(dst + (e.getKey() - src), e.getValue());
    }
    long background = 0x5A5A5A5A5A5A5A5AL;
    long sum = 0;
    Long next = written.isEmpty() ? null : written.firstKey();
    for (long word = 0; word < SIZE; word += 8) {
      long value = background;
      if (next != null && next < word + 8) {
        for (int i = 0; i < 8; i++) {
          Byte b = written.get(word + i);
          if (b != null) {
            value = (value & ~(0xFFL << (8 * i))) | ((b & 0xFFL) << (8 * i));
          }
        }
        next = written.ceilingKey(word + 8);
      }
      sum = Long.rotateLeft(sum, 1) + value;
    }
    return sum;
  }

  private static void put(Map<Long, Byte> written, long address, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      written.put(address + i, (byte) (value >>> (8 * i)));
    }
  }
}
