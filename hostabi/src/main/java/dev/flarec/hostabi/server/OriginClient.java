package dev.flarec.hostabi.server;

import dev.flarec.hostabi.invocation.FlareRequest;
import dev.flarec.hostabi.invocation.RequestHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proxies a request to the configured origin for PassThrough and Transform (flaron-abi.md §8
 * decisions 2 and 3), with {@code java.net.http.HttpClient}: same method, path, query, headers and
 * body, minus the hop-by-hop headers a proxy must not forward (RFC 9110 §7.6.1).
 */
final class OriginClient {
  /** Hop-by-hop headers, and those HttpClient sets itself from the message framing. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "expect");

  /** Origin answer headers the server sets itself. */
  private static final Set<String> NOT_RETURNED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "content-length",
          "date");

  /** What the origin answered. */
  record Answer(int status, List<Reply.Header> headers, byte[] body) {}

  /** The origin could not be reached or did not answer in time. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean timeout;

    Failure(String message, boolean timeout, Throwable cause) {
      super(message, cause);
      this.timeout = timeout;
    }

    /** Whether the origin was too slow (504) rather than unreachable (502). */
    boolean timeout() {
      return timeout;
    }
  }

  private final URI origin;
  private final Duration timeout;
  private final HttpClient client;

  /** A client for {@code origin}, or for none when it is null (every request then fails 502). */
  OriginClient(URI origin, Duration timeout) {
    this.origin = origin;
    this.timeout = timeout;
    this.client =
        origin == null
            ? null
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
  }

  boolean configured() {
    return origin != null;
  }

  Answer forward(FlareRequest request) throws Failure, InterruptedException {
    if (origin == null) {
      throw new Failure("no origin is configured (server.origin)", false, null);
    }
    HttpRequest.Builder out =
        HttpRequest.newBuilder(target(request.pathAndQuery()))
            .timeout(timeout)
            .method(
                request.method(),
                request.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    for (RequestHeaders.Header h : request.headers().all()) {
      if (!NOT_FORWARDED.contains(h.name().toLowerCase(Locale.ROOT))) {
        for (String value : h.values()) {
          try {
            out.header(h.name(), value);
          } catch (IllegalArgumentException restricted) {
            // a header HttpClient reserves for itself: it sets its own
          }
        }
      }
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw new Failure("connecting to the origin timed out", false, e);
    } catch (HttpTimeoutException e) {
      throw new Failure("the origin did not answer within " + timeout.toMillis() + " ms", true, e);
    } catch (IOException e) {
      throw new Failure("the origin failed: " + e, false, e);
    }
    List<Reply.Header> headers = new ArrayList<>();
    for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
      if (!h.getKey().startsWith(":")
          && !NOT_RETURNED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        for (String value : h.getValue()) {
          headers.add(new Reply.Header(h.getKey(), value));
        }
      }
    }
    return new Answer(response.statusCode(), headers, response.body());
  }

  /** The origin's URL with the request's path and query: a base path on the origin is kept. */
  URI target(String pathAndQuery) {
    String base = origin.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + pathAndQuery);
  }
}
