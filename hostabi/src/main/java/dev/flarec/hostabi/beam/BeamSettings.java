package dev.flarec.hostabi.beam;

import java.time.Duration;

/**
 * Node-wide Beam settings.
 *
 * @param connectTimeout longest wait for a TCP/TLS connection
 * @param requestTimeout longest a whole fetch may take, from sending to the last body byte; a fetch
 *     is further bounded by its flare's deadline (see {@code BeamClient#fetch})
 * @param maxResponseBytes largest upstream body read; a bigger one is a failure (0), since it could
 *     never fit a guest's 256 KiB arena anyway (flaron-abi.md §2.3)
 */
public record BeamSettings(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes) {
  /** Connect 5 s, whole request 30 s, bodies up to 4 MiB. */
  public static final BeamSettings DEFAULTS =
      new BeamSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 4 * 1024 * 1024);

  public BeamSettings {
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || requestTimeout.isNegative()
        || requestTimeout.isZero()) {
      throw new IllegalArgumentException("Beam timeouts must be positive");
    }
    if (maxResponseBytes < 0) {
      throw new IllegalArgumentException("Beam response cap must not be negative");
    }
  }
}
