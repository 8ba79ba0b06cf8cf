package dev.flarec.hostabi.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP response ready to send: status, headers in order (a name may repeat), body.
 *
 * @param outcome how it came about, for the access log: {@code respond}, {@code transform}, {@code
 *     pass_through}, or the reason of an error reply ({@code trap}, {@code deadline}, ...)
 */
record Reply(int status, List<Header> headers, byte[] body, String outcome) {
  record Header(String name, String value) {}

  // headers is taken as given, not copied (one copy fewer per request): whoever builds a reply
  // hands its list over and does not change it afterwards

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
    List<Header> more = new ArrayList<>(headers.size() + 1);
    more.addAll(headers);
    more.add(new Header(name, value));
    return new Reply(status, more, body, outcome);
  }
}
