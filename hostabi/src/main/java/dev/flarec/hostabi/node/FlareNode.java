package dev.flarec.hostabi.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.cluster.ClusterChannel;
import dev.flarec.hostabi.config.ClusterConfig;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.hostabi.config.RouteConfig;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import dev.flarec.hostabi.server.FlareServer;
import dev.flarec.runtime.instance.Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * A node serving every flare of a directory on one port: {@code NAME.jar} (or {@code NAME.wasm},
 * compiled when loaded) with its configuration {@code NAME.toml} beside it, routed by its {@code
 * [route]} table ({@link Route}). Each flare has its own pool, limits, stores and log fields,
 * exactly as when it runs alone. A node started with a cluster joins it once, and its flares share
 * that membership (each flare's messages name it); otherwise a flare with a {@code [cluster]} table
 * joins that cluster on its own, as a flare JAR does.
 *
 * <p>The directory is watched: a flare file that appears is loaded and mounted, one that changes
 * (or whose configuration changes) is loaded again and replaces the running version, one that
 * disappears is unmounted. A version being replaced or removed finishes the requests it has ({@link
 * MountedFlare#retire}); new ones go to its successor. A flare that keeps data (Spark, Plasma) must
 * close its stores before its successor opens them, so requests that arrive in between wait for the
 * successor (at most {@link #REPLACE_WAIT}). A file that does not load is reported and skipped; a
 * version already running keeps running.
 *
 * <p>All changes are applied one at a time on one thread, in the order the directory reported them.
 */
public final class FlareNode implements AutoCloseable {
  /** How long a request waits for a flare that is being replaced. */
  static final Duration REPLACE_WAIT = Duration.ofSeconds(5);

  /** How long a retired flare's requests in flight may take to finish. */
  private static final Duration RETIRE_GRACE = Duration.ofSeconds(10);

  private static final String RESERVED_PREFIX = "/__flarec/";

  /** A flare of our own (warm-up.wat beside it) that the node loads at start, unrouted. */
  private static final String WARM_UP_RESOURCE = "warm-up.wasm";

  /**
   * How many times the warm-up flare is loaded: the first load pays for class loading, the
   * following ones give the JIT the compiler's and the mount's hot paths.
   */
  private static final int WARM_UP_ROUNDS = 10;

  /**
   * The Host of the warm-up's own requests, answered only while the warm-up runs: a name under
   * {@code .invalid}, which no DNS name can ever be (RFC 2606), so no client's request is taken for
   * one.
   */
  private static final String WARM_UP_HOST = "flarec-warm-up.invalid";

  /** How long a warm-up request may take before the warm-up gives up (the node starts cold). */
  private static final int WARM_UP_TIMEOUT_MS = 5000;

  /** Requests sent to each round's warm-up flare through the node's own port. */
  private static final int WARM_UP_REQUESTS = 3;

  /** The warm-up flare's configuration: no access lines for requests nobody made. */
  private static final String WARM_UP_CONFIG = "[log]\naccess = \"off\"\n";

  /** The warm-up flare of the current round, while its requests run; null otherwise. */
  private volatile FlareServer warming;

  /** Warm-up requests answered 200 so far, for the node's log and tests. */
  private volatile int warmUpAnswers;

  /** Set once the warm-up has ended, however it ended. */
  private final CountDownLatch warmUpDone = new CountDownLatch(1);

  private final Path directory;
  private final FlareSource source;
  private final ConfigLoader configs;
  private final String nodeId;
  private final ClusterChannel cluster;
  private final HttpServer http;
  private final ExecutorService requests;
  private final ExecutorService changes;
  private final WatchService watcher;
  private final Thread watchThread;
  private final Object tableLock = new Object();
  private volatile List<MountedFlare> table = List.of();
  private final Map<String, String> fingerprints = new HashMap<>();
  private volatile boolean stopping;

  private FlareNode(
      Path directory,
      FlareSource source,
      ConfigLoader configs,
      String nodeId,
      ClusterChannel cluster,
      HttpServer http,
      WatchService watcher) {
    this.directory = directory;
    this.source = source;
    this.configs = configs;
    this.nodeId = nodeId;
    this.cluster = cluster;
    this.http = http;
    this.watcher = watcher;
    this.requests = Executors.newCachedThreadPool(daemon("flarec-node-request"));
    this.changes = Executors.newSingleThreadExecutor(daemon("flarec-node-changes"));
    this.watchThread = new Thread(this::watch, "flarec-node-watch");
    watchThread.setDaemon(true);
  }

  /**
   * Serves the flares of {@code directory} on {@code port} (0: a free one), loading each with
   * {@code source}; returns once every flare found at start has been tried.
   *
   * @param nodeId the node id for every flare (Plasma, spark_pull), or null for each flare's
   *     configuration's
   * @throws IOException if the port cannot be bound or the directory not watched
   */
  public static FlareNode start(
      Path directory, int port, String nodeId, FlareSource source, ConfigLoader configs)
      throws IOException {
    return start(directory, port, nodeId, null, source, configs);
  }

  /**
   * As {@link #start(Path, int, String, FlareSource, ConfigLoader)}, and when {@code cluster} is
   * not null the node joins that cluster once, as node {@code nodeId} (the host's name when null),
   * and every flare that talks to other nodes does so on that one channel: a flare's Plasma
   * replicates to the flare of the same name on the other nodes, and its {@code spark_pull} asks
   * that flare. A flare's own {@code [cluster]} table is then ignored.
   *
   * @throws IOException if the port cannot be bound, the directory not watched or the cluster
   *     address not used
   */
  public static FlareNode start(
      Path directory,
      int port,
      String nodeId,
      ClusterConfig cluster,
      FlareSource source,
      ConfigLoader configs)
      throws IOException {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a directory: " + directory);
    }
    WatchService watcher = dir.getFileSystem().newWatchService();
    dir.register(
        watcher,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      watcher.close();
      throw e;
    }
    ClusterChannel channel = null;
    String id = nodeId;
    if (cluster != null) {
      id = nodeId == null ? ConfigLoader.defaultNodeId() : nodeId;
      try {
        channel = ClusterChannel.join(cluster, id);
      } catch (Exception e) {
        watcher.close();
        http.stop(0);
        throw new IOException(
            "cannot join the cluster on " + cluster.bind() + ": " + e.getMessage(), e);
      }
    }
    FlareNode node = new FlareNode(dir, source, configs, id, channel, http, watcher);
    http.createContext("/", node::handle);
    http.setExecutor(node.requests);
    node.watchThread.start();
    try {
      node.changes.submit(node::rescan).get();
    } catch (Exception e) {
      throw new IllegalStateException("the first scan of " + dir + " failed", e);
    }
    // after the first scan, so that flares present at start are not kept waiting for it; a
    // flare that appears meanwhile waits behind it on the change thread
    node.changes.execute(node::warmUp);
    http.start();
    LogLine.of("node-serving")
        .field("dir", dir.toString())
        .field("url", "http://localhost:" + node.port() + "/")
        .field("flares", String.join(",", node.flares()))
        .log(Loggers.HOST, Level.INFO);
    return node;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** The names of the flares mounted now. */
  public Set<String> flares() {
    Set<String> names = new TreeSet<>();
    for (MountedFlare m : table) {
      names.add(m.name());
    }
    return names;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith(RESERVED_PREFIX)) {
        nodePath(exchange, path);
        return;
      }
      String host = exchange.getRequestHeaders().getFirst("Host");
      FlareServer warm = warming;
      if (warm != null && WARM_UP_HOST.equals(host)) {
        warm.handler().handle(exchange);
        return;
      }
      long waitUntil = System.nanoTime() + REPLACE_WAIT.toNanos();
      while (true) {
        MountedFlare flare = route(host, path);
        if (flare == null) {
          reply(exchange, 404, "Not Found\n");
          return;
        }
        if (flare.enter()) {
          try {
            flare.handle(exchange);
          } finally {
            flare.leave();
          }
          return;
        }
        // retired while being replaced: wait for its successor
        if (!awaitChange(waitUntil)) {
          reply(exchange, 503, "Service Unavailable\n");
          return;
        }
      }
    } finally {
      exchange.close();
    }
  }

  private MountedFlare route(String host, String path) {
    for (MountedFlare m : table) {
      if (m.route().matches(host, path)) {
        return m;
      }
    }
    return null;
  }

  @SuppressWarnings(
      "WaitNotInLoop") // one bounded wait; the caller loops and checks the table again
  private boolean awaitChange(long untilNanos) {
    synchronized (tableLock) {
      long left = untilNanos - System.nanoTime();
      if (left <= 0 || stopping) {
        return false;
      }
      try {
        tableLock.wait(Math.max(1, Math.min(50, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      return true;
    }
  }

  private void nodePath(HttpExchange exchange, String path) throws IOException {
    switch (path) {
      case "/__flarec/live" -> reply(exchange, 200, "{\"status\":\"alive\"}");
      case "/__flarec/ready", "/__flarec/health" ->
          reply(
              exchange,
              stopping ? 503 : 200,
              stopping ? "{\"status\":\"stopping\"}" : "{\"status\":\"ok\"}");
      case "/__flarec/flares" -> {
        StringBuilder json = new StringBuilder("[");
        for (MountedFlare m : table) {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append("{\"name\":\"").append(m.name()).append("\",\"hosts\":[");
          json.append(
              String.join(",", m.route().hosts().stream().map(h -> "\"" + h + "\"").toList()));
          json.append("],\"prefix\":\"").append(m.route().prefix()).append("\"}");
        }
        reply(exchange, 200, json.append(']').toString());
      }
      default -> reply(exchange, 404, "Not Found\n");
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set(
            "Content-Type",
            body.startsWith("{") || body.startsWith("[") ? "application/json" : "text/plain");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void watch() {
    while (!stopping) {
      WatchKey key;
      try {
        key = watcher.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      Set<String> names = new TreeSet<>();
      boolean overflow = false;
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
          overflow = true;
        } else if (event.context() instanceof Path file) {
          String name = flareName(file.getFileName().toString());
          if (name != null) {
            names.add(name);
          }
        }
      }
      key.reset();
      if (overflow) {
        changes.execute(this::rescan);
      } else {
        for (String name : names) {
          changes.execute(() -> reconcile(name));
        }
      }
    }
  }

  /** The flare a file of the directory belongs to, or null for files the node ignores. */
  static String flareName(String fileName) {
    if (fileName.startsWith(".")) {
      return null;
    }
    for (String ext : List.of(".jar", ".wasm", ".toml")) {
      if (fileName.endsWith(ext) && fileName.length() > ext.length()) {
        return fileName.substring(0, fileName.length() - ext.length());
      }
    }
    return null;
  }

  private void rescan() {
    Set<String> names = new TreeSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path f : files) {
        String name = flareName(f.getFileName().toString());
        if (name != null) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      LogLine.of("node-scan-failed")
          .field("dir", directory.toString())
          .field("reason", e.getMessage())
          .log(Loggers.HOST, Level.WARNING);
      return;
    }
    for (MountedFlare m : table) {
      names.add(m.name());
    }
    names.forEach(this::reconcile);
  }

  /** Brings flare {@code name} in line with the directory. Runs on the change thread. */
  private void reconcile(String name) {
    if (stopping) {
      return;
    }
    Path jar = directory.resolve(name + ".jar");
    Path wasm = directory.resolve(name + ".wasm");
    Path file = Files.isRegularFile(jar) ? jar : Files.isRegularFile(wasm) ? wasm : null;
    Path toml = directory.resolve(name + ".toml");
    MountedFlare old = mounted(name);
    if (file == null) {
      fingerprints.remove(name);
      if (old != null) {
        unmount(old);
        old.retire(RETIRE_GRACE);
        LogLine.of("flare-removed").field("flare", name).log(Loggers.HOST, Level.INFO);
      }
      return;
    }
    String fingerprint = fingerprint(file) + "|" + fingerprint(toml);
    if (fingerprint.equals(fingerprints.get(name)) && old != null) {
      return; // an event for a file we have already loaded as it is
    }
    fingerprints.put(name, fingerprint);
    long start = System.nanoTime();
    boolean retiredOld = false;
    try {
      Module module = source.load(file);
      long loaded = System.nanoTime();
      boolean hasConfig = Files.isRegularFile(toml);
      String text = hasConfig ? Files.readString(toml, StandardCharsets.UTF_8) : "";
      ServerConfig config = configs.load(text, toml.toString(), name, directory);
      if (nodeId != null) {
        config = config.withNodeId(nodeId);
      }
      RouteConfig routeConfig = configs.route(text, toml.toString());
      ClusterConfig ownCluster = cluster == null ? configs.cluster(text, toml.toString()) : null;
      Route route = Route.of(config.flare().name(), routeConfig.hosts(), routeConfig.pathPrefix());
      boolean keepsState =
          HostServices.imports(module.descriptor(), "spark_")
              || HostServices.imports(module.descriptor(), "plasma_");
      if (old != null && (old.keepsState() || keepsState)) {
        // its stores must be closed before the successor opens them; requests wait meanwhile
        old.retire(RETIRE_GRACE);
        retiredOld = true;
      }
      long configured = System.nanoTime();
      HostServices services =
          cluster == null
              ? HostServices.create(config, module.descriptor(), ownCluster)
              : HostServices.create(config, module.descriptor(), cluster, name);
      FlareServer server;
      try {
        server = FlareServer.mount(module, config, services);
      } catch (RuntimeException | Error e) {
        services.close();
        throw e;
      }
      long mounted = System.nanoTime();
      MountedFlare next = new MountedFlare(name, route, server, services, keepsState);
      replace(old, next);
      if (old != null && !(old.keepsState() || keepsState)) {
        old.retire(RETIRE_GRACE);
      }
      LogLine.of(old == null ? "flare-mounted" : "flare-replaced")
          .field("flare", name)
          .field("file", file.getFileName().toString())
          .field("hosts", route.hosts().isEmpty() ? "*" : String.join(",", route.hosts()))
          .field("prefix", route.prefix())
          .field("load_ms", millis(System.nanoTime() - start))
          .field("module_ms", millis(loaded - start))
          .field("config_ms", millis(configured - loaded))
          .field("mount_ms", millis(mounted - configured))
          .log(Loggers.HOST, Level.INFO);
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (retiredOld) {
        // the old version was already retired for a successor that failed: take it out
        unmount(old);
      }
      LogLine.of("flare-broken")
          .field("flare", name)
          .field("file", file.getFileName().toString())
          .field("reason", oneLine(e))
          .field(
              "note",
              old == null
                  ? "skipped"
                  : retiredOld
                      ? "the previous version is stopped"
                      : "the previous version keeps serving")
          .log(Loggers.HOST, Level.WARNING);
    }
  }

  /**
   * Loads, configures and mounts the warm-up flare a few times, then drops it: the first flare
   * added to a running node is then not the one that pays for loading the compiler's, the
   * configuration reader's and the server's classes and running them cold (about a second, see
   * docs/benchmarks.md "A new flare on a running node"). Runs on the change thread.
   */
  private void warmUp() {
    long start = System.nanoTime();
    Path wasm = null;
    try (InputStream in = FlareNode.class.getResourceAsStream(WARM_UP_RESOURCE)) {
      if (in == null) {
        throw new IOException(WARM_UP_RESOURCE + " is missing from the build");
      }
      wasm = Files.createTempFile("flarec-warm-up-", ".wasm");
      Files.write(wasm, in.readAllBytes());
      for (int round = 0; round < WARM_UP_ROUNDS && !stopping; round++) {
        Module module = source.load(wasm);
        ServerConfig config = configs.load(WARM_UP_CONFIG, "warm-up", "flarec-warm-up", directory);
        configs.route("", "warm-up");
        configs.cluster("", "warm-up");
        HostServices services = HostServices.create(config, module.descriptor());
        try {
          FlareServer server = FlareServer.mount(module, config, services);
          warming = server;
          try {
            for (int i = 0; i < WARM_UP_REQUESTS && !stopping; i++) {
              if (requestOwnPort() == 200) {
                warmUpAnswers++;
              }
            }
          } finally {
            warming = null;
            server.stop();
          }
        } finally {
          services.close();
        }
      }
      LogLine.of("node-warmed-up")
          .field("ms", millis(System.nanoTime() - start))
          .field("requests_answered", String.valueOf(warmUpAnswers))
          .log(Loggers.HOST, Level.FINE);
    } catch (Exception | LinkageError e) {
      // a node serving compiled JARs only cannot load a .wasm: it just starts cold
      LogLine.of("node-warm-up-skipped").field("reason", oneLine(e)).log(Loggers.HOST, Level.FINE);
    } finally {
      warmUpDone.countDown();
      if (wasm != null) {
        try {
          Files.deleteIfExists(wasm);
        } catch (IOException e) {
          wasm.toFile().deleteOnExit();
        }
      }
    }
  }

  /**
   * Sends one GET for the warm-up flare to the node's own port and reads the whole answer: the
   * request takes the path a client's does (the JDK server's exchange, routing, the flare's handler
   * and invocation), which is what runs cold for the first request of the first flare otherwise.
   * Plain HTTP/1.0 over a socket, since a client library would load its own classes for nothing.
   */
  private int requestOwnPort() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port()), WARM_UP_TIMEOUT_MS);
      socket.setSoTimeout(WARM_UP_TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /warm-up HTTP/1.0\r\nHost: " + WARM_UP_HOST + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      // "HTTP/1.1 200 OK": the status is the second word of the first line
      String[] status = answer.split(" ", 3);
      return status.length > 1 ? Integer.parseInt(status[1]) : -1;
    }
  }

  /**
   * Waits at most {@code timeout} for the start-up warm-up to end; returns how many of its requests
   * were answered 200, or -1 if it has not ended.
   */
  int awaitWarmUp(Duration timeout) throws InterruptedException {
    return warmUpDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? warmUpAnswers : -1;
  }

  private static String millis(long nanos) {
    return String.format("%.1f", nanos / 1e6);
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static String fingerprint(Path file) {
    try {
      return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return "none";
    }
  }

  private MountedFlare mounted(String name) {
    for (MountedFlare m : table) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }

  private void replace(MountedFlare old, MountedFlare next) {
    synchronized (tableLock) {
      List<MountedFlare> t = new ArrayList<>(table);
      t.remove(old);
      t.add(next);
      t.sort(
          Comparator.comparingInt((MountedFlare m) -> m.route().specificity())
              .reversed()
              .thenComparing(MountedFlare::name));
      table = List.copyOf(t);
      tableLock.notifyAll();
    }
  }

  private void unmount(MountedFlare old) {
    synchronized (tableLock) {
      List<MountedFlare> t = new ArrayList<>(table);
      t.remove(old);
      table = List.copyOf(t);
      tableLock.notifyAll();
    }
  }

  /** Stops watching, drains every flare's requests and closes them. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    try {
      watcher.close();
    } catch (IOException e) {
      // closing anyway
    }
    watchThread.interrupt();
    changes.shutdown();
    try {
      changes.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<MountedFlare> all = table;
    synchronized (tableLock) {
      table = List.of();
      tableLock.notifyAll();
    }
    for (MountedFlare m : all) {
      m.retire(RETIRE_GRACE);
    }
    if (cluster != null) {
      cluster.close();
    }
    http.stop(0);
    requests.shutdown();
    LogLine.of("node-stopped").log(Loggers.HOST, Level.INFO);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
