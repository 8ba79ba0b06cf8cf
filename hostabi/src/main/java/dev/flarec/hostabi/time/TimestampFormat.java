package dev.flarec.hostabi.time;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A format name of {@code timestamp({"format": ...})} (flaron-abi.md §4.4) and how it renders an
 * instant. Names are exact and lowercase; {@link #byWireName} maps anything else to {@link
 * #RFC3339}, as §3.10 requires.
 */
public enum TimestampFormat {
  /** Seconds since the Unix epoch, decimal: {@code 1717977600}. */
  UNIX("unix") {
    @Override
    public String format(Instant t) {
      return Long.toString(t.getEpochSecond());
    }
  },
  /** Milliseconds since the Unix epoch, decimal: {@code 1717977600000}. */
  MS("ms") {
    @Override
    public String format(Instant t) {
      return Long.toString(t.toEpochMilli());
    }
  },
  /**
   * Nanoseconds since the Unix epoch, decimal. Exact for any instant (a {@code long} of nanoseconds
   * ends in 2262, so the value is computed without overflow); the precision is the clock's
   * (microseconds for the JDK's system clock on Linux).
   */
  NS("ns") {
    @Override
    public String format(Instant t) {
      return BigInteger.valueOf(t.getEpochSecond())
          .multiply(BigInteger.valueOf(1_000_000_000L))
          .add(BigInteger.valueOf(t.getNano()))
          .toString();
    }
  },
  /** RFC 3339 in UTC at whole seconds with {@code Z}: {@code 2026-04-07T11:12:13Z} (20 chars). */
  RFC3339("rfc3339") {
    @Override
    public String format(Instant t) {
      return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
  },
  /**
   * The HTTP date, IMF-fixdate of RFC 9110 §5.6.7: {@code Tue, 07 Apr 2026 11:12:13 GMT}. Not the
   * JDK's {@code RFC_1123_DATE_TIME}, which writes one-digit days without the leading zero that
   * IMF-fixdate requires.
   */
  HTTP("http") {
    @Override
    public String format(Instant t) {
      return IMF_FIXDATE.format(t);
    }
  },
  /** Alias of {@link #RFC3339}, as the ABI defines it. */
  ISO8601("iso8601") {
    @Override
    public String format(Instant t) {
      return RFC3339.format(t);
    }
  };

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final String wireName;

  TimestampFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The format a guest named; unknown or missing names ({@code null}) mean RFC 3339. */
  public static TimestampFormat byWireName(String name) {
    for (TimestampFormat f : values()) {
      if (f.wireName.equals(name)) {
        return f;
      }
    }
    return RFC3339;
  }

  /** {@code t} rendered in this format. */
  public abstract String format(Instant t);
}
