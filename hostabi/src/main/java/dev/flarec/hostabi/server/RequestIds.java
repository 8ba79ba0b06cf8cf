package dev.flarec.hostabi.server;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids for logs and the {@code X-Request-Id} response header: the client's own when it sends
 * a sane one (so ids follow a request through a chain of proxies), else 16 random hex digits.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  static String forRequest(String fromClient) {
    if (fromClient != null && SANE.matcher(fromClient).matches()) {
      return fromClient;
    }
    return String.format("%016x", ThreadLocalRandom.current().nextLong());
  }
}
