package dev.flarec.hostabi.plasma;

import java.util.Arrays;
import java.util.Objects;

/**
 * A last-writer-wins register: a value (or a tombstone, when deleted) and the {@link Stamp} of the
 * write that set it. Immutable.
 *
 * <p>{@link #merge} keeps the greater register in a total order: by stamp first; at an equal stamp
 * (which correct replicas never produce with different contents, since a stamp names its node) a
 * tombstone beats a value and a greater value (unsigned bytes) beats a smaller one. The order being
 * total is what makes merge commutative, associative and idempotent for any states, not just
 * well-formed ones.
 *
 * @param value the value, or null for a tombstone
 * @param stamp when and where it was written
 */
public record LwwRegister(byte[] value, Stamp stamp) {
  public LwwRegister {
    Objects.requireNonNull(stamp, "stamp");
    value = value == null ? null : value.clone();
  }

  /** A register holding {@code value}, written at {@code stamp}. */
  public static LwwRegister of(byte[] value, Stamp stamp) {
    return new LwwRegister(Objects.requireNonNull(value, "value"), stamp);
  }

  /** A deletion at {@code stamp}. */
  public static LwwRegister tombstone(Stamp stamp) {
    return new LwwRegister(null, stamp);
  }

  @Override
  public byte[] value() {
    return value == null ? null : value.clone();
  }

  public boolean isTombstone() {
    return value == null;
  }

  /** The winner of this register and {@code other}. */
  public LwwRegister merge(LwwRegister other) {
    return compareTo(other) >= 0 ? this : other;
  }

  private int compareTo(LwwRegister other) {
    int byStamp = stamp.compareTo(other.stamp);
    if (byStamp != 0) {
      return byStamp;
    }
    if (isTombstone() || other.isTombstone()) {
      return Boolean.compare(isTombstone(), other.isTombstone());
    }
    return Arrays.compareUnsigned(value, other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LwwRegister r && r.stamp.equals(stamp) && Arrays.equals(r.value, value);
  }

  @Override
  public int hashCode() {
    return stamp.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return isTombstone()
        ? "LwwRegister[tombstone @" + stamp + "]"
        : "LwwRegister[" + value.length + " bytes @" + stamp + "]";
  }
}
