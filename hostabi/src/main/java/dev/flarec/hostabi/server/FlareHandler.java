package dev.flarec.hostabi.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.config.LogConfig;
import dev.flarec.hostabi.invocation.FlareRequest;
import dev.flarec.hostabi.invocation.FlareResponse;
import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.invocation.ResponseRules;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import dev.flarec.hostabi.metrics.ServerMetrics;
import dev.flarec.hostabi.server.FlareRunner.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;

/**
 * Serves one request: read it, run the flare, carry out its action, send the reply, log it.
 *
 * <ol>
 *   <li>paths under {@value #RESERVED_PREFIX} belong to the host, never to the flare: {@value
 *       #LIVE_PATH} (liveness), {@value #READY_PATH} and {@value #HEALTH_PATH} (readiness) and,
 *       when enabled, {@value #METRICS_PATH} answer without running the flare;
 *   <li>a WebSocket upgrade is answered 400: this flare does not export the {@code ws_*} entry
 *       points (a flare that does is served by {@link WebSocketServer});
 *   <li>a body over the cap is answered 413 (decision 16);
 *   <li>{@code handle_request} runs on a pooled instance ({@link FlareRunner});
 *   <li>the action word decides: Respond sends the flare's response, PassThrough proxies to the
 *       origin, Transform proxies and overlays the flare's response (decisions 2, 3);
 *   <li>failures become short generic replies (decision 4): 500 for a trap, an unknown action, a
 *       missing export or a bad status; 504 at the deadline; 502/504 when the origin fails; 503
 *       when no instance is free in time or the server is stopping. Details go to the log.
 * </ol>
 */
final class FlareHandler implements HttpHandler {
  static final String RESERVED_PREFIX = "/__flarec/";
  static final String HEALTH_PATH = "/__flarec/health";
  static final String LIVE_PATH = "/__flarec/live";
  static final String READY_PATH = "/__flarec/ready";
  static final String METRICS_PATH = "/__flarec/metrics";

  private static final byte[] EMPTY = new byte[0];

  private final FlareServer server;
  private final FlareConfig flare;
  private final FlareRunner runner;
  private final OriginClient origin;
  private final ServerMetrics metrics;
  // the request counts and latencies are kept only for a server that exposes them: three shared
  // counters per request cost 2 to 4 microseconds under load (ServerMetrics)
  private final boolean countRequests;
  private final LogConfig log;

