package dev.flarec.hostabi.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Decision 25: bit layout, epoch, monotonicity and thread safety. */
class SnowflakeTest {
  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void bitLayoutIsTimestampNodeSequence() {
    Snowflake s = new Snowflake(7, at("2020-01-01T00:00:01.234Z"));
    long id = s.next().getAsLong();
    assertEquals((1234L << 22) | (7L << 12), id);
    assertEquals(5_175_799_808L, id);
    assertEquals(Instant.parse("2020-01-01T00:00:01.234Z"), Snowflake.instantOf(id));
    assertEquals(7, Snowflake.nodeOf(id));
    assertEquals(0, Snowflake.sequenceOf(id));
  }

  @Test
  void fieldWidthsAre41And10And12() {
    assertEquals(63, Snowflake.TIMESTAMP_BITS + Snowflake.NODE_BITS + Snowflake.SEQUENCE_BITS);
    long max =
        Snowflake.compose(Snowflake.MAX_TIMESTAMP, Snowflake.MAX_NODE, Snowflake.MAX_SEQUENCE);
    assertEquals(Long.MAX_VALUE, max);
    Snowflake s = new Snowflake(Snowflake.MAX_NODE, at("2026-04-07T11:12:13Z"));
    long id = s.next().getAsLong();
    assertTrue(id > 0);
    assertEquals(1023, Snowflake.nodeOf(id));
    assertEquals(Instant.parse("2026-04-07T11:12:13Z"), Snowflake.instantOf(id));
  }

  @Test
  void sameMillisecondCountsTheSequence() {
    Snowflake s = new Snowflake(1, at("2024-06-01T00:00:00Z"));
    long first = s.next().getAsLong();
    for (int i = 1; i <= 100; i++) {
      long id = s.next().getAsLong();
      assertEquals(i, Snowflake.sequenceOf(id));
      assertEquals(first + i, id);
    }
  }

  @Test
  void aNewMillisecondRestartsTheSequence() {
    SteppingClock clock = new SteppingClock(Instant.parse("2024-06-01T00:00:00Z"));
    Snowflake s = new Snowflake(1, clock);
    s.next();
    s.next();
    clock.advanceMillis(1);
    long id = s.next().getAsLong();
    assertEquals(0, Snowflake.sequenceOf(id));
    assertEquals(Instant.parse("2024-06-01T00:00:00.001Z"), Snowflake.instantOf(id));
  }

  @Test
  void sequenceExhaustionMovesToTheNextMillisecondWithoutWaiting() {
    Snowflake s = new Snowflake(3, at("2024-06-01T00:00:00Z"));
    long previous = -1;
    for (int i = 0; i < 4096 * 3; i++) {
      long id = s.next().getAsLong();
      assertTrue(id > previous);
      previous = id;
    }
    // 3 × 4096 IDs from a clock that never moved: two borrowed milliseconds
    assertEquals(Instant.parse("2024-06-01T00:00:00.002Z"), Snowflake.instantOf(previous));
    assertEquals(4095, Snowflake.sequenceOf(previous));
    assertEquals(3, Snowflake.nodeOf(previous));
  }

  @Test
  void aClockGoingBackwardsNeverRepeatsOrDecreases() {
    SteppingClock clock = new SteppingClock(Instant.parse("2024-06-01T00:00:10Z"));
    Snowflake s = new Snowflake(1, clock);
    long before = s.next().getAsLong();
    clock.advanceMillis(-5_000);
    long after = s.next().getAsLong();
    assertEquals(before + 1, after);
    clock.advanceMillis(10_000);
    assertEquals(Instant.parse("2024-06-01T00:00:15Z"), Snowflake.instantOf(s.next().getAsLong()));
  }

  @Test
  void outsideTheEpochRangeThereIsNoId() {
    assertTrue(new Snowflake(0, at("2019-12-31T23:59:59.999Z")).next().isEmpty());
    assertTrue(new Snowflake(0, at("2020-01-01T00:00:00Z")).next().isPresent());
    // 2^41 ms after the epoch is 2089-09-06T15:47:35.552Z
    assertTrue(new Snowflake(0, at("2089-09-06T15:47:35.551Z")).next().isPresent());
    assertTrue(new Snowflake(0, at("2089-09-06T15:47:35.552Z")).next().isEmpty());
  }

  @Test
  void nodeNumberMustFitTenBits() {
    assertThrows(IllegalArgumentException.class, () -> new Snowflake(-1, Clock.systemUTC()));
    assertThrows(IllegalArgumentException.class, () -> new Snowflake(1024, Clock.systemUTC()));
  }

  @Test
  void concurrentCallersGetUniqueIncreasingIds() throws Exception {
    Snowflake s = new Snowflake(5, Clock.systemUTC());
    int threads = 4;
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<long[]>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(
            () -> {
              long[] ids = new long[perThread];
              for (int i = 0; i < perThread; i++) {
                ids[i] = s.next().getAsLong();
              }
              return ids;
            });
      }
      Set<Long> all = new HashSet<>();
      for (Future<long[]> f : pool.invokeAll(tasks)) {
        long[] ids = f.get();
        for (int i = 0; i < ids.length; i++) {
          assertTrue(i == 0 || ids[i] > ids[i - 1], "increasing within a thread");
          all.add(ids[i]);
        }
      }
      assertEquals(threads * perThread, all.size());
    } finally {
      pool.shutdownNow();
    }
  }
}
