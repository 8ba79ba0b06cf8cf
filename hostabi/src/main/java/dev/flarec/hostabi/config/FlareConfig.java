package dev.flarec.hostabi.config;

import java.util.List;

/**
 * What one flare may do, named as in flaron-abi.md §8 decision 28 (the configuration file uses the
 * same names). Defaults deny every capability.
 *
 * @param name the flare's name, for logs
 * @param kind {@code http} or {@code websocket}
 * @param writesSparkKv may write the node-local KV store
 * @param writesPlasmaKv may write the replicated KV store
 * @param allowedSecrets secret names the flare may read or use for crypto
 * @param allowedFetchUrls glob patterns of URLs beam may fetch ({@code *} matches any run)
 * @param requiresRawAuth sees {@code Authorization}, {@code Cookie} and {@code X-Flaron-*}
 * @param requiresBody receives the request body
 * @param isolation {@code reset} (default: fresh state per invocation) or {@code reuse}
 * @param limits per-invocation limits
 */
public record FlareConfig(
    String name,
    Kind kind,
    boolean writesSparkKv,
    boolean writesPlasmaKv,
    List<String> allowedSecrets,
    List<String> allowedFetchUrls,
    boolean requiresRawAuth,
    boolean requiresBody,
    Isolation isolation,
    FlareLimits limits) {

  public enum Kind {
    HTTP,
    WEBSOCKET
  }

  /** flaron-abi.md §8 decision 12. */
  public enum Isolation {
    RESET,
    REUSE
  }

  public FlareConfig {
    allowedSecrets = List.copyOf(allowedSecrets);
    allowedFetchUrls = List.copyOf(allowedFetchUrls);
  }

  /** A flare with no capabilities and default limits. */
  public static FlareConfig defaults(String name) {
    return new FlareConfig(
        name,
        Kind.HTTP,
        false,
        false,
        List.of(),
        List.of(),
        false,
        false,
        Isolation.RESET,
        FlareLimits.DEFAULTS);
  }
}
