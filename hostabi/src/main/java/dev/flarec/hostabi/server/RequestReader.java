package dev.flarec.hostabi.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.flarec.hostabi.invocation.FlareRequest;
import dev.flarec.hostabi.invocation.RequestHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Turns an exchange into the {@link FlareRequest} a flare sees: the absolute URL of decision 13,
 * the headers, and the body read up to the configured cap (decision 16).
 */
final class RequestReader {
  private static final byte[] NO_BODY = new byte[0];

  /** The body exceeds the cap: answer 413 before the flare runs. */
  static final class BodyTooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    BodyTooLarge() {
      super(null, null, false, false);
    }
  }

  private RequestReader() {}

  static FlareRequest read(HttpExchange exchange, long maxBodyBytes)
      throws IOException, BodyTooLarge {
    RequestHeaders headers = RequestHeaders.of(exchange.getRequestHeaders());
    byte[] body = body(exchange, headers, maxBodyBytes);
    String pathAndQuery = pathAndQuery(exchange.getRequestURI());
    String url = scheme(exchange) + "://" + host(exchange, headers.get("Host")) + pathAndQuery;
    return new FlareRequest(exchange.getRequestMethod(), url, pathAndQuery, headers, body);
  }

  private static byte[] body(HttpExchange exchange, RequestHeaders headers, long max)
      throws IOException, BodyTooLarge {
    boolean chunked = headers.get("Transfer-Encoding") != null;
    String length = headers.get("Content-Length");
    long declared = -1; // unknown: chunked, or a length the read will have to find out
    if (length == null && !chunked) {
      // without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3)
      return endOfEmptyBody(exchange);
    }
    if (length != null) {
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        // the server has already rejected malformed framing; leave the real length to the read
      }
    }
    if (declared > max) {
      throw new BodyTooLarge();
    }
    if (declared == 0 && !chunked) {
      return endOfEmptyBody(exchange);
    }
    try (InputStream in = exchange.getRequestBody()) {
      if (declared > 0 && !chunked) {
        return in.readNBytes((int) declared);
      }
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (body.length > max) {
        throw new BodyTooLarge();
      }
      return body;
    }
  }

  /**
   * Reads the empty body's end. The JDK's server, closing an exchange whose request stream was
   * never read to its end, drains it with {@code skip}, which allocates a 2 KiB buffer: a read
   * buffer per request for requests without a body. One read of an empty stream returns -1 without
   * touching the connection and marks the stream ended.
   */
  private static byte[] endOfEmptyBody(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if (in != null) {
      in.read();
    }
    return NO_BODY;
  }

  /** {@code /path?query} exactly as sent (raw, still percent-encoded). */
  static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static String scheme(HttpExchange exchange) {
    return exchange instanceof HttpsExchange ? "https" : "http";
  }

  /** The Host header when it is well-formed, else the address the request came in on. */
  private static String host(HttpExchange exchange, String header) {
    if (header != null && wellFormedHost(header)) {
      return header;
    }
    InetSocketAddress local = exchange.getLocalAddress();
    String address = local.getAddress().getHostAddress();
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
  }

  /**
   * A Host header we are willing to echo into a URL: a name or IPv4 address ({@code
   * [A-Za-z0-9.-]+}) or a bracketed IPv6 address ({@code \[[0-9A-Fa-f:.]+\]}), then an optional
   * port of one to five digits. Checked by hand rather than with a regular expression: this runs on
   * every request.
   */
  static boolean wellFormedHost(String host) {
    int n = host.length();
    int i = 0;
    if (n > 0 && host.charAt(0) == '[') {
      i = 1;
      while (i < n && isHexOrColonOrDot(host.charAt(i))) {
        i++;
      }
      if (i == 1 || i >= n || host.charAt(i) != ']') {
        return false;
      }
      i++;
    } else {
      while (i < n && isNameChar(host.charAt(i))) {
        i++;
      }
      if (i == 0) {
        return false;
      }
    }
    if (i == n) {
      return true;
    }
    if (host.charAt(i) != ':') {
      return false;
    }
    int digits = n - i - 1;
    if (digits < 1 || digits > 5) {
      return false;
    }
    for (int d = i + 1; d < n; d++) {
      if (host.charAt(d) < '0' || host.charAt(d) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-';
  }

  private static boolean isHexOrColonOrDot(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f')
        || (c >= 'A' && c <= 'F')
        || c == ':'
        || c == '.';
  }
}
