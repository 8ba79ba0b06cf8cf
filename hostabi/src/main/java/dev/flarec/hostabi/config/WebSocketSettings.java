package dev.flarec.hostabi.config;

import java.time.Duration;

/**
 * How a WebSocket flare's connections are served: the {@code [websocket]} table of the
 * configuration file. The per-event limits ({@code max_ws_sends}, {@code max_ws_message_bytes})
 * stay in {@code [flare]} with the other per-invocation limits (flaron-abi.md §8 decision 23).
 *
 * @param maxConnections open connections at once; an upgrade beyond is answered 503
 * @param maxFrameBytes the largest frame a client may send; a bigger one closes its connection with
 *     1009
 * @param idleTimeout a connection with no frame either way for this long is closed with 1001
 * @param handshakeTimeout a client that has not completed its upgrade request by then is cut off
 * @param sendQueueBytes bytes a connection may have queued for a slow reader; past that the
 *     connection is closed with 1008, so that one reader never holds memory for the others
 */
public record WebSocketSettings(
    int maxConnections,
    int maxFrameBytes,
    Duration idleTimeout,
    Duration handshakeTimeout,
    long sendQueueBytes) {

  public static final WebSocketSettings DEFAULTS =
      new WebSocketSettings(
          1000, 1024 * 1024, Duration.ofMinutes(5), Duration.ofSeconds(10), 4L * 1024 * 1024);
}
