package dev.flarec.hostabi.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code crypto_random_bytes}: {@code length} bytes from the platform CSPRNG as lowercase hex
 * (2·length characters), for 1 ≤ length ≤ 1024 (decision 26); any other length has no result.
 */
public final class RandomBytes {
  public static final int MIN = 1;
  public static final int MAX = 1024;

  // One shared generator: SecureRandom is thread-safe, and the default on Linux (NativePRNG,
  // backed by /dev/urandom) never blocks, so per-request latency does not depend on entropy.
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomBytes() {}

  /** Hex of {@code length} fresh random bytes, or empty if the length is out of range. */
  public static Optional<String> hex(int length) {
    if (length < MIN || length > MAX) {
      return Optional.empty();
    }
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return Optional.of(HexFormat.of().formatHex(bytes));
  }
}
