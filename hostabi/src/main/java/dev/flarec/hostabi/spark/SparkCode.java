package dev.flarec.hostabi.spark;

/**
 * The Spark result codes of flaron-abi.md §3.4. {@code spark_set} returns {@link #wire()}; {@code
 * spark_pull} returns its negation. The numbers are part of the ABI and never change.
 */
public enum SparkCode {
  OK(0),
  /** TTL negative or above the host's cap. */
  INVALID_TTL(1),
  /** Value larger than the flare's {@code max_kv_value_bytes}. */
  TOO_LARGE(2),
  /** Per-invocation write budget spent (also a second {@code spark_pull}). */
  WRITE_LIMIT(3),
  /** The site's on-disk quota is full. */
  QUOTA(4),
  /** Spark is not configured on this node (or, for {@code spark_pull}, no peer transport). */
  NOT_AVAILABLE(5),
  /** The store failed. */
  INTERNAL(6),
  /** Reserved by the ABI; never returned. */
  READ_LIMIT(7),
  /** The key breaks the rule of decision 19. */
  BAD_KEY(8),
  /** The flare lacks {@code writes_spark_kv}. */
  NO_CAPABILITY(9);

  private final int wire;

  SparkCode(int wire) {
    this.wire = wire;
  }

  /** The number the guest sees. */
  public int wire() {
    return wire;
  }
}
