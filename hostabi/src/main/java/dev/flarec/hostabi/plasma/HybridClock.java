package dev.flarec.hostabi.plasma;

import java.time.Clock;

/**
 * Issues this node's {@link Stamp}s: strictly increasing, close to wall-clock time, and later than
 * every stamp the node has seen (a hybrid logical clock). So a write on this node always beats what
 * it has already read or merged, even when the wall clock is coarse or steps back.
 */
public final class HybridClock {
  private final String nodeId;
  private final Clock clock;
  private long millis;
  private int counter;

  public HybridClock(String nodeId, Clock clock) {
    this.nodeId = nodeId;
    this.clock = clock;
  }

  public String nodeId() {
    return nodeId;
  }

  /** A stamp later than every stamp issued or observed so far. */
  public synchronized Stamp next() {
    long now = clock.millis();
    if (now > millis) {
      millis = now;
      counter = 0;
    } else if (counter == Integer.MAX_VALUE) {
      millis++;
      counter = 0;
    } else {
      counter++;
    }
    return new Stamp(millis, counter, nodeId);
  }

  /** Moves this clock past {@code seen}, a stamp that came in from another replica. */
  public synchronized void observe(Stamp seen) {
    if (seen.millis() > millis || (seen.millis() == millis && seen.counter() > counter)) {
      millis = seen.millis();
      counter = seen.counter();
    }
  }
}
