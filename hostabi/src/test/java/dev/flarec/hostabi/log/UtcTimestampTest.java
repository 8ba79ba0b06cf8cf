package dev.flarec.hostabi.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTimestampTest {
  /** What log lines showed before: the JDK's formatter with the same pattern. */
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static long millis(String utc) {
    return LocalDateTime.parse(utc).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @Test
  void rendersTheEpochAndADayWithEveryFieldSet() {
    assertEquals("1970-01-01T00:00:00.000Z", UtcTimestamp.format(0));
    assertEquals(
        "2025-11-21T10:07:09.123Z", UtcTimestamp.format(millis("2025-11-21T10:07:09.123")));
    assertEquals("1969-12-31T23:59:59.999Z", UtcTimestamp.format(-1));
  }

  @Test
  void leapDaysAndTheCenturyRules() {
    for (String day :
        new String[] {
          "2000-02-29T23:59:59.999", "2000-03-01T00:00:00.000", "1900-02-28T12:00:00.000",
          "1900-03-01T00:00:00.001", "2024-02-29T00:00:00.000", "2100-03-01T00:00:00.000",
          "1600-02-29T01:02:03.004", "0001-01-01T00:00:00.000", "9999-12-31T23:59:59.999"
        }) {
      assertEquals(day + "Z", UtcTimestamp.format(millis(day)));
    }
  }

  @Test
  void agreesWithTheJdkFormatterOverTheYearsItRenders() {
    long first = millis("0001-01-01T00:00:00.000");
    long last = millis("9999-12-31T23:59:59.999");
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 200_000; i++) {
      long t = random.nextLong(first, last + 1);
      assertEquals(REFERENCE.format(Instant.ofEpochMilli(t)), UtcTimestamp.format(t), "at " + t);
    }
    // every day boundary of a few years either side of the epoch and of 2000
    for (long day = -4000; day < 16_000; day++) {
      long t = day * 86_400_000L;
      assertEquals(REFERENCE.format(Instant.ofEpochMilli(t)), UtcTimestamp.format(t), "at " + t);
      assertEquals(
          REFERENCE.format(Instant.ofEpochMilli(t - 1)), UtcTimestamp.format(t - 1), "at " + t);
    }
  }

  @Test
  void yearsBeyondFourDigitsTakeTheJdkFormattersText() {
    long year10000 = millis("+10000-01-01T00:00:00.000");
    assertEquals(REFERENCE.format(Instant.ofEpochMilli(year10000)), UtcTimestamp.format(year10000));
    long yearZero = millis("0000-06-01T00:00:00.000");
    assertEquals(REFERENCE.format(Instant.ofEpochMilli(yearZero)), UtcTimestamp.format(yearZero));
  }
}
