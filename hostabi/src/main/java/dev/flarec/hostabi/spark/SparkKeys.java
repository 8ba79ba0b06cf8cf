package dev.flarec.hostabi.spark;

import java.nio.charset.StandardCharsets;

/**
 * The Spark key rule of flaron-abi.md §8 decision 19: {@code ^[a-zA-Z0-9:._-]{1,256}$}, not
 * starting with {@code __flaron:} or {@code __sys:} (those prefixes are the host's own).
 *
 * <p>Checked on the raw bytes the guest passed: the allowed set is ASCII, so no decoding is needed
 * and malformed UTF-8 is simply rejected.
 */
public final class SparkKeys {
  /** Longest key, in bytes. */
  public static final int MAX_LENGTH = 256;

  private static final byte[][] RESERVED_PREFIXES = {
    "__flaron:".getBytes(StandardCharsets.US_ASCII), "__sys:".getBytes(StandardCharsets.US_ASCII)
  };

  private SparkKeys() {}

  /** True if {@code key} is a valid Spark key. */
  public static boolean isValid(byte[] key) {
    if (key.length < 1 || key.length > MAX_LENGTH) {
      return false;
    }
    for (byte b : key) {
      if (!allowed(b)) {
        return false;
      }
    }
    for (byte[] prefix : RESERVED_PREFIXES) {
      if (startsWith(key, prefix)) {
        return false;
      }
    }
    return true;
  }

  /** True if {@code key} is a valid Spark key. */
  public static boolean isValid(String key) {
    return isValid(key.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean allowed(byte b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == ':'
        || b == '.'
        || b == '_'
        || b == '-';
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (key[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
