package dev.flarec.hostabi.plasma;

/**
 * The Plasma result codes of flaron-abi.md §3.5, returned by {@code plasma_set} and {@code
 * plasma_delete}. The numbers are part of the ABI and never change.
 */
public enum PlasmaCode {
  OK(0),
  /** Plasma is not configured on this node. */
  NOT_AVAILABLE(1),
  /** Per-invocation write budget spent. */
  WRITE_LIMIT(2),
  /** Value larger than the flare's {@code max_kv_value_bytes}. */
  TOO_LARGE(3),
  /** The key breaks {@link PlasmaKeys}' rule. */
  BAD_KEY(4),
  /** The flare lacks {@code writes_plasma_kv}. */
  NO_CAPABILITY(5),
  /** The store failed. */
  INTERNAL(6);

  private final int wire;

  PlasmaCode(int wire) {
    this.wire = wire;
  }

  /** The number the guest sees. */
  public int wire() {
    return wire;
  }
}