  FlareHandler(
      FlareServer server,
      FlareConfig flare,
      FlareRunner runner,
      OriginClient origin,
      ServerMetrics metrics) {
    this.server = server;
    this.flare = flare;
    this.runner = runner;
    this.origin = origin;
    this.metrics = metrics;
    this.countRequests = server.config().metrics();
    this.log = server.config().log();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String id = RequestIds.forRequest(exchange.getRequestHeaders().getFirst(RequestIds.HEADER));
    Reply reply;
    // A request counts as in flight until its response is written: graceful shutdown waits for
    // the count to reach zero before it closes the server's connections.
    boolean entered = false;
    try {
      try {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith(RESERVED_PREFIX)) {
          reply = hostPath(path);
        } else if (WebSocketFlares.isUpgrade(exchange.getRequestHeaders().getFirst("Upgrade"))) {
          reply =
              Reply.error(
                      400, "Bad Request: this flare serves HTTP, not WebSocket", "not_websocket")
                  .with("Connection", "close");
        } else if (!server.enter()) {
          reply = Reply.error(503, "Service Unavailable", "stopping").with("Connection", "close");
        } else {
          entered = true;
          reply = serve(exchange, id);
        }
      } catch (RuntimeException | Error e) {
        LogLine.of("host-error")
            .field("flare", flare.name())
            .field("request_id", id)
            .thrown(e)
            .log(Loggers.HOST, Level.SEVERE);
        reply = Reply.error(500, "Internal Server Error", "host_error");
      }
      // counted before the reply leaves, so that a scrape after a response always includes it
      if (countRequests) {
        metrics.request(reply.status(), System.nanoTime() - start);
      }
      try {
        send(exchange, reply, id);
      } finally {
        exchange.close();
        access(exchange, id, reply, System.nanoTime() - start);
      }
    } finally {
      if (entered) {
        server.leave();
      }
    }
  }

  /** The host's own paths: probes for load balancers and, when enabled, the metrics. */
  private Reply hostPath(String path) {
    return switch (path) {
      case LIVE_PATH -> server.liveness();
      case READY_PATH, HEALTH_PATH -> server.readiness();
      case METRICS_PATH ->
          server.config().metrics()
              ? new Reply(
                  200,
                  List.of(
                      new Reply.Header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")),
                  metrics.render(flare.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  "metrics")
              : Reply.error(404, "Not Found", "metrics_disabled");
      default -> Reply.error(404, "Not Found", "reserved_path");
    };
  }

  private Reply serve(HttpExchange exchange, String id) throws IOException {
    FlareRequest request;
    try {
      request = RequestReader.read(exchange, flare.limits().maxRequestBodyBytes());
    } catch (RequestReader.BodyTooLarge e) {
      // the rest of the body is not read: close rather than drain it
      return Reply.error(413, "Payload Too Large", "body_too_large").with("Connection", "close");
    }
    Invocation invocation = new Invocation(id, flare, request);
    Outcome outcome = runner.run(invocation);
    if (outcome instanceof Outcome.Returned returned) {
      return act(returned.word(), invocation);
    }
    return failure(outcome, id);
  }

  private Reply act(long word, Invocation invocation) {
    Action action = Action.of(word);
    if (action == null) {
      warn("flare-bad-action", invocation.id())
          .field("action", Action.codeOf(word))
          .log(Loggers.HOST, Level.WARNING);
      return Reply.error(500, "Internal Server Error", "bad_action");
    }
    FlareResponse response = invocation.response();
    if (response.statusSet() && !ResponseRules.validStatus(response.status())) {
      warn("flare-bad-status", invocation.id())
          .field("status", response.status())
          .log(Loggers.HOST, Level.WARNING);
      return Reply.error(500, "Internal Server Error", "bad_status");
    }
    return switch (action) {
      case RESPOND ->
          new Reply(response.status(), flareHeaders(response), response.body(), "respond");
      case PASS_THROUGH -> proxy(invocation, null);
      case TRANSFORM -> proxy(invocation, response);
    };
  }

  /** PassThrough ({@code overlay == null}) or Transform: the origin's answer, maybe overlaid. */
  private Reply proxy(Invocation invocation, FlareResponse overlay) {
    String outcome = overlay == null ? "pass_through" : "transform";
    OriginClient.Answer answer;
    try {
      answer = origin.forward(invocation.request());
    } catch (OriginClient.Failure e) {
      warn("origin-failed", invocation.id())
          .field("reason", e.getMessage())
          .log(Loggers.HOST, Level.WARNING);
      return e.timeout()
          ? Reply.error(504, "Gateway Timeout", outcome + "_timeout")
          : Reply.error(502, "Bad Gateway", outcome + "_failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.error(503, "Service Unavailable", "interrupted");
    } catch (IllegalArgumentException e) {
      warn("origin-failed", invocation.id())
          .field("reason", e.getMessage())
          .log(Loggers.HOST, Level.WARNING);
      return Reply.error(502, "Bad Gateway", outcome + "_failed");
    }
    if (overlay == null) {
      return new Reply(answer.status(), answer.headers(), answer.body(), outcome);
    }
    List<Reply.Header> headers = new ArrayList<>();
    for (Reply.Header h : answer.headers()) {
      if (overlay.header(h.name()) == null) {
        headers.add(h);
      }
    }
    headers.addAll(flareHeaders(overlay));
    return new Reply(
        overlay.statusSet() ? overlay.status() : answer.status(),
        headers,
        overlay.bodySet() ? overlay.body() : answer.body(),
        outcome);
  }

  private static List<Reply.Header> flareHeaders(FlareResponse response) {
    List<FlareResponse.Header> set = response.headers();
    List<Reply.Header> headers = new ArrayList<>(set.size() + 1);
    for (FlareResponse.Header h : set) {
      headers.add(new Reply.Header(h.name(), h.value()));
    }
    return headers;
  }

  private Reply failure(Outcome outcome, String id) {
    if (outcome instanceof Outcome.Trapped trapped) {
      metrics.trap();
      warn("flare-trap", id)
          .field("trap", trapped.trap().getMessage())
          .log(Loggers.HOST, Level.WARNING);
      return Reply.error(500, "Internal Server Error", "trap");
    }
    if (outcome instanceof Outcome.DeadlineExceeded deadline) {
      metrics.deadlineExceeded();
      warn("flare-deadline", id)
          .field("deadline_ms", deadline.deadline().toMillis())
          .log(Loggers.HOST, Level.WARNING);
      return Reply.error(504, "Gateway Timeout", "deadline");
    }
    if (outcome instanceof Outcome.Busy) {
      metrics.busy();
      warn("flare-busy", id)
          .field("note", "no instance became free before the deadline")
          .log(Loggers.HOST, Level.WARNING);
      return Reply.error(503, "Service Unavailable", "busy");
    }
    if (outcome instanceof Outcome.NoEntryPoint) {
      warn("flare-no-entry-point", id)
          .field("note", "the flare does not export handle_request: () -> i64")
          .log(Loggers.HOST, Level.WARNING);
      return Reply.error(500, "Internal Server Error", "no_entry_point");
    }
    Throwable error = ((Outcome.HostError) outcome).error();
    warn("host-error", id).thrown(error).log(Loggers.HOST, Level.SEVERE);
    return Reply.error(500, "Internal Server Error", "host_error");
  }

  private LogLine warn(String event, String id) {
    return LogLine.of(event).field("flare", flare.name()).field("request_id", id);
  }

  /** Sends {@code reply}, with {@code X-Request-Id: id} unless it carries its own. */
  private static void send(HttpExchange exchange, Reply reply, String id) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    boolean hasId = false;
    for (Reply.Header h : reply.headers()) {
      headers.add(h.name(), h.value());
      hasId |= h.name().equalsIgnoreCase(RequestIds.HEADER);
    }
    if (!hasId) {
      headers.add(RequestIds.HEADER, id);
    }
    int status = reply.status();
    // 1xx, 204 and 304 responses have no body (RFC 9110 §6.4.1), nor has an answer to HEAD
    boolean bodyless =
        status < 200
            || status == 204
            || status == 304
            || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    byte[] body = bodyless ? EMPTY : reply.body();
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Milliseconds with three decimals, without {@code String.format}'s cost on every request. */
  static String millis(long nanos) {
    long micros = Math.max(0, nanos / 1000);
    int fraction = (int) (micros % 1000);
    return new StringBuilder(24)
        .append(micros / 1000)
        .append('.')
        .append((char) ('0' + fraction / 100))
        .append((char) ('0' + fraction / 10 % 10))
        .append((char) ('0' + fraction % 10))
        .toString();
  }

  /**
   * The text of the last client address seen, and the address: under keep-alive, consecutive
   * requests mostly come from the same client, and {@code getHostAddress} makes a new string each
   * time.
   */
  private record AddressText(InetAddress address, String text) {}

  private volatile AddressText lastRemote = new AddressText(null, "");

  private String remote(InetSocketAddress socket) {
    if (socket == null || socket.getAddress() == null) {
      return null;
    }
    InetAddress address = socket.getAddress();
    AddressText last = lastRemote;
    if (!address.equals(last.address())) {
      last = new AddressText(address, address.getHostAddress());
      lastRemote = last;
    }
    return last.text();
  }

  /**
   * The access line, unless switched off or left out by sampling. Nothing of it is built for a
   * request that is not logged.
   */
  private void access(HttpExchange exchange, String id, Reply reply, long nanos) {
    if (log.access() == LogConfig.AccessFormat.OFF
        || (log.accessSample() < 1
            && ThreadLocalRandom.current().nextDouble() >= log.accessSample())
        || !Loggers.ACCESS.isLoggable(Level.INFO)) {
      return;
    }
    LogLine line =
        LogLine.of("request")
            .field("flare", flare.name())
            .field("request_id", id)
            .field("method", exchange.getRequestMethod())
            .field("path", RequestReader.pathAndQuery(exchange.getRequestURI()))
            .field("status", reply.status())
            .field("outcome", reply.outcome())
            .field("bytes", reply.body().length)
            .field("duration_ms", millis(nanos))
            .field("remote", remote(exchange.getRemoteAddress()));
    (log.access() == LogConfig.AccessFormat.JSON ? line.asJson() : line)
        .log(Loggers.ACCESS, Level.INFO);
  }
}
