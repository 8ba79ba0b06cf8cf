package dev.flarec.hostabi.plasma;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * One site's whole Plasma state as replicas exchange it: its registers (values and tombstones) and
 * its counters, in two separate namespaces (decision 20). Immutable.
 *
 * <p>{@link #merge} is the key-wise merge of the two maps, so it inherits commutativity,
 * associativity and idempotence from {@link LwwRegister#merge} and {@link PnCounter#merge}: a
 * state-based CRDT (a join semilattice).
 *
 * @param registers value registers by key
 * @param counters counters by key
 */
public record PlasmaState(Map<String, LwwRegister> registers, Map<String, PnCounter> counters) {
  private static final PlasmaState EMPTY = new PlasmaState(Map.of(), Map.of());

  public PlasmaState {
    registers = Map.copyOf(registers);
    counters = Map.copyOf(counters);
  }

  public static PlasmaState empty() {
    return EMPTY;
  }

  /** The state that has seen everything this one and {@code other} have. */
  public PlasmaState merge(PlasmaState other) {
    return new PlasmaState(
        mergeMaps(registers, other.registers, LwwRegister::merge),
        mergeMaps(counters, other.counters, PnCounter::merge));
  }

  private static <V> Map<String, V> mergeMaps(
      Map<String, V> a, Map<String, V> b, BinaryOperator<V> merge) {
    Map<String, V> out = new TreeMap<>(a);
    b.forEach((key, value) -> out.merge(key, value, merge));
    return out;
  }
}
