package dev.flarec.hostabi.server;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids for logs and the {@code X-Request-Id} response header: the client's own when it sends
 * a sane one (so ids follow a request through a chain of proxies), else 16 random hex digits.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private RequestIds() {}

  static String forRequest(String fromClient) {
    if (fromClient != null && SANE.matcher(fromClient).matches()) {
      return fromClient;
    }
    return hex16(ThreadLocalRandom.current().nextLong());
  }

  /** {@code String.format("%016x", n)} without parsing a format string on every request. */
  static String hex16(long n) {
    byte[] digits = new byte[16];
    for (int i = 15; i >= 0; i--) {
      digits[i] = HEX[(int) (n & 15)];
      n >>>= 4;
    }
    return new String(digits, StandardCharsets.ISO_8859_1);
  }
}
