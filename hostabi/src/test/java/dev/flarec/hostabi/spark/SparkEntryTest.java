package dev.flarec.hostabi.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** TTL arithmetic (decision 18). */
class SparkEntryTest {
  private static final Instant T0 = Instant.parse("2026-04-07T11:12:13Z");

  @Test
  void noExpiryReportsZero() {
    SparkEntry e = SparkEntry.of(new byte[] {1}, 0, T0);
    assertFalse(e.expires());
    assertEquals(0, e.remainingTtlSeconds(T0.plusSeconds(1_000_000_000)));
    assertFalse(e.isExpired(T0.plusSeconds(1_000_000_000)));
  }

  @Test
  void remainingSecondsRoundUp() {
    SparkEntry e = SparkEntry.of(new byte[0], 10, T0);
    assertEquals(10, e.remainingTtlSeconds(T0));
    assertEquals(10, e.remainingTtlSeconds(T0.plusMillis(1)));
    assertEquals(9, e.remainingTtlSeconds(T0.plusMillis(1000)));
    assertEquals(1, e.remainingTtlSeconds(T0.plusMillis(9999)));
    assertFalse(e.isExpired(T0.plusMillis(9999)));
    assertTrue(e.isExpired(T0.plusMillis(10_000)));
  }

  @Test
  void expiryIsAbsolute() {
    SparkEntry e = SparkEntry.of(new byte[] {1, 2, (byte) 0xFF}, 3600, T0);
    assertArrayEquals(new byte[] {1, 2, (byte) 0xFF}, e.value());
    assertEquals(T0.toEpochMilli() + 3_600_000, e.expiresAtMillis());
    assertEquals(e, new SparkEntry(new byte[] {1, 2, (byte) 0xFF}, T0.toEpochMilli() + 3_600_000));
  }
}
