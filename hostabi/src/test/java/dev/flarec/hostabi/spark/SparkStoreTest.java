package dev.flarec.hostabi.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkStoreTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void setGetDeleteList() {
    try (SparkStore s = SparkStore.open(dir, clock)) {
      assertEquals(SparkCode.OK, s.set("site", "b", b("2"), 0));
      assertEquals(SparkCode.OK, s.set("site", "a", b("1"), 0));
      assertArrayEquals(b("1"), s.get("site", "a").orElseThrow().value());
      assertEquals(List.of("a", "b"), s.keys("site"));
      s.delete("site", "a");
      s.delete("site", "never-there");
      assertTrue(s.get("site", "a").isEmpty());
      assertEquals(List.of("b"), s.keys("site"));
    }
  }

  @Test
  void sitesAreSeparateNamespaces() {
    try (SparkStore s = SparkStore.open(dir, clock)) {
      s.set("one", "k", b("1"), 0);
      s.set("two", "k", b("2"), 0);
      assertArrayEquals(b("1"), s.get("one", "k").orElseThrow().value());
      assertArrayEquals(b("2"), s.get("two", "k").orElseThrow().value());
      s.delete("one", "k");
      assertTrue(s.get("one", "k").isEmpty());
      assertArrayEquals(b("2"), s.get("two", "k").orElseThrow().value());
    }
  }

  @Test
  void storeRefusesBadKeysAndTtls() {
    try (SparkStore s = SparkStore.open(dir, clock, new SparkSettings(1 << 20, 100, false))) {
      assertEquals(SparkCode.BAD_KEY, s.set("site", "a b", b("x"), 0));
      assertEquals(SparkCode.INVALID_TTL, s.set("site", "k", b("x"), -5));
      assertEquals(SparkCode.INVALID_TTL, s.set("site", "k", b("x"), 101));
    }
  }

  @Test
  void expiredEntriesVanishAndAreReclaimedWhenTheQuotaNeedsRoom() {
    try (SparkStore s = SparkStore.open(dir, clock, new SparkSettings(1000, 3600, true))) {
      assertEquals(SparkCode.OK, s.set("site", "old", new byte[900], 5));
      assertEquals(SparkCode.QUOTA, s.set("site", "new", new byte[500], 0));
      clock.advance(Duration.ofSeconds(5));
      assertTrue(s.get("site", "old").isEmpty());
      assertEquals(SparkCode.OK, s.set("site", "new", new byte[500], 0));
      assertEquals(List.of("new"), s.keys("site"));
      assertEquals(3 + 8 + 500, s.usedBytes("site"));
    }
  }

  @Test
  void dataAndQuotaAccountingSurviveARestartAndExpiredEntriesArePurgedOnOpen() {
    try (SparkStore s = SparkStore.open(dir, clock)) {
      s.set("site", "keep", b("forever"), 0);
      s.set("site", "short", b("soon gone"), 60);
      s.set("site", "long", b("still here"), 3600);
    }
    clock.advance(Duration.ofSeconds(120));
    try (SparkStore s = SparkStore.open(dir, clock)) {
      assertArrayEquals(b("forever"), s.get("site", "keep").orElseThrow().value());
      assertArrayEquals(b("still here"), s.get("site", "long").orElseThrow().value());
      assertEquals(
          3600 - 120, s.get("site", "long").orElseThrow().remainingTtlSeconds(clock.instant()));
      assertTrue(s.get("site", "short").isEmpty());
      assertEquals(List.of("keep", "long"), s.keys("site"));
      assertEquals((4 + 8 + 7) + (4 + 8 + 10), s.usedBytes("site"));
    }
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFails() {
    try (SparkStore s = SparkStore.open(dir, clock)) {
      assertThrows(IllegalStateException.class, () -> SparkStore.open(dir, clock));
    }
  }

  @Test
  void concurrentWritersKeepTheQuotaExact() throws Exception {
    int threads = 4;
    int perThread = 200;
    try (SparkStore s =
        SparkStore.open(dir, clock, new SparkSettings(100 * (2 + 8 + 10) + 5, 3600, false))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < perThread; i++) {
                      // keys "00".."99": two characters, shared between threads
                      s.set("site", String.format("%02d", (id * 31 + i) % 100), new byte[10], 0);
                    }
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(100, s.keys("site").size());
      assertEquals(100 * (2 + 8 + 10), s.usedBytes("site"));
    }
  }

  @Test
  void aStoreInUseIsRefusedWithAMessageNamingTheSetting() {
    try (SparkStore first = SparkStore.open(dir, clock)) {
      first.set("site", "k", b("1"), 0);
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> SparkStore.open(dir, clock));
      assertTrue(e.getMessage().contains("in use by another server"), e.getMessage());
      assertTrue(e.getMessage().contains("server.data_dir"), e.getMessage());
    }
  }
}
