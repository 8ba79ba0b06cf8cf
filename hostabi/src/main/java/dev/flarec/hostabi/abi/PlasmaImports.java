package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.guest.Guest;
import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.metrics.HostCall;
import dev.flarec.hostabi.plasma.PlasmaCode;
import dev.flarec.hostabi.plasma.PlasmaKeys;
import dev.flarec.hostabi.plasma.PlasmaStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * The Plasma host functions: the replicated CRDT key-value store, namespaced per site (for now the
 * flare's name), with last-writer-wins values and PN-counters in separate namespaces (flaron-abi.md
 * §3.5, decision 20).
 *
 * <p>Arguments are always read first, so a bad {@code (ptr, len)} traps (decision 11). Validation
 * happens before a budget is drawn from. Writes ({@code set}, {@code delete}, {@code increment},
 * {@code decrement}) need {@code writes_plasma_kv} and each counts as one of the invocation's KV
 * writes (decision 23).
 */
final class PlasmaImports {
  private static final Logger LOG = System.getLogger(PlasmaImports.class.getName());

  private final FlareContext context;

  PlasmaImports(FlareContext context) {
    this.context = context;
  }

  /**
   * Reads a key's value.
   *
   * <p>Parameters: {@code keyPtr}, {@code keyLen} — the key, UTF-8 bytes in guest memory.
   *
   * <p>Result: the packed {@code (ptr << 32) | len} of the value, or 0 when the key has no value
   * (never set, deleted, or only a counter — decision 20), when the value is empty (decision 10),
   * when the key is invalid, when Plasma is not configured, or when the guest's {@code alloc}
   * returns 0.
   *
   * <p>Written into guest memory: the raw value bytes, no prefix.
   *
   * <p>See flaron-abi.md §3.5, §8 decisions 10, 20.
   */
  @HostFunction("plasma_get")
  long plasmaGet(int keyPtr, int keyLen) {
    context.services().metrics().hostCall(HostCall.PLASMA);
    Guest guest = context.guest();
    byte[] rawKey = guest.read(keyPtr, keyLen);
    PlasmaStore plasma = context.services().plasma();
    Optional<String> key = PlasmaKeys.parse(rawKey);
    if (plasma == null || key.isEmpty()) {
      return 0;
    }
    return plasma.get(site(), key.get()).map(guest::write).orElse(0L);
  }

