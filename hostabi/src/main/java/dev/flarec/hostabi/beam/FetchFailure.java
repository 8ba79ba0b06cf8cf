package dev.flarec.hostabi.beam;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why a {@code beam_fetch} got no answer, as an operator sorts it: the flare only sees 0 (decision
 * 9), so the log line is the one place the reason shows.
 */
public enum FetchFailure {
  /** The host name did not resolve. */
  DNS,
  /** Nothing accepted the connection (refused, unreachable, or connect timeout). */
  CONNECT,
  /** The answer did not come within the fetch's time. */
  TIMEOUT,
  /** The TLS handshake failed: certificate, protocol or cipher. */
  TLS,
  /** The answer was larger than the response cap. */
  TOO_LARGE,
  /** Anything else on the wire: reset connection, malformed answer. */
  IO;

  /**
   * The failure {@code error} describes. The JDK client wraps the telling exception (a DNS failure
   * is a {@code ConnectException} caused by an unresolved address), so the whole cause chain is
   * searched, most specific reason first.
   */
  public static FetchFailure of(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = error; t != null && chain.size() < 16; t = t.getCause()) {
      chain.add(t);
    }
    if (any(chain, UnknownHostException.class) || any(chain, UnresolvedAddressException.class)) {
      return DNS;
    }
    if (any(chain, SSLException.class)) {
      return TLS;
    }
    if (any(chain, CappedBodySubscriber.TooLargeException.class)) {
      return TOO_LARGE;
    }
    if (any(chain, HttpConnectTimeoutException.class) || any(chain, ConnectException.class)) {
      return CONNECT;
    }
    if (any(chain, HttpTimeoutException.class) || any(chain, TimeoutException.class)) {
      return TIMEOUT;
    }
    return IO;
  }

  private static boolean any(List<Throwable> chain, Class<? extends Throwable> type) {
    return chain.stream().anyMatch(type::isInstance);
  }

  /** The lowercase word used in log lines. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
