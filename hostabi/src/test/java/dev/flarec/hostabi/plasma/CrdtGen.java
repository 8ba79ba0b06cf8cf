package dev.flarec.hostabi.plasma;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random CRDT states over deliberately tiny universes (3 nodes, 4 keys, stamps from a handful of
 * instants), so that generated states collide often: equal stamps, equal keys, tombstones against
 * values. Including states real replicas never produce (one stamp, two values) keeps the laws
 * honest for any input.
 */
final class CrdtGen {
  static final List<String> NODES = List.of("node-a", "node-b", "node-c");
  static final List<String> KEYS = List.of("k1", "k2", "k3", "k4");

  private final Random random;

  CrdtGen(long seed) {
    this.random = new Random(seed);
  }

  Stamp stamp() {
    return new Stamp(random.nextInt(3), random.nextInt(2), pick(NODES));
  }

  LwwRegister register() {
    if (random.nextInt(4) == 0) {
      return LwwRegister.tombstone(stamp());
    }
    byte[] value = new byte[random.nextInt(3)];
    random.nextBytes(value);
    return LwwRegister.of(value, stamp());
  }

  PnCounter counter() {
    return new PnCounter(totals(), totals());
  }

  private Map<String, Long> totals() {
    Map<String, Long> m = new HashMap<>();
    for (String node : NODES) {
      if (random.nextBoolean()) {
        m.put(node, (long) random.nextInt(5));
      }
    }
    return m;
  }

  PlasmaState state() {
    Map<String, LwwRegister> registers = new HashMap<>();
    Map<String, PnCounter> counters = new HashMap<>();
    for (String key : KEYS) {
      if (random.nextBoolean()) {
        registers.put(key, register());
      }
      if (random.nextBoolean()) {
        counters.put(key, counter());
      }
    }
    return new PlasmaState(registers, counters);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
