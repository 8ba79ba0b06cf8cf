package dev.flarec.hostabi.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampFormatTest {
  /**
   * flaron-abi.md §4.4's examples use 2026-04-07T11:12:13Z; a sub-second part checks truncation.
   */
  private static final Instant T = Instant.parse("2026-04-07T11:12:13.987654321Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "unix|1775560333",
        "ms|1775560333987",
        "ns|1775560333987654321",
        "rfc3339|2026-04-07T11:12:13Z",
        "iso8601|2026-04-07T11:12:13Z",
        "http|Tue, 07 Apr 2026 11:12:13 GMT",
      })
  void eachFormat(String name, String expected) {
    assertEquals(expected, TimestampFormat.byWireName(name).format(T));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RFC3339", "unknown", "", "Unix", "iso"})
  void unknownNamesAreRfc3339(String name) {
    assertEquals(TimestampFormat.RFC3339, TimestampFormat.byWireName(name));
  }

  @Test
  void missingNameIsRfc3339() {
    assertEquals(TimestampFormat.RFC3339, TimestampFormat.byWireName(null));
  }

  @Test
  void rfc3339IsAlwaysTwentyCharactersAtWholeSeconds() {
    assertEquals("1970-01-01T00:00:00Z", TimestampFormat.RFC3339.format(Instant.EPOCH));
    assertEquals(
        "2026-04-07T11:12:13Z",
        TimestampFormat.RFC3339.format(Instant.parse("2026-04-07T11:12:13Z")));
  }

  @Test
  void httpDateHasATwoDigitDayAndEnglishNames() {
    // RFC 9110 §5.6.7's own example
    assertEquals(
        "Sun, 06 Nov 1994 08:49:37 GMT",
        TimestampFormat.HTTP.format(Instant.parse("1994-11-06T08:49:37Z")));
  }

  @Test
  void numericFormatsBeforeTheEpochAndFarAhead() {
    Instant before = Instant.parse("1969-12-31T23:59:59.5Z");
    assertEquals("-1", TimestampFormat.UNIX.format(before));
    assertEquals("-500", TimestampFormat.MS.format(before));
    assertEquals("-500000000", TimestampFormat.NS.format(before));
    // past 2262, where a long of nanoseconds would overflow
    assertEquals(
        "10000000000000000000", TimestampFormat.NS.format(Instant.ofEpochSecond(10_000_000_000L)));
  }
}
