package dev.flarec.hostabi.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A log line's time, {@code 2025-11-21T10:00:00.123Z}: UTC to the millisecond, computed from the
 * epoch milliseconds with integer arithmetic. {@code DateTimeFormatter} renders the same text, but
 * its first use loads and initialises about eighty classes (the pattern's parser and printers, the
 * chronology and field tables), which the start-up's second thread would otherwise spend before the
 * first request's own formatting (docs/RATIONALE.md "Why log lines format their time by hand").
 * Years outside 1 to 9999, which a clock never gives, take the formatter's text.
 */
final class UtcTimestamp {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
  private static final long EPOCH_FROM_MARCH_0000 = 719_468L;

  private static final int DAYS_PER_400_YEARS = 146_097;

  private UtcTimestamp() {}

  /** {@code epochMillis} as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC. */
  static String format(long epochMillis) {
    long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
    // The civil date of a day count, counting years from March so that the leap day ends a year:
    // 400-year eras, the year within the era, the day within that year, then month and day.
    long shifted = days + EPOCH_FROM_MARCH_0000;
    long era = Math.floorDiv(shifted, DAYS_PER_400_YEARS);
    int dayOfEra = (int) (shifted - era * DAYS_PER_400_YEARS);
    int yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / (DAYS_PER_400_YEARS - 1))
            / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthFromMarch = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
    int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999) {
      return Wide.TIME.format(Instant.ofEpochMilli(epochMillis));
    }
    char[] text = new char[24];
    digits(text, 0, (int) year, 4);
    text[4] = '-';
    digits(text, 5, month, 2);
    text[7] = '-';
    digits(text, 8, day, 2);
    text[10] = 'T';
    digits(text, 11, millisOfDay / 3_600_000, 2);
    text[13] = ':';
    digits(text, 14, millisOfDay / 60_000 % 60, 2);
    text[16] = ':';
    digits(text, 17, millisOfDay / 1000 % 60, 2);
    text[19] = '.';
    digits(text, 20, millisOfDay % 1000, 3);
    text[23] = 'Z';
    return new String(text);
  }

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The formatter for the years the arithmetic above leaves out; loaded only if one comes. */
  private static final class Wide {
    static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  }
}
