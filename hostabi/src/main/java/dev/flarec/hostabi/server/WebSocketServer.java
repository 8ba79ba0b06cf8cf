package dev.flarec.hostabi.server;

import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.config.WebSocketSettings;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import dev.flarec.hostabi.metrics.ServerMetrics;
import dev.flarec.hostabi.pool.FlareInstance;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Serves a WebSocket flare on Jetty: RFC 6455 upgrades at any path become {@link
 * WebSocketConnection}s, each with its own instance; plain HTTP requests get 426 with {@code
 * Upgrade: websocket}; paths under {@value FlareHandler#RESERVED_PREFIX} answer the probes and
 * metrics as on an HTTP flare.
 *
 * <p>Jetty does the protocol: the handshake and its version check, masking, fragmentation, ping and
 * pong, the closing handshake, UTF-8 validation, and the frame, message and idle limits, each
 * broken by a client with the code RFC 6455 gives it. This class and its connections are the only
 * ones that touch Jetty, and only WebSocket flares load them, so an HTTP flare's JAR does without
 * it (docs/RATIONALE.md "Why Jetty serves WebSocket flares and the JDK's server the rest?").
 */
final class WebSocketServer {
  private final ServerConfig config;
  private final WebSocketSettings settings;
  private final Supplier<FlareInstance> instances;
  private final FlareRunner runner;
  private final ServerMetrics metrics;
  private final Set<WebSocketConnection> open = ConcurrentHashMap.newKeySet();
  private Server jetty;
  private ServerConnector connector;
  private FlareServer owner;

  WebSocketServer(
      ServerConfig config,
      Supplier<FlareInstance> instances,
      FlareRunner runner,
      ServerMetrics metrics) {
    this.config = config;
    this.settings = config.webSocket();
    this.instances = instances;
    this.runner = runner;
    this.metrics = metrics;
  }

  /**
   * Binds the port and starts serving on behalf of {@code owner} (readiness, stopping).
   *
   * @throws IOException if the port cannot be bound
   */
  void start(FlareServer owner) throws IOException {
    this.owner = owner;
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("flarec-ws");
    jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setPort(config.port());
    // until the upgrade, the connection's idle timeout is the handshake's: a client that never
    // completes its request is cut off then; an upgraded connection has the WebSocket one
    connector.setIdleTimeout(settings.handshakeTimeout().toMillis());
    connector.addEventListener(new StalledClients());
    jetty.addConnector(connector);
    int maxMessage = Math.max(1, config.flare().limits().maxWsMessageBytes());
    WebSocketUpgradeHandler upgrades =
        WebSocketUpgradeHandler.from(
            jetty,
            container -> {
              container.setMaxTextMessageSize(maxMessage);
              container.setMaxBinaryMessageSize(maxMessage);
              container.setMaxFrameSize(settings.maxFrameBytes());
              // a bigger frame is refused (1009), not split into smaller ones
              container.setAutoFragment(false);
              container.setIdleTimeout(settings.idleTimeout());
              container.addMapping("/*", this::upgrade);
            });
    upgrades.setHandler(new PlainHttp());
    jetty.setHandler(upgrades);
    try {
      jetty.start();
    } catch (IOException e) {
      stopQuietly();
      throw e;
    } catch (Exception e) {
      stopQuietly();
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The port the server listens on. */
  int port() {
    return connector.getLocalPort();
  }

  int openConnections() {
    return open.size();
  }

  /** Closes every open connection with 1001 (going away); their {@code ws_close} events run. */
  void closeConnections() {
    for (WebSocketConnection c : open) {
      c.goingAway();
    }
  }

  /** Stops Jetty; connections still open are dropped. */
  void stop() {
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      jetty.stop();
    } catch (Exception e) {
      LogLine.of("host-error")
          .field("flare", config.flare().name())
          .thrown(e)
          .log(Loggers.HOST, Level.WARNING);
    }
  }

  ServerConfig config() {
    return config;
  }

  FlareRunner runner() {
    return runner;
  }

  ServerMetrics metrics() {
    return metrics;
  }

  FlareInstance newInstance() {
    return instances.get();
  }

  void opened(WebSocketConnection connection) {
    open.add(connection);
  }

  void closed(WebSocketConnection connection) {
    open.remove(connection);
  }

  /**
   * Jetty's creator: a connection for a valid upgrade, or null after answering it: the host's paths
   * are no WebSocket endpoints (404), and a stopping or full server refuses (503).
   */
  private Object upgrade(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if (path != null && path.startsWith(FlareHandler.RESERVED_PREFIX)) {
      write(response, callback, Reply.error(404, "Not Found", "reserved_path"));
      return null;
    }
    if (owner.stopping()) {
      write(response, callback, Reply.error(503, "Service Unavailable", "stopping"));
      return null;
    }
    if (open.size() >= settings.maxConnections()) {
      LogLine.of("websocket-refused")
          .field("flare", config.flare().name())
          .field("reason", "max_connections")
          .field("open", open.size())
          .log(Loggers.HOST, Level.WARNING);
      write(response, callback, Reply.error(503, "Service Unavailable", "max_connections"));
      return null;
    }
    List<String> offered = request.getSubProtocols();
    if (!offered.isEmpty()) {
      // the flare cannot see or choose one, so the client's first choice is echoed
      response.setAcceptedSubProtocol(offered.get(0));
    }
    response.setExtensions(List.of());
    String remote =
        request.getConnectionMetaData().getRemoteSocketAddress() == null
            ? null
            : request.getConnectionMetaData().getRemoteSocketAddress().toString();
    return new WebSocketConnection(this, RequestIds.forRequest(null), path, remote);
  }

  private static void write(Response response, Callback callback, Reply reply) {
    response.setStatus(reply.status());
    for (Reply.Header h : reply.headers()) {
      response.getHeaders().add(h.name(), h.value());
    }
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }

  /**
   * Logs connections that sent something but were never answered: a client that did not complete
   * its request (an upgrade or not) before the handshake timeout cut it off. An upgraded or
   * answered connection has written its response; one that sent nothing is not worth a line.
   */
  private final class StalledClients implements Connection.Listener {
    @Override
    public void onClosed(Connection connection) {
      if (connection.getBytesIn() > 0 && connection.getBytesOut() == 0) {
        LogLine.of("websocket-handshake-incomplete")
            .field("flare", config.flare().name())
            .field("bytes_in", connection.getBytesIn())
            .field("remote", String.valueOf(connection.getEndPoint().getRemoteSocketAddress()))
            .log(Loggers.HOST, Level.WARNING);
      }
    }
  }

  /** Requests that are no upgrade: the host's paths, and 426 for everything else. */
  private final class PlainHttp extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = request.getHttpURI().getPath();
      Reply reply;
      if (path != null && path.startsWith(FlareHandler.RESERVED_PREFIX)) {
        reply = hostPath(path);
      } else {
        reply =
            new Reply(
                426,
                List.of(
                    new Reply.Header("Upgrade", "websocket"),
                    new Reply.Header("Connection", "Upgrade"),
                    new Reply.Header("Sec-WebSocket-Version", "13"),
                    new Reply.Header("Content-Type", "text/plain; charset=utf-8")),
                "Upgrade Required: this flare serves WebSocket connections\n"
                    .getBytes(StandardCharsets.UTF_8),
                "upgrade_required");
      }
      write(response, callback, reply);
      return true;
    }

    private Reply hostPath(String path) {
      return switch (path) {
        case FlareHandler.LIVE_PATH -> owner.liveness();
        case FlareHandler.READY_PATH, FlareHandler.HEALTH_PATH -> owner.readiness();
        case FlareHandler.METRICS_PATH -> {
          String text = owner.metricsText(metrics);
          yield text == null
              ? Reply.error(404, "Not Found", "metrics_disabled")
              : new Reply(
                  200,
                  List.of(
                      new Reply.Header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")),
                  text.getBytes(StandardCharsets.UTF_8),
                  "metrics");
        }
        default -> Reply.error(404, "Not Found", "reserved_path");
      };
    }
  }
}
