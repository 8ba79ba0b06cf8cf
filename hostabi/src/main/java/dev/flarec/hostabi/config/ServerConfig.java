package dev.flarec.hostabi.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the edge node serving a flare is set up: the {@code [server]} and {@code [secrets]} tables of
 * the configuration file (see {@link ConfigLoader}) and the flare's own {@code [flare]} table.
 *
 * @param port HTTP port (8080 by default; 0 picks a free one)
 * @param nodeId this node's id (Plasma stamps, spark_pull peers, logs); null for the host's name,
 *     looked up when first asked for (see {@link #nodeId()})
 * @param snowflakeNode the 10-bit Snowflake node number (decision 25)
 * @param dataDirectory where Spark persists its store; by default {@code flarec-data/<flare name>},
 *     so that flares started from the same directory keep apart
 * @param origin the origin for PassThrough and Transform, or null when none is configured
 * @param secrets secret values by name, already resolved from the environment or a secrets file
 * @param flare the served flare's configuration
 * @param maxInstances how many instances of the flare may exist at once, so how many requests run
 *     the flare at the same time; further requests wait for a free instance
 * @param recycleMemoryBytes with isolation {@code reuse}: an instance whose memory has grown to
 *     this size is discarded after its invocation (decision 12)
 * @param originTimeout how long a request to the origin may take in all
 * @param shutdownGrace how long a stopping server waits for requests in flight
 * @param log log level and access log shape
 * @param metrics whether {@code /__flarec/metrics} serves Prometheus metrics
 * @param webSocket how a WebSocket flare's connections are served
 */
public record ServerConfig(
    int port,
    String nodeId,
    int snowflakeNode,
    Path dataDirectory,
    URI origin,
    Map<String, String> secrets,
    FlareConfig flare,
    int maxInstances,
    long recycleMemoryBytes,
    Duration originTimeout,
    Duration shutdownGrace,
    LogConfig log,
    boolean metrics,
    WebSocketSettings webSocket) {

  /**
   * This node's id: the configured one, else the host's name. The name is looked up at the first
   * call, not when the configuration is read: the lookup (the JDK's resolver) is a noticeable part
   * of a flare's start-up, and only flares using Plasma or a cluster ask for it.
   */
  @Override
  public String nodeId() {
    return nodeId != null ? nodeId : ConfigLoader.defaultNodeId();
  }

  /** The port served when none is configured. */
  public static final int DEFAULT_PORT = 8080;

  public ServerConfig {
    secrets = Map.copyOf(secrets);
    if (maxInstances < 1) {
      throw new IllegalArgumentException("maxInstances must be at least 1: " + maxInstances);
    }
  }

  /**
   * A server with the serving defaults: two instances per processor, reuse recycling at half the
   * memory cap, a 30 s origin timeout and a 10 s shutdown grace.
   */
  public ServerConfig(
      int port,
      String nodeId,
      int snowflakeNode,
      Path dataDirectory,
      URI origin,
      Map<String, String> secrets,
      FlareConfig flare) {
    this(
        port,
        nodeId,
        snowflakeNode,
        dataDirectory,
        origin,
        secrets,
        flare,
        defaultMaxInstances(),
        flare.limits().memoryCapBytes() / 2,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        LogConfig.DEFAULTS,
        false,
        WebSocketSettings.DEFAULTS);
  }

  /** Two per available processor: flares are mostly CPU-bound, and a few wait on the origin. */
  public static int defaultMaxInstances() {
    return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** This configuration serving on {@code port} instead. */
  public ServerConfig withPort(int port) {
    return new ServerConfig(
        port,
        nodeId,
        snowflakeNode,
        dataDirectory,
        origin,
        secrets,
        flare,
        maxInstances,
        recycleMemoryBytes,
        originTimeout,
        shutdownGrace,
        log,
        metrics,
        webSocket);
  }

  /** This configuration serving {@code flare} instead. */
  public ServerConfig withFlare(FlareConfig flare) {
    return new ServerConfig(
        port,
        nodeId,
        snowflakeNode,
        dataDirectory,
        origin,
        secrets,
        flare,
        maxInstances,
        recycleMemoryBytes,
        originTimeout,
        shutdownGrace,
        log,
        metrics,
        webSocket);
  }

  /** This configuration proxying PassThrough and Transform to {@code origin} (null: none). */
  public ServerConfig withOrigin(URI origin) {
    return new ServerConfig(
        port,
        nodeId,
        snowflakeNode,
        dataDirectory,
        origin,
        secrets,
        flare,
        maxInstances,
        recycleMemoryBytes,
        originTimeout,
        shutdownGrace,
        log,
        metrics,
        webSocket);
  }

  /** This configuration with at most {@code maxInstances} instances. */
  public ServerConfig withMaxInstances(int maxInstances) {
    return new ServerConfig(
        port,
        nodeId,
        snowflakeNode,
        dataDirectory,
        origin,
        secrets,
        flare,
        maxInstances,
        recycleMemoryBytes,
        originTimeout,
        shutdownGrace,
        log,
        metrics,
        webSocket);
  }

  /** This configuration as node {@code nodeId}. */
  public ServerConfig withNodeId(String nodeId) {
    return new ServerConfig(
        port,
        nodeId,
        snowflakeNode,
        dataDirectory,
        origin,
        secrets,
        flare,
        maxInstances,
        recycleMemoryBytes,
        originTimeout,
        shutdownGrace,
        log,
        metrics,
        webSocket);
  }

  /** This configuration keeping Spark's data in {@code dataDirectory} (null: no Spark). */
  public ServerConfig withDataDirectory(Path dataDirectory) {
    return new ServerConfig(
        port,
        nodeId,
        snowflakeNode,
        dataDirectory,
        origin,
        secrets,
        flare,
        maxInstances,
        recycleMemoryBytes,
        originTimeout,
        shutdownGrace,
        log,
        metrics,
        webSocket);
  }
}
