package dev.flarec.hostabi.ids;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * A Snowflake generator (decision 25): 64-bit IDs laid out, from the most significant bit, as one
 * zero bit, 41 bits of milliseconds since 2020-01-01T00:00:00Z, a 10-bit node number and a 12-bit
 * sequence, so IDs are positive and sort by time, then node, then sequence.
 *
 * <p>Monotonic within a node and thread-safe: calls are serialised, and every ID is greater than
 * the one before. When the clock goes backwards the generator keeps counting from the last
 * millisecond it used instead of repeating IDs; when 4096 IDs are taken within one millisecond it
 * moves on to the next millisecond rather than spin-waiting for the clock (which would block a
 * request thread, and never return with a fixed clock). Either way the timestamp part may run a
 * little ahead of the wall clock, until the clock catches up.
 *
 * <p>No library: the layout (epoch, field widths) is fixed by the ABI, and published Snowflake
 * libraries each fix their own.
 */
public final class Snowflake {
  /** The zero of the timestamp field. */
  public static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

  public static final int TIMESTAMP_BITS = 41;
  public static final int NODE_BITS = 10;
  public static final int SEQUENCE_BITS = 12;

  public static final int MAX_NODE = (1 << NODE_BITS) - 1;
  static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;
  static final long MAX_TIMESTAMP = (1L << TIMESTAMP_BITS) - 1;

  private static final long EPOCH_MILLIS = EPOCH.toEpochMilli();

  private final long node;
  private final Clock clock;
  private long lastMillis = -1;
  private int sequence;

  /**
   * @param node this node's number, 0–1023 (configured per node; two nodes with one number could
   *     produce the same IDs)
   */
  public Snowflake(int node, Clock clock) {
    if (node < 0 || node > MAX_NODE) {
      throw new IllegalArgumentException(
          "the Snowflake node number must be between 0 and " + MAX_NODE + ", not " + node);
    }
    this.node = node;
    this.clock = clock;
  }

  /**
   * The next ID, or empty if the clock reads before 2020 or the 41-bit timestamp is exhausted (the
   * year 2089): both mean this node cannot produce a correct ID.
   */
  public synchronized OptionalLong next() {
    long now = clock.millis() - EPOCH_MILLIS;
    if (now < 0) {
      return OptionalLong.empty();
    }
    if (now > lastMillis) {
      lastMillis = now;
      sequence = 0;
    } else if (sequence < MAX_SEQUENCE) {
      sequence++;
    } else {
      lastMillis++;
      sequence = 0;
    }
    if (lastMillis > MAX_TIMESTAMP) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(compose(lastMillis, node, sequence));
  }

  /** The ID with these fields. */
  static long compose(long millisSinceEpoch, long node, long sequence) {
    return (millisSinceEpoch << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
  }

  /** The instant an ID was made, from its timestamp field. */
  public static Instant instantOf(long id) {
    return Instant.ofEpochMilli(EPOCH_MILLIS + (id >>> (NODE_BITS + SEQUENCE_BITS)));
  }

  /** The node field of an ID. */
  public static int nodeOf(long id) {
    return (int) ((id >>> SEQUENCE_BITS) & MAX_NODE);
  }

  /** The sequence field of an ID. */
  public static int sequenceOf(long id) {
    return (int) (id & MAX_SEQUENCE);
  }
}
