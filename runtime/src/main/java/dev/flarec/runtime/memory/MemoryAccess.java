package dev.flarec.runtime.memory;

import java.util.Objects;

/**
 * The loads and stores of compiled code: the effective address, the memory's array and its size in
 * bytes on the stack, then (for a store) the value.
 *
 * <p>Modules that grow memory call the forms that take the size: each body checks the access
 * against the memory's size, then makes it through {@link Memory}'s little-endian {@code VarHandle}
 * views (or the array itself, for bytes). Modules that never grow memory keep it exactly sized
 * ({@link Memory#keepExact}) and call the forms without it, where the array's own bounds check is
 * the memory's. The check is {@link Objects#checkIndex}, which C2 treats as a range check like an
 * array's own: hoisted out of loops, and merged with the array's. The array may be longer than the
 * memory (see {@link Memory}), so its own bounds check alone would not do. An address past 2 GiB
 * arrives negative and fails the same check.
 *
 * <p>Calling these rather than a {@code VarHandle} inline makes cold code fast: the JVM compiles
 * these few shared methods after a few hundred calls from anywhere in the module, while an inline
 * {@code VarHandle} call site in a method that has not been compiled yet takes the interpreter's
 * slow method-handle path on every execution. C1 and C2 inline them, so the steady state is one
 * compare and one machine access. See docs/RATIONALE.md#why-memory-accesses-call-a-shared-helper.
 */
public final class MemoryAccess {
  private MemoryAccess() {}

  // ---- for memories kept exactly as long as their size: the JVM's bounds check is the check ----

  public static byte loadByte(int address, byte[] bytes) {
    return bytes[address];
  }

  public static short loadShort(int address, byte[] bytes) {
    return (short) Memory.SHORT.get(bytes, address);
  }

  public static int loadInt(int address, byte[] bytes) {
    return (int) Memory.INT.get(bytes, address);
  }

  public static long loadLong(int address, byte[] bytes) {
    return (long) Memory.LONG.get(bytes, address);
  }

  public static float loadFloat(int address, byte[] bytes) {
    return (float) Memory.FLOAT.get(bytes, address);
  }

  public static double loadDouble(int address, byte[] bytes) {
    return (double) Memory.DOUBLE.get(bytes, address);
  }

  public static void storeByte(int address, byte[] bytes, byte value) {
    bytes[address] = value;
  }

  public static void storeShort(int address, byte[] bytes, short value) {
    Memory.SHORT.set(bytes, address, value);
  }

  public static void storeInt(int address, byte[] bytes, int value) {
    Memory.INT.set(bytes, address, value);
  }

  public static void storeLong(int address, byte[] bytes, long value) {
    Memory.LONG.set(bytes, address, value);
  }

  public static void storeFloat(int address, byte[] bytes, float value) {
    Memory.FLOAT.set(bytes, address, value);
  }

  public static void storeDouble(int address, byte[] bytes, double value) {
    Memory.DOUBLE.set(bytes, address, value);
  }

  // ---- for memories whose array may be longer than their size: checked against the size ----

  public static byte loadByte(int address, byte[] bytes, int size) {
    return bytes[Objects.checkIndex(address, size)];
  }

  public static short loadShort(int address, byte[] bytes, int size) {
    Objects.checkIndex(address, size - 1);
    return (short) Memory.SHORT.get(bytes, address);
  }

  public static int loadInt(int address, byte[] bytes, int size) {
    Objects.checkIndex(address, size - 3);
    return (int) Memory.INT.get(bytes, address);
  }

  public static long loadLong(int address, byte[] bytes, int size) {
    Objects.checkIndex(address, size - 7);
    return (long) Memory.LONG.get(bytes, address);
  }

  public static float loadFloat(int address, byte[] bytes, int size) {
    Objects.checkIndex(address, size - 3);
    return (float) Memory.FLOAT.get(bytes, address);
  }

  public static double loadDouble(int address, byte[] bytes, int size) {
    Objects.checkIndex(address, size - 7);
    return (double) Memory.DOUBLE.get(bytes, address);
  }

  public static void storeByte(int address, byte[] bytes, int size, byte value) {
    bytes[Objects.checkIndex(address, size)] = value;
  }

  public static void storeShort(int address, byte[] bytes, int size, short value) {
    Objects.checkIndex(address, size - 1);
    Memory.SHORT.set(bytes, address, value);
  }

  public static void storeInt(int address, byte[] bytes, int size, int value) {
    Objects.checkIndex(address, size - 3);
    Memory.INT.set(bytes, address, value);
  }

  public static void storeLong(int address, byte[] bytes, int size, long value) {
    Objects.checkIndex(address, size - 7);
    Memory.LONG.set(bytes, address, value);
  }

  public static void storeFloat(int address, byte[] bytes, int size, float value) {
    Objects.checkIndex(address, size - 3);
    Memory.FLOAT.set(bytes, address, value);
  }

  public static void storeDouble(int address, byte[] bytes, int size, double value) {
    Objects.checkIndex(address, size - 7);
    Memory.DOUBLE.set(bytes, address, value);
  }
}
