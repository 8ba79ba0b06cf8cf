package dev.flarec.runtime.memory;

/**
 * The loads and stores wider than a byte, as compiled code calls them: the effective address
 * and the memory's array on the stack, then (for a store) the value.
 *
 * <p>Each body is one access through {@link Memory}'s little-endian {@code VarHandle} views.
 * Calling these rather than the {@code VarHandle} inline makes cold code fast: the JVM compiles
 * these few shared methods after a few hundred calls from anywhere in the module, while an
 * inline {@code VarHandle} call site in a method that has not been compiled yet takes the
 * interpreter's slow method-handle path on every execution. C1 and C2 inline them, so the
 * steady state is the same single machine access with the JVM's own bounds check. See
 * docs/RATIONALE.md#why-memory-accesses-call-a-shared-helper.
 */
public final class MemoryAccess {
  private MemoryAccess() {}

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
}
