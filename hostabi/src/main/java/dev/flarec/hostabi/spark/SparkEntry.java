package dev.flarec.hostabi.spark;

import java.time.Instant;
import java.util.Arrays;

/**
 * One stored Spark value and when it expires.
 *
 * <p>The expiry is kept absolute (epoch milliseconds, 0 = never) rather than as the TTL the flare
 * gave, so the remaining time stays right across restarts.
 *
 * @param value the bytes the flare stored (may be empty)
 * @param expiresAtMillis epoch milliseconds from which the entry is gone; 0 = never expires
 */
public record SparkEntry(byte[] value, long expiresAtMillis) {
  /** Bytes an entry costs against its site's quota beyond its key and value. */
  static final int OVERHEAD = Long.BYTES;

  public SparkEntry {
    value = value.clone();
  }

  /** An entry written at {@code now} with a TTL in seconds (0 = no expiry). */
  public static SparkEntry of(byte[] value, int ttlSeconds, Instant now) {
    long expires = ttlSeconds == 0 ? 0 : now.toEpochMilli() + ttlSeconds * 1000L;
    return new SparkEntry(value, expires);
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  public boolean expires() {
    return expiresAtMillis != 0;
  }

  /** True once {@code now} has reached the expiry. */
  public boolean isExpired(Instant now) {
    return expires() && now.toEpochMilli() >= expiresAtMillis;
  }

  /**
   * The remaining lifetime in whole seconds, rounded up (decision 18): 0 for an entry that never
   * expires; at least 1 for a live entry that does, so a live value is never reported as "no
   * expiry".
   */
  public long remainingTtlSeconds(Instant now) {
    if (!expires()) {
      return 0;
    }
    long remainingMillis = Math.max(1, expiresAtMillis - now.toEpochMilli());
    return (remainingMillis + 999) / 1000;
  }

  /** Bytes an entry of this key and value length counts against its site's quota. */
  static long footprint(String key, long valueLength) {
    return key.length() + valueLength + OVERHEAD;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparkEntry e
        && e.expiresAtMillis == expiresAtMillis
        && Arrays.equals(e.value, value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value) * 31 + Long.hashCode(expiresAtMillis);
  }

  @Override
  public String toString() {
    return "SparkEntry[" + value.length + " bytes, expiresAtMillis=" + expiresAtMillis + "]";
  }
}
