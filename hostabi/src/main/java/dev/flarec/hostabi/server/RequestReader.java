package dev.flarec.hostabi.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.flarec.hostabi.invocation.FlareRequest;
import dev.flarec.hostabi.invocation.RequestHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Turns an exchange into the {@link FlareRequest} a flare sees: the absolute URL of decision 13,
 * the headers, and the body read up to the configured cap (decision 16).
 */
final class RequestReader {
  /** A Host header we are willing to echo into a URL: a name or address and an optional port. */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

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
    String declared = headers.get("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > max) {
          throw new BodyTooLarge();
        }
      } catch (NumberFormatException e) {
        // the server has already rejected malformed framing; leave the real length to the read
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (body.length > max) {
        throw new BodyTooLarge();
      }
      return body;
    }
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
    if (header != null && HOST.matcher(header).matches()) {
      return header;
    }
    InetSocketAddress local = exchange.getLocalAddress();
    String address = local.getAddress().getHostAddress();
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
  }
}
