package dev.flarec.hostabi.server;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import dev.flarec.hostabi.metrics.ServerMetrics;
import dev.flarec.hostabi.pool.FlareInstance;
import dev.flarec.hostabi.pool.InstancePool;
import dev.flarec.runtime.instance.Module;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * Serves one flare: an HTTP flare on {@code com.sun.net.httpserver}, a WebSocket flare (one that
 * exports {@code ws_open}, {@code ws_message} and {@code ws_close}) on Jetty through {@link
 * WebSocketServer}, which answers plain HTTP requests with 426. See docs/RATIONALE.md "Why Jetty
 * serves WebSocket flares and the JDK's server the rest?".
 *
 * <p>Life cycle: {@link #start} instantiates the flare once (so a flare that cannot link or start
 * fails here, not on the first request), binds the port and starts serving; {@link #stop} stops
 * gracefully: health turns 503, new requests are refused with 503, requests in flight get up to the
 * configured grace period to finish, then the listener closes and the pool is dropped. The {@link
 * HostServices} belong to the caller, who closes them after {@code stop}.
 *
 * <pre>{@code
 * try (HostServices services = HostServices.create(config);
 *      FlareServer server = FlareServer.start(module, config, services)) {
 *   System.out.println("serving on port " + server.port());
 *   ...
 * }
 * }</pre>
 */
public final class FlareServer implements AutoCloseable {
  private final ServerConfig config;
  private final HttpServer http;
  private final WebSocketServer webSocket;
  private final ExecutorService executor;
  private final String executorDescription;
  private final DeadlineWatch deadlines;
  private final InstancePool pool;
  private final AtomicInteger inFlight = new AtomicInteger();
  private HttpHandler handler;
  private volatile boolean stopping;
  private boolean stopped;

  private FlareServer(
      ServerConfig config,
      HttpServer http,
      ServerExecutors.Choice executor,
      DeadlineWatch deadlines,
      InstancePool pool) {
    this.config = config;
    this.http = http;
    this.webSocket = null;
    this.executor = executor.executor();
    this.executorDescription = executor.description();
    this.deadlines = deadlines;
    this.pool = pool;
  }

  /** A WebSocket flare's server: connections own their instances, so there is no pool. */
  private FlareServer(ServerConfig config, WebSocketServer webSocket, DeadlineWatch deadlines) {
    this.config = config;
    this.http = null;
    this.webSocket = webSocket;
    this.executor = null;
    this.executorDescription = "jetty";
    this.deadlines = deadlines;
    this.pool = null;
  }

  /**
   * Starts serving {@code module} as configured.
   *
   * @throws IOException if the port cannot be bound
   * @throws dev.flarec.runtime.instance.LinkException if the flare imports what the host lacks
   * @throws dev.flarec.runtime.trap.WasmTrap if instantiating the flare traps
   * @throws IllegalArgumentException if the flare does not export its memory
   */
  public static FlareServer start(Module module, ServerConfig config, HostServices services)
      throws IOException {
    return start(module, config, services, null);
  }

  /**
   * Like {@link #start(Module, ServerConfig, HostServices)}, running {@code beforeFirstInstance}
   * after the server's own set-up (its executor and bound socket) and before the flare's first
   * instance: a flare JAR's launcher waits there for its start-up's second thread to finish
   * preparing the instance, so that the main thread binds the server meanwhile rather than idle.
   * Until the server starts, connections wait in the socket's backlog. Null runs nothing.
   */
  public static FlareServer start(
      Module module, ServerConfig config, HostServices services, Runnable beforeFirstInstance)
      throws IOException {
    FlareConfig flare = config.flare();
    if (WebSocketFlares.isWebSocketFlare(module.descriptor())) {
      if (beforeFirstInstance != null) {
        beforeFirstInstance.run();
      }
      return startWebSocket(module, config, services);
    }
    if (flare.kind() == FlareConfig.Kind.WEBSOCKET) {
      throw new IllegalArgumentException(
          "flare.kind is \"websocket\" but the flare does not export "
              + WebSocketFlares.missingExports(module.descriptor())
              + " (functions taking no parameters)");
    }
    DeadlineWatch deadlines = new DeadlineWatch();
    ServerExecutors.Choice executor = ServerExecutors.create(config.maxInstances());
    enableTcpNoDelay();
    HttpServer http = null;
    InstancePool pool;
    try {
      http = HttpServer.create(new InetSocketAddress(config.port()), 0);
      if (beforeFirstInstance != null) {
        beforeFirstInstance.run();
      }
      pool = pool(module, config, services);
    } catch (IOException | RuntimeException | Error e) {
      if (http != null) {
        // A server that never started keeps its port after stop(): the JDK closes its channel
        // only once the dispatcher thread, which start() launches, deregisters it from the
        // selector.
        http.start();
        http.stop(0);
      }
      deadlines.close();
      executor.executor().shutdownNow();
      throw e;
    }
    FlareServer server = new FlareServer(config, http, executor, deadlines, pool);
    http.createContext("/", server.handler(flare, services, deadlines, pool));
    http.setExecutor(executor.executor());
    http.start();
    LogLine.of("serving")
        .field("flare", flare.name())
        .field("url", "http://localhost:" + server.port() + "/")
        .field("isolation", flare.isolation().name().toLowerCase(Locale.ROOT))
        .field("max_instances", config.maxInstances())
        .field("executor", server.executorDescription)
        .field("origin", config.origin() == null ? "none" : config.origin().toString())
        .log(Loggers.HOST, Level.INFO);
    return server;
  }

  private static FlareServer startWebSocket(
      Module module, ServerConfig config, HostServices services) throws IOException {
    FlareConfig flare = config.flare();
    int capPages = flare.limits().memoryCapPages();
    // a flare that cannot link or start fails here with its reason, not on every connection
    FlareInstance.create(module, services, capPages, false);
    DeadlineWatch deadlines = new DeadlineWatch();
    FlareRunner runner =
        new FlareRunner(null, deadlines, services.metrics(), flare.limits().memoryCapBytes());
    WebSocketServer webSocket =
        new WebSocketServer(
            config,
            () -> FlareInstance.create(module, services, capPages, false),
            runner,
            services.metrics());
    FlareServer server = new FlareServer(config, webSocket, deadlines);
    try {
      webSocket.start(server);
    } catch (IOException | RuntimeException e) {
      deadlines.close();
      throw e;
    }
    services
        .metrics()
        .watch(
            new ServerMetrics.Pool(
                webSocket::openConnections, () -> 0, config.webSocket().maxConnections()));
    LogLine.of("serving")
        .field("flare", flare.name())
        .field("url", "ws://localhost:" + server.port() + "/")
        .field("kind", "websocket")
        .field("max_connections", config.webSocket().maxConnections())
        .log(Loggers.HOST, Level.INFO);
    return server;
  }

  /**
   * Prepares {@code module} as {@link #start} does, but without a listener of its own: a node
   * serving several flares passes them requests through {@link #handler()} (on its own threads),
   * and {@link #port()} is -1. {@link #stop} drains and drops the pool as usual.
   */
  public static FlareServer mount(Module module, ServerConfig config, HostServices services) {
    InstancePool pool = pool(module, config, services);
    DeadlineWatch deadlines = new DeadlineWatch();
    FlareServer server =
        new FlareServer(
            config, null, new ServerExecutors.Choice(null, "the node's"), deadlines, pool);
    server.handler(config.flare(), services, deadlines, pool);
    return server;
  }

  private static InstancePool pool(Module module, ServerConfig config, HostServices services) {
    FlareConfig flare = config.flare();
    boolean reset = flare.isolation() == FlareConfig.Isolation.RESET;
    int capPages = flare.limits().memoryCapPages();
    InstancePool pool =
        new InstancePool(
            new NewInstance(module, services, capPages, reset),
            config.maxInstances(),
            flare.isolation(),
            config.recycleMemoryBytes());
    warmUp(pool, flare);
    services
        .metrics()
        .watch(
            new ServerMetrics.Pool(
                new Occupancy(pool, true), new Occupancy(pool, false), config.maxInstances()));
    return pool;
  }

  /**
   * Creates the pool's instances. This and {@link Occupancy} are classes rather than lambdas: they
   * are made while a flare starts (docs/RATIONALE.md "Why a flare's start-up avoids method-handle
   * spinning").
   */
  private static final class NewInstance implements Supplier<FlareInstance> {
    private final Module module;
    private final HostServices services;
    private final int capPages;
    private final boolean reset;

    NewInstance(Module module, HostServices services, int capPages, boolean reset) {
      this.module = module;
      this.services = services;
      this.capPages = capPages;
      this.reset = reset;
    }

    @Override
    public FlareInstance get() {
      return FlareInstance.create(module, services, capPages, reset);
    }
  }

  /** The pool's busy or idle instances, for the metrics. */
  private static final class Occupancy implements IntSupplier {
    private final InstancePool pool;
    private final boolean busy;

    Occupancy(InstancePool pool, boolean busy) {
      this.pool = pool;
      this.busy = busy;
    }

    @Override
    public int getAsInt() {
      return busy ? pool.busy() : pool.idle();
    }
  }

  private HttpHandler handler(
      FlareConfig flare, HostServices services, DeadlineWatch deadlines, InstancePool pool) {
    handler =
        new FlareHandler(
            this,
            flare,
            new FlareRunner(pool, deadlines, services.metrics(), flare.limits().memoryCapBytes()),
            new OriginClient(config.origin(), config.originTimeout()),
            services.metrics());
    return handler;
  }

  /** What answers this flare's requests: the server's listener, or a node's when mounted. */
  public HttpHandler handler() {
    return handler;
  }

  /**
   * Creates the first instance now: a flare that cannot link or start fails at start-up with its
   * reason, not on every request.
   */
  private static void warmUp(InstancePool pool, FlareConfig flare) {
    FlareInstance first;
    try {
      first = pool.acquire(Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (first == null) {
      return;
    }
    if (!first.hasHandleRequest()) {
      LogLine.of("flare-no-entry-point")
          .field("flare", flare.name())
          .field("note", "no handle_request: () -> i64 export; HTTP requests will get 500")
          .log(Loggers.HOST, Level.WARNING);
    }
    pool.release(first, true);
  }

  /** The port the server listens on (the one chosen when 0 was configured). */
  public int port() {
    if (http != null) {
      return http.getAddress().getPort();
    }
    return webSocket != null ? webSocket.port() : -1;
  }

  public ServerConfig config() {
    return config;
  }

  /** The instance pool, for monitoring and tests; null for a WebSocket flare. */
  public InstancePool pool() {
    return pool;
  }

  /** Counts a request in; false when the server is stopping and the request must be refused. */
  boolean enter() {
    inFlight.incrementAndGet();
    if (stopping) {
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  void leave() {
    inFlight.decrementAndGet();
  }

  /** Whether a stop has begun: new connections and requests are refused. */
  boolean stopping() {
    return stopping;
  }

  /** The Prometheus text of {@code /__flarec/metrics}, or null when metrics are off. */
  String metricsText(ServerMetrics metrics) {
    return config.metrics() ? metrics.render(config.flare().name()) : null;
  }

  /**
   * Liveness: the process answers HTTP, so a load balancer or orchestrator need not restart it. 200
   * even while stopping, when restarting would cut the requests still draining.
   */
  Reply liveness() {
    return probe(200, "alive", "live");
  }

  /**
   * Readiness: 200 while new requests are accepted, 503 from the moment a stop begins, so a load
   * balancer sends no more traffic while requests in flight drain.
   */
  Reply readiness() {
    return stopping ? probe(503, "stopping", "ready") : probe(200, "ok", "ready");
  }

  private Reply probe(int status, String state, String outcome) {
    String body =
        pool == null
            ? String.format(
                "{\"status\":\"%s\",\"flare\":\"%s\",\"connections\":%d}",
                state, jsonEscape(config.flare().name()), webSocket.openConnections())
            : String.format(
                "{\"status\":\"%s\",\"flare\":\"%s\",\"instances\":{\"busy\":%d,\"idle\":%d}}",
                state, jsonEscape(config.flare().name()), pool.busy(), pool.idle());
    return new Reply(
        status,
        List.of(new Reply.Header("Content-Type", "application/json")),
        body.getBytes(StandardCharsets.UTF_8),
        outcome);
  }

  /**
   * Stops gracefully (see the class comment); waits at most the configured grace period for
   * requests in flight. Idempotent.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    stopping = true;
    LogLine.of("stopping")
        .field("flare", config.flare().name())
        .field("in_flight", inFlight.get())
        .log(Loggers.HOST, Level.INFO);
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    if (webSocket != null) {
      // connections are told first (1001), so that their ws_close events run within the grace
      webSocket.closeConnections();
    }
    while ((inFlight.get() > 0 || (webSocket != null && webSocket.openConnections() > 0))
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    int abandoned = inFlight.get();
    // the requests we waited for are answered; HttpServer.stop(delay) would wait the whole
    // delay on Java 17 even when idle (JDK-8304065), so close at once
    if (webSocket != null) {
      webSocket.stop();
    } else if (http != null) {
      http.stop(0);
      executor.shutdown();
      try {
        executor.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    deadlines.close();
    if (pool != null) {
      pool.close();
    }
    LogLine.of("stopped")
        .field("flare", config.flare().name())
        .field("abandoned", abandoned > 0 ? abandoned : null)
        .log(Loggers.HOST, Level.INFO);
  }

  @Override
  public void close() {
    stop();
  }

  private static String jsonEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The JDK's server writes a response's headers and body in separate packets; with Nagle's
   * algorithm on, the second waits for the client's delayed ACK, about 40 ms per keep-alive
   * response (docs/benchmarks.md). The property is read once, when the server implementation first
   * loads, so it is set before the first server is created; an explicit setting wins.
   */
  public static void enableTcpNoDelay() {
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
}
