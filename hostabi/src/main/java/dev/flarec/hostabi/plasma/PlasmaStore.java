package dev.flarec.hostabi.plasma;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This node's replica of every site's Plasma state (flaron-abi.md §3.5). Thread-safe: every pooled
 * instance uses it at once.
 *
 * <p>Local operations are CRDT updates: {@code set} and {@code delete} write a register stamped by
 * this node's {@link HybridClock} (so they beat anything the node has seen), {@code add} bumps this
 * node's own counter totals. {@link #state} and {@link #merge} are the two operations replication
 * needs; merging a remote state advances the clock past its stamps.
 *
 * <p>A counter and a value may share a key: they are separate namespaces (decision 20), so {@link
 * #get} never sees counters and {@link #delete} never touches them; {@link #keys} lists both.
 * Counters cannot be deleted: a PN-counter has no deletion that commutes with concurrent
 * increments.
 */
public final class PlasmaStore {
  /**
   * Told of every change, after it is made and before the operation returns: the journal writes it
   * down, the cluster sends local changes to the other nodes.
   */
  @FunctionalInterface
  public interface Changes {
    /**
     * {@code delta} holds the changed entries of {@code site}, each as it now stands (merging it
     * anywhere is safe); {@code local} is true for this node's own writes, false for merges.
     */
    void changed(String site, PlasmaState delta, boolean local);
  }

  private final HybridClock clock;
  private final ConcurrentMap<String, Replica> sites = new ConcurrentHashMap<>();
  private volatile Changes changes = (site, delta, local) -> {};

  /** A store for node {@code nodeId}, on the system clock. */
  public PlasmaStore(String nodeId) {
    this(nodeId, Clock.systemUTC());
  }

  public PlasmaStore(String nodeId, Clock clock) {
    this.clock = new HybridClock(nodeId, clock);
  }

  public String nodeId() {
    return clock.nodeId();
  }

  /** Sends every later change to {@code changes} (replacing any earlier listener). */
  public void listen(Changes changes) {
    this.changes = changes;
  }

  /** The value under {@code key} in {@code site}, unless missing or deleted. */
  public Optional<byte[]> get(String site, String key) {
    LwwRegister r = existing(site).registers.get(key);
    return r == null || r.isTombstone() ? Optional.empty() : Optional.of(r.value());
  }

  /** Sets {@code key} in {@code site} to {@code value} (last writer wins). */
  public void set(String site, String key, byte[] value) {
    write(site, key, LwwRegister.of(value, clock.next()));
  }

  /** Deletes {@code key}'s value in {@code site} (a tombstone, so the deletion replicates). */
  public void delete(String site, String key) {
    write(site, key, LwwRegister.tombstone(clock.next()));
  }

  private void write(String site, String key, LwwRegister register) {
    LwwRegister now = replica(site).registers.merge(key, register, LwwRegister::merge);
    changes.changed(site, new PlasmaState(Map.of(key, now), Map.of()), true);
  }

  /**
   * Adds {@code delta} (may be negative) to counter {@code key} in {@code site}; a missing counter
   * starts at 0.
   *
   * @return the counter's new value
   * @throws ArithmeticException if the value would leave the signed 64-bit range (or this node's
   *     lifetime total in that direction would pass 2^63 - 1, see {@link PnCounter}); the counter
   *     is then unchanged
   */
  public long add(String site, String key, long delta) {
    PnCounter next =
        replica(site)
            .counters
            .compute(key, (k, c) -> (c == null ? PnCounter.zero() : c).add(nodeId(), delta));
    changes.changed(site, new PlasmaState(Map.of(), Map.of(key, next)), true);
    return next.value();
  }

  /** The current value of counter {@code key} in {@code site} (0 if never touched). */
  public long counter(String site, String key) {
    PnCounter c = existing(site).counters.get(key);
    return c == null ? 0 : c.value();
  }

  /** Keys with a live value or a counter in {@code site}, each once, in ascending order. */
  public List<String> keys(String site) {
    Replica r = existing(site);
    Set<String> keys = new TreeSet<>(r.counters.keySet());
    r.registers.forEach(
        (key, register) -> {
          if (!register.isTombstone()) {
            keys.add(key);
          }
        });
    return new ArrayList<>(keys);
  }

  /** Sites this replica holds state for. */
  public Set<String> sites() {
    return Set.copyOf(sites.keySet());
  }

  /** A snapshot of {@code site}'s state, for replication. */
  public PlasmaState state(String site) {
    Replica r = existing(site);
    return new PlasmaState(Map.copyOf(r.registers), Map.copyOf(r.counters));
  }

  /**
   * Merges a state received from another replica (or read back from disk) into {@code site}; the
   * entries it changed go to the {@link Changes} listener as one non-local delta.
   */
  public void merge(String site, PlasmaState remote) {
    Replica r = replica(site);
    Map<String, LwwRegister> changedRegisters = new TreeMap<>();
    Map<String, PnCounter> changedCounters = new TreeMap<>();
    remote
        .registers()
        .forEach(
            (key, register) -> {
              clock.observe(register.stamp());
              LwwRegister[] before = new LwwRegister[1];
              LwwRegister after =
                  r.registers.compute(
                      key,
                      (k, old) -> {
                        before[0] = old;
                        return old == null ? register : old.merge(register);
                      });
              if (!after.equals(before[0])) {
                changedRegisters.put(key, after);
              }
            });
    remote
        .counters()
        .forEach(
            (key, counter) -> {
              PnCounter[] before = new PnCounter[1];
              PnCounter after =
                  r.counters.compute(
                      key,
                      (k, old) -> {
                        before[0] = old;
                        return old == null ? counter : old.merge(counter);
                      });
              if (!after.equals(before[0])) {
                changedCounters.put(key, after);
              }
            });
    if (!changedRegisters.isEmpty() || !changedCounters.isEmpty()) {
      changes.changed(site, new PlasmaState(changedRegisters, changedCounters), false);
    }
  }

  private Replica replica(String site) {
    return sites.computeIfAbsent(site, s -> new Replica());
  }

  /** For reads: does not create the site, so reading never makes a site appear in sites(). */
  private Replica existing(String site) {
    Replica r = sites.get(site);
    return r == null ? EMPTY : r;
  }

  private static final Replica EMPTY = new Replica();

  /** One site's live state: each entry is replaced atomically by its merged successor. */
  private static final class Replica {
    final ConcurrentMap<String, LwwRegister> registers = new ConcurrentHashMap<>();
    final ConcurrentMap<String, PnCounter> counters = new ConcurrentHashMap<>();
  }
}
