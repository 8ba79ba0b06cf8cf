package dev.flarec.hostabi.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the edge node serving a flare is set up.
 *
 * @param port HTTP port (8080 by default)
 * @param nodeId this node's id (Snowflake node bits, spark_pull peers, logs)
 * @param snowflakeNode the 10-bit Snowflake node number (decision 25)
 * @param dataDirectory where Spark persists its store
 * @param origin the origin for PassThrough and Transform, or null when none is configured
 * @param secrets secret values by name, already resolved from the environment or a secrets file
 * @param flare the served flare's configuration
 */
public record ServerConfig(
    int port,
    String nodeId,
    int snowflakeNode,
    Path dataDirectory,
    URI origin,
    Map<String, String> secrets,
    FlareConfig flare) {

  public ServerConfig {
    secrets = Map.copyOf(secrets);
  }
}
