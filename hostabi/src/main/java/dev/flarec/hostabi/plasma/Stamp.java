package dev.flarec.hostabi.plasma;

import java.util.Comparator;
import java.util.Objects;

/**
 * When and where a register write happened: a hybrid logical timestamp (wall-clock milliseconds
 * plus a counter that orders writes within one millisecond or under a clock that stepped back) and
 * the writing node's id.
 *
 * <p>Stamps are totally ordered: by time, then counter, then node id. The node id breaks ties
 * between nodes that wrote in the same instant, so every replica picks the same winner.
 *
 * @param millis wall-clock epoch milliseconds (or later, see {@link HybridClock})
 * @param counter order among stamps of the same millisecond
 * @param nodeId the node that wrote
 */
public record Stamp(long millis, int counter, String nodeId) implements Comparable<Stamp> {
  private static final Comparator<Stamp> ORDER =
      Comparator.comparingLong(Stamp::millis)
          .thenComparingInt(Stamp::counter)
          .thenComparing(Stamp::nodeId);

  public Stamp {
    Objects.requireNonNull(nodeId, "nodeId");
  }

  @Override
  public int compareTo(Stamp other) {
    return ORDER.compare(this, other);
  }
}