  /**
   * Sets a key's value; the last writer wins across replicas.
   *
   * <p>Parameters: {@code keyPtr}, {@code keyLen} — the key; {@code valPtr}, {@code valLen} — the
   * value bytes ({@code (0, 0)} for an empty value).
   *
   * <p>Result, an i32 code, checked in this order:
   *
   * <ul>
   *   <li>1 NotAvailable — Plasma is not configured on this node;
   *   <li>5 NoCapability — the flare is not configured {@code writes_plasma_kv};
   *   <li>4 BadKey — the key is empty, longer than 256 bytes, not UTF-8, has control characters or
   *       a reserved prefix ({@link PlasmaKeys});
   *   <li>3 TooLarge — the value is longer than {@code max_kv_value_bytes};
   *   <li>2 WriteLimit — the invocation has used its KV writes;
   *   <li>6 Internal — the store failed;
   *   <li>0 Ok — set.
   * </ul>
   *
   * <p>Written into guest memory: nothing.
   *
   * <p>See flaron-abi.md §3.5, §8 decision 23.
   */
  @HostFunction("plasma_set")
  int plasmaSet(int keyPtr, int keyLen, int valPtr, int valLen) {
    context.services().metrics().hostCall(HostCall.PLASMA);
    Guest guest = context.guest();
    byte[] rawKey = guest.read(keyPtr, keyLen);
    byte[] value = guest.read(valPtr, valLen);
    Invocation invocation = context.invocation();
    PlasmaCode refused = checkWrite(rawKey);
    if (refused != null) {
      return refused.wire();
    }
    if (value.length > invocation.config().limits().maxKvValueBytes()) {
      return PlasmaCode.TOO_LARGE.wire();
    }
    if (!invocation.limits().tryKvWrite()) {
      return PlasmaCode.WRITE_LIMIT.wire();
    }
    try {
      context.services().plasma().set(site(), PlasmaKeys.parse(rawKey).orElseThrow(), value);
      return PlasmaCode.OK.wire();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "plasma_set failed in flare " + flare().name(), e);
      return PlasmaCode.INTERNAL.wire();
    }
  }

  /**
   * Deletes a key's value (a tombstone, so the deletion replicates). Counters under the same key
   * are untouched (decision 20).
   *
   * <p>Parameters: {@code keyPtr}, {@code keyLen} — the key.
   *
   * <p>Result, an i32 code, checked in this order: 1 NotAvailable, 5 NoCapability, 4 BadKey, 2
   * WriteLimit (a delete counts as a write), 6 Internal, as for {@code plasma_set}; 0 Ok — deleted,
   * including when the key had no value.
   *
   * <p>Written into guest memory: nothing.
   *
   * <p>See flaron-abi.md §3.5, §8 decisions 20, 23.
   */
  @HostFunction("plasma_delete")
  int plasmaDelete(int keyPtr, int keyLen) {
    context.services().metrics().hostCall(HostCall.PLASMA);
    byte[] rawKey = context.guest().read(keyPtr, keyLen);
    PlasmaCode refused = checkWrite(rawKey);
    if (refused != null) {
      return refused.wire();
    }
    if (!context.invocation().limits().tryKvWrite()) {
      return PlasmaCode.WRITE_LIMIT.wire();
    }
    try {
      context.services().plasma().delete(site(), PlasmaKeys.parse(rawKey).orElseThrow());
      return PlasmaCode.OK.wire();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "plasma_delete failed in flare " + flare().name(), e);
      return PlasmaCode.INTERNAL.wire();
    }
  }

  /**
   * Adds to a counter (a missing counter starts at 0).
   *
   * <p>Parameters: {@code keyPtr}, {@code keyLen} — the counter's key; {@code delta} — the i64 to
   * add, may be negative.
   *
   * <p>Result: the packed {@code (ptr << 32) | len} of the new value, or 0 when Plasma is not
   * configured, the flare is not configured {@code writes_plasma_kv}, the key is invalid, the
   * invocation has used its KV writes, the value would leave the signed 64-bit range (the counter
   * is then unchanged; see {@link dev.flarec.hostabi.plasma.PnCounter} for the exact bound), or the
   * guest's {@code alloc} returns 0.
   *
   * <p>Written into guest memory: 8 bytes, the new value as a little-endian signed i64.
   *
   * <p>See flaron-abi.md §3.5, §4.5, §8 decisions 20, 23.
   */
  @HostFunction("plasma_increment")
  long plasmaIncrement(int keyPtr, int keyLen, long delta) {
    context.services().metrics().hostCall(HostCall.PLASMA);
    byte[] rawKey = context.guest().read(keyPtr, keyLen);
    return add(rawKey, delta);
  }

  /**
   * Subtracts from a counter (a missing counter starts at 0): {@code plasma_increment} with {@code
   * -delta}.
   *
   * <p>Parameters: {@code keyPtr}, {@code keyLen} — the counter's key; {@code delta} — the i64 to
   * subtract, may be negative.
   *
   * <p>Result: as for {@code plasma_increment}; also 0 for {@code delta = -2^63}, whose negation is
   * not an i64.
   *
   * <p>Written into guest memory: 8 bytes, the new value as a little-endian signed i64.
   *
   * <p>See flaron-abi.md §3.5, §4.5.
   */
  @HostFunction("plasma_decrement")
  long plasmaDecrement(int keyPtr, int keyLen, long delta) {
    context.services().metrics().hostCall(HostCall.PLASMA);
    byte[] rawKey = context.guest().read(keyPtr, keyLen);
    if (delta == Long.MIN_VALUE) {
      return 0;
    }
    return add(rawKey, -delta);
  }

  /**
   * Lists the site's keys that hold a value or a counter.
   *
   * <p>Parameters: none.
   *
   * <p>Result: the packed {@code (ptr << 32) | len} of the list, or 0 when Plasma is not configured
   * or the guest's {@code alloc} returns 0.
   *
   * <p>Written into guest memory: a compact UTF-8 JSON array of the keys, each once, in ascending
   * order, {@code ["x","y"]}; {@code []} when there are none.
   *
   * <p>See flaron-abi.md §3.5, §4.5, §8 decision 20.
   */
  @HostFunction("plasma_list")
  long plasmaList() {
    context.services().metrics().hostCall(HostCall.PLASMA);
    PlasmaStore plasma = context.services().plasma();
    if (plasma == null) {
      return 0;
    }
    List<String> keys = plasma.keys(site());
    return context.guest().write(JsonStringArrays.write(keys));
  }

  private long add(byte[] rawKey, long delta) {
    if (checkWrite(rawKey) != null || !context.invocation().limits().tryKvWrite()) {
      return 0;
    }
    long value;
    try {
      value =
          context.services().plasma().add(site(), PlasmaKeys.parse(rawKey).orElseThrow(), delta);
    } catch (ArithmeticException overflow) {
      return 0;
    }
    return context
        .guest()
        .write(
            ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
  }

  /** The refusal every write checks first (availability, capability, key), or null. */
  private PlasmaCode checkWrite(byte[] rawKey) {
    if (context.services().plasma() == null) {
      return PlasmaCode.NOT_AVAILABLE;
    }
    if (!flare().writesPlasmaKv()) {
      // logged, as denied secrets and fetches are
      LOG.log(
          Level.WARNING,
          "flare {0}: plasma write denied, the flare is not configured" + " writes_plasma_kv",
          flare().name());
      return PlasmaCode.NO_CAPABILITY;
    }
    if (PlasmaKeys.parse(rawKey).isEmpty()) {
      return PlasmaCode.BAD_KEY;
    }
    return null;
  }

  private FlareConfig flare() {
    return context.invocation().config();
  }

  /** The namespace of the invocation's data: the flare's name until sites are configured. */
  private String site() {
    return flare().name();
  }
}
