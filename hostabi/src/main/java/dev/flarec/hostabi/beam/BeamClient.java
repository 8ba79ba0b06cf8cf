package dev.flarec.hostabi.beam;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The node's outbound HTTP client for {@code beam_fetch}: one JDK {@link HttpClient} shared by
 * every pooled instance (it is thread-safe and pools connections).
 *
 * <ul>
 *   <li>Redirects are <b>not</b> followed: a redirect could lead outside the flare's allowlist, so
 *       the 3xx answer is returned to the flare like any other status.
 *   <li>TLS certificates are validated by the JDK's default trust store.
 *   <li>Plain {@code http://} requests use HTTP/1.1, so the client does not send an {@code Upgrade:
 *       h2c} header that some servers mishandle; {@code https://} negotiates HTTP/2 by ALPN.
 *   <li>Headers the client must own ({@code Host}, {@code Content-Length}, {@code Connection},
 *       {@code Expect}, {@code Upgrade}) and headers with invalid names or values are dropped.
 * </ul>
 *
 * <p>Every failure (timeout, DNS, connection, TLS, oversized body, interruption) is an empty
 * result, as decision 9 requires; the reason ({@link FetchFailure}) goes to the log as a warning.
 */
public final class BeamClient {
  /**
   * The logger, made at the first failed fetch: looking up a {@code System.Logger} loads the JDK's
   * logger finder, start-up work that a flare which never fetches should not pay.
   */
  private static final class Log {
    static final Logger LOG = System.getLogger(BeamClient.class.getName());
  }

  private final BeamSettings settings;
  private volatile HttpClient http;

  /** A client with {@link BeamSettings#DEFAULTS}. */
  public BeamClient() {
    this(BeamSettings.DEFAULTS);
  }

  public BeamClient(BeamSettings settings) {
    this.settings = settings;
  }

  /** Builds the JDK client now, for a flare that will fetch: its first request should not wait. */
  public void prepare() {
    http();
  }

  /**
   * The JDK client, built by {@link #prepare} or at the first fetch: building it starts a selector
   * thread and loads a few hundred classes, start-up time a flare that never fetches should not
   * pay.
   */
  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .connectTimeout(settings.connectTimeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
          http = client;
        }
      }
    }
    return client;
  }

  public BeamSettings settings() {
    return settings;
  }

  /**
   * Sends {@code request} to {@code url} and reads the whole answer.
   *
   * @param url an absolute {@code http} or {@code https} URL
   * @param request method, headers and body
   * @param budget the most this fetch may take (for example what is left of the invocation's
   *     deadline); the effective timeout is the smaller of this and {@link
   *     BeamSettings#requestTimeout()}
   * @return the answer, whatever its status; empty on any failure
   */
  public Optional<BeamResponse> fetch(URI url, BeamRequest request, Duration budget) {
    Duration timeout =
        budget.compareTo(settings.requestTimeout()) < 0 ? budget : settings.requestTimeout();
    if (timeout.isNegative() || timeout.isZero()) {
      return Optional.empty();
    }
    HttpRequest httpRequest;
    try {
      httpRequest = build(url, request, timeout);
    } catch (IllegalArgumentException e) {
      Log.LOG.log(Level.DEBUG, "beam: bad request for {0}: {1}", url, e.getMessage());
      return Optional.empty();
    }
    CompletableFuture<HttpResponse<byte[]>> future =
        http()
            .sendAsync(httpRequest, info -> new CappedBodySubscriber(settings.maxResponseBytes()));
    try {
      // The request's own timeout covers the wait for the headers; this one also bounds the body.
      HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return Optional.of(
          BeamResponse.of(response.statusCode(), response.headers().map(), response.body()));
    } catch (TimeoutException e) {
      future.cancel(true);
      Log.LOG.log(
          Level.WARNING,
          "beam: fetch of {0} failed (timeout): no answer within {1} ms",
          url,
          timeout.toMillis());
      return Optional.empty();
    } catch (ExecutionException e) {
      Log.LOG.log(
          Level.WARNING,
          "beam: fetch of {0} failed ({1}): {2}",
          url,
          FetchFailure.of(e.getCause()).word(),
          e.getCause());
      return Optional.empty();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static HttpRequest build(URI url, BeamRequest request, Duration timeout) {
    HttpRequest.BodyPublisher body =
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url).timeout(timeout).method(request.method(), body);
    if ("http".equals(url.getScheme().toLowerCase(Locale.ROOT))) {
      b.version(HttpClient.Version.HTTP_1_1);
    }
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      try {
        b.header(h.getKey(), h.getValue());
      } catch (IllegalArgumentException restrictedOrInvalid) {
        Log.LOG.log(
            Level.DEBUG,
            "beam: header {0} dropped: {1}",
            h.getKey(),
            restrictedOrInvalid.getMessage());
      }
    }
    return b.build();
  }
}
