package dev.flarec.hostabi.cluster;

import dev.flarec.hostabi.spark.SparkCode;
import java.util.Map;

/**
 * What a {@code spark_pull} got from its peer: {@link SparkCode#OK} and the entries the peer had
 * (keys it lacked are simply absent), or the code of the failure.
 *
 * @param code OK, or NotAvailable (unknown peer, or a peer without Spark) or Internal (the peer did
 *     not answer in time)
 * @param entries by key
 */
public record PullResult(SparkCode code, Map<String, Entry> entries) {
  public PullResult {
    entries = Map.copyOf(entries);
  }

  static PullResult failed(SparkCode code) {
    return new PullResult(code, Map.of());
  }

  /** A pulled value and its remaining TTL in seconds (0: it never expires). */
  public record Entry(byte[] value, int ttlSeconds) {}
}
