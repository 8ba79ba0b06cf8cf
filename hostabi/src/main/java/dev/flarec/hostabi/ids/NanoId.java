package dev.flarec.hostabi.ids;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * NanoID strings (decision 24): symbols from the URL-safe alphabet {@code A-Za-z0-9_-}, length 1 to
 * 256, where a requested length of 0 means the default 21 (126 random bits, the NanoID default).
 *
 * <p>Why no library: the alphabet has exactly 64 symbols, so one random byte masked to 6 bits picks
 * a symbol with no modulo bias, and the whole generator is the loop below over {@link
 * SecureRandom}. The Java NanoID library ({@code jnanoid}) has had no release since 2019 and would
 * add a dependency for these few lines.
 */
public final class NanoId {
  /** The URL-safe alphabet: 64 symbols, so {@code byte & 63} is uniform. */
  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  public static final int DEFAULT_LENGTH = 21;
  public static final int MAX_LENGTH = 256;

  private final SecureRandom random;

  public NanoId(SecureRandom random) {
    this.random = random;
  }

  /** A NanoID of {@code length} symbols (0 = 21), or empty if the length is outside 0–256. */
  public Optional<String> next(int length) {
    int n = length == 0 ? DEFAULT_LENGTH : length;
    if (n < 1 || n > MAX_LENGTH) {
      return Optional.empty();
    }
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = ALPHABET.charAt(bytes[i] & 63);
    }
    return Optional.of(new String(out));
  }
}
