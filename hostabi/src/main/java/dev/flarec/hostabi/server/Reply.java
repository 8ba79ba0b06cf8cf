package dev.flarec.hostabi.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP response ready to send: status, headers in order (a name may repeat), body.
 *
 * @param outcome how it came about, for the access log: {@code respond}, {@code transform}, {@code
 *     pass_through}, or the reason of an error reply ({@code trap}, {@code deadline}, ...)
 */
record Reply(int status, List<Header> headers, byte[] body, String outcome) {
  record Header(String name, String value) {}

  Reply {
    headers = List.copyOf(headers);
  }

  /** A short generic text reply; errors never carry details to the client (decision 4). */
  static Reply error(int status, String reason, String outcome) {
    return new Reply(
        status,
        List.of(new Header("Content-Type", "text/plain; charset=utf-8")),
        (reason + "\n").getBytes(StandardCharsets.UTF_8),
        outcome);
  }

  /** This reply with one more header. */
  Reply with(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new Reply(status, more, body, outcome);
  }

  /** Whether a header of this name (any case) is present. */
  boolean has(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return headers.stream().anyMatch(h -> h.name().toLowerCase(Locale.ROOT).equals(lower));
  }
}
