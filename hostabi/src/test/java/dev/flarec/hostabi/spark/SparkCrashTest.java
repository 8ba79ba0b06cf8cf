package dev.flarec.hostabi.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A crash mid-write loses at most the write in flight and never corrupts the store: the store
 * reopens and holds exactly a prefix {@code k0..k(n-1)} of a sequence of writes, with n at least
 * the number of writes that had returned.
 */
class SparkCrashTest {
  @TempDir Path dir;

  static String key(int i) {
    return "k" + i;
  }

  /** A value that differs per index and is big enough to make chunks span several blocks. */
  static byte[] value(int i) {
    byte[] v = new byte[100 + i % 900];
    Arrays.fill(v, (byte) i);
    return v;
  }

  /** The length of the prefix k0..k(n-1) the store holds; fails if it holds anything else. */
  private static int checkPrefix(SparkStore store) {
    int n = 0;
    while (store.get("site", key(n)).isPresent()) {
      assertArrayEquals(value(n), store.get("site", key(n)).orElseThrow().value(), key(n));
      n++;
    }
    assertEquals(n, store.keys("site").size(), "keys beyond the prefix k0..k" + (n - 1));
    return n;
  }

  @Test
  void killedWriterProcessLeavesAConsistentPrefix() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                SparkCrashWriter.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    int acknowledged = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (!line.matches("\\d+")) {
          throw new AssertionError("the writer process failed: " + line);
        }
        acknowledged = Integer.parseInt(line);
        if (acknowledged >= 300) {
          child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-write
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(acknowledged >= 300, "the writer died early, last output: " + acknowledged);
    try (SparkStore store = SparkStore.open(dir, Clock.systemUTC())) {
      int n = checkPrefix(store);
      assertTrue(
          n >= acknowledged + 1,
          "lost acknowledged writes: holds " + n + ", acked " + (acknowledged + 1));
    }
  }

  /**
   * A torn last write: the write-ahead log is cut short at several points inside its last frames,
   * as if the machine had died while appending them. SQLite checksums every frame and ignores a log
   * from the first bad one on.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 100, 1000, 4096, 5000})
  void truncatedLogTailOpensAtAnEarlierCommit(int cut) throws IOException {
    SparkStore writer = SparkStore.open(dir, Clock.systemUTC());
    for (int i = 0; i < 50; i++) {
      writer.set("site", key(i), value(i), 0);
    }
    // The files as a crash would leave them: the store was never closed, nothing checkpointed.
    Path copyDir = Files.createDirectories(dir.resolve("copy"));
    Path log = copyDir.resolve(SparkStore.FILE_NAME + "-wal");
    Files.copy(dir.resolve(SparkStore.FILE_NAME), copyDir.resolve(SparkStore.FILE_NAME));
    Files.copy(dir.resolve(SparkStore.FILE_NAME + "-wal"), log);
    writer.close();
    try (RandomAccessFile raf = new RandomAccessFile(log.toFile(), "rw")) {
      raf.setLength(Math.max(0, raf.length() - cut));
    }
    try (SparkStore store = SparkStore.open(copyDir, Clock.systemUTC())) {
      int n = checkPrefix(store);
      assertTrue(n >= 1 && n <= 49, "holds " + n);
      if (cut <= 4096) {
        // A cut inside the last frame (a 4 KiB page) damages only the last commit.
        assertEquals(49, n);
      }
    }
  }

  /** Garbage appended to the log, as a torn write of a frame that never completed. */
  @Test
  void garbageAtTheEndOfTheLogIsIgnored() throws IOException {
    SparkStore writer = SparkStore.open(dir, Clock.systemUTC());
    for (int i = 0; i < 20; i++) {
      writer.set("site", key(i), value(i), 0);
    }
    Path copyDir = Files.createDirectories(dir.resolve("copy"));
    Files.copy(dir.resolve(SparkStore.FILE_NAME), copyDir.resolve(SparkStore.FILE_NAME));
    Files.copy(
        dir.resolve(SparkStore.FILE_NAME + "-wal"), copyDir.resolve(SparkStore.FILE_NAME + "-wal"));
    writer.close();
    byte[] garbage = new byte[6000];
    new java.util.Random(7).nextBytes(garbage);
    Files.write(
        copyDir.resolve(SparkStore.FILE_NAME + "-wal"),
        garbage,
        java.nio.file.StandardOpenOption.APPEND);
    try (SparkStore store = SparkStore.open(copyDir, Clock.systemUTC())) {
      assertEquals(20, checkPrefix(store));
    }
  }
}
