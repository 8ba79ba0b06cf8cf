package dev.flarec.hostabi.plasma;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PN-counter: per node, a grow-only total of increments and one of decrements; the value is the
 * sum of the first minus the sum of the second. Immutable.
 *
 * <p>{@link #merge} takes the per-node maximum of each total, which is commutative, associative and
 * idempotent because each total only grows. A node only changes its own totals. Totals never wrap,
 * which would break "only grows": an update is refused with {@link ArithmeticException} when the
 * value would leave the signed 64-bit range, or when the node's total of increments (or of
 * decrements) would pass {@code 2^63 - 1}. The second only bites after a node has moved its counter
 * by more than 2^63 in one direction over its whole life.
 *
 * @param increments per node id, the sum of its positive deltas (each ≥ 0)
 * @param decrements per node id, the sum of the magnitudes of its negative deltas (each ≥ 0)
 */
public record PnCounter(Map<String, Long> increments, Map<String, Long> decrements) {
  private static final PnCounter ZERO = new PnCounter(Map.of(), Map.of());

  public PnCounter {
    increments = Map.copyOf(increments);
    decrements = Map.copyOf(decrements);
    for (Map<String, Long> totals : List.of(increments, decrements)) {
      for (long total : totals.values()) {
        if (total < 0) {
          throw new IllegalArgumentException("PN-counter totals are never negative");
        }
      }
    }
  }

  /** The counter nobody has touched. */
  public static PnCounter zero() {
    return ZERO;
  }

  /** The counter's value, wrapping as 64-bit arithmetic does if merged replicas overshoot. */
  public long value() {
    long sum = 0;
    for (long v : increments.values()) {
      sum += v;
    }
    for (long v : decrements.values()) {
      sum -= v;
    }
    return sum;
  }

  /**
   * This counter after node {@code nodeId} added {@code delta} (which may be negative).
   *
   * @throws ArithmeticException if the value would leave the signed 64-bit range, or the node's
   *     total in that direction would pass {@code 2^63 - 1}
   */
  public PnCounter add(String nodeId, long delta) {
    Math.addExact(value(), delta);
    if (delta >= 0) {
      return new PnCounter(bump(increments, nodeId, delta), decrements);
    }
    return new PnCounter(increments, bump(decrements, nodeId, Math.negateExact(delta)));
  }

  private static Map<String, Long> bump(Map<String, Long> totals, String nodeId, long amount) {
    Map<String, Long> next = new HashMap<>(totals);
    next.put(nodeId, Math.addExact(totals.getOrDefault(nodeId, 0L), amount));
    return next;
  }

  /** The least counter that has seen everything this one and {@code other} have. */
  public PnCounter merge(PnCounter other) {
    return new PnCounter(max(increments, other.increments), max(decrements, other.decrements));
  }

  private static Map<String, Long> max(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> out = new TreeMap<>(a);
    b.forEach((node, total) -> out.merge(node, total, Math::max));
    return out;
  }
}
