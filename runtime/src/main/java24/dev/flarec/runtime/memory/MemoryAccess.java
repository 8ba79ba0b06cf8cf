package dev.flarec.runtime.memory;

import java.util.Objects;

/**
 * {@code MemoryAccess} for Java 24 and later, loaded from the runtime JAR's {@code
 * META-INF/versions/24} in place of the one for Java 17 to 23, which uses {@code sun.misc.Unsafe}:
 * from 24 on {@code Unsafe}'s memory methods warn on first use (JEP 498) and are to be refused. The
 * same checked loads and stores, each a call of {@link VarHandleAccess}, through the little-endian
 * {@code VarHandle} views of {@link LittleEndian}. The two classes have the same methods, so
 * compiled code calls one {@code MemoryAccess} and the JVM picks the form; neither branches on the
 * choice, which would cost every access bytes that C2 counts when it inlines (see
 * docs/RATIONALE.md#why-memory-accesses-use-unsafe).
 */
public final class MemoryAccess {
  private MemoryAccess() {}

  /** As in the Java 17 form: the largest static offset the forms taking one accept. */
  public static final int MAX_OFFSET = Integer.MAX_VALUE - 16;

  // ---- for memories kept exactly as long as their size: the array's length is the check ----

  public static byte loadByte(int address, byte[] bytes) {
    return bytes[address];
  }

  public static short loadShort(int address, byte[] bytes) {
    return VarHandleAccess.loadShort(address, bytes);
  }

  public static int loadInt(int address, byte[] bytes) {
    return VarHandleAccess.loadInt(address, bytes);
  }

  public static long loadLong(int address, byte[] bytes) {
    return VarHandleAccess.loadLong(address, bytes);
  }

  public static float loadFloat(int address, byte[] bytes) {
    return VarHandleAccess.loadFloat(address, bytes);
  }

  public static double loadDouble(int address, byte[] bytes) {
    return VarHandleAccess.loadDouble(address, bytes);
  }

  public static void storeByte(int address, byte[] bytes, byte value) {
    bytes[address] = value;
  }

  public static void storeShort(int address, byte[] bytes, short value) {
    VarHandleAccess.storeShort(address, bytes, value);
  }

  public static void storeInt(int address, byte[] bytes, int value) {
    VarHandleAccess.storeInt(address, bytes, value);
  }

  public static void storeLong(int address, byte[] bytes, long value) {
    VarHandleAccess.storeLong(address, bytes, value);
  }

  public static void storeFloat(int address, byte[] bytes, float value) {
    VarHandleAccess.storeFloat(address, bytes, value);
  }

  public static void storeDouble(int address, byte[] bytes, double value) {
    VarHandleAccess.storeDouble(address, bytes, value);
  }

  // ---- for memories whose array may be longer than their size: checked against the size ----

  public static byte loadByte(int address, byte[] bytes, int size) {
    return bytes[Objects.checkIndex(address, size)];
  }

  public static short loadShort(int address, byte[] bytes, int size) {
    return VarHandleAccess.loadShort(address, bytes, size);
  }

  public static int loadInt(int address, byte[] bytes, int size) {
    return VarHandleAccess.loadInt(address, bytes, size);
  }

  public static long loadLong(int address, byte[] bytes, int size) {
    return VarHandleAccess.loadLong(address, bytes, size);
  }

  public static float loadFloat(int address, byte[] bytes, int size) {
    return VarHandleAccess.loadFloat(address, bytes, size);
  }

  public static double loadDouble(int address, byte[] bytes, int size) {
    return VarHandleAccess.loadDouble(address, bytes, size);
  }

  public static void storeByte(int address, byte[] bytes, int size, byte value) {
    bytes[Objects.checkIndex(address, size)] = value;
  }

  public static void storeShort(int address, byte[] bytes, int size, short value) {
    VarHandleAccess.storeShort(address, bytes, size, value);
  }

  public static void storeInt(int address, byte[] bytes, int size, int value) {
    VarHandleAccess.storeInt(address, bytes, size, value);
  }

  public static void storeLong(int address, byte[] bytes, int size, long value) {
    VarHandleAccess.storeLong(address, bytes, size, value);
  }

  public static void storeFloat(int address, byte[] bytes, int size, float value) {
    VarHandleAccess.storeFloat(address, bytes, size, value);
  }

  public static void storeDouble(int address, byte[] bytes, int size, double value) {
    VarHandleAccess.storeDouble(address, bytes, size, value);
  }

  // ---- the lanes of a 16-byte (v128) load read one by one: each lane checks the whole access, the
  // same check for every lane of one access (address and bound alike), which C2 commons into one
  // ----

  /** The 4 bytes at {@code address + offset} of the 16-byte access at {@code address}. */
  public static int loadIntOf16(int address, byte[] bytes, int offset) {
    return VarHandleAccess.loadIntOf16(address, bytes, bytes.length, offset);
  }

  public static int loadIntOf16(int address, byte[] bytes, int size, int offset) {
    return VarHandleAccess.loadIntOf16(address, bytes, size, offset);
  }

  /** The float at {@code address + offset} of the 16-byte access at {@code address}. */
  public static float loadFloatOf16(int address, byte[] bytes, int offset) {
    return VarHandleAccess.loadFloatOf16(address, bytes, bytes.length, offset);
  }

  public static float loadFloatOf16(int address, byte[] bytes, int size, int offset) {
    return VarHandleAccess.loadFloatOf16(address, bytes, size, offset);
  }

  // ---- the lanes of a 16-byte (v128) store written one by one, each checking the whole access
  // as the loads above do, so the first lane's check traps before anything is written ----

  /** Writes {@code value} to the 4 bytes at {@code address + offset} of a 16-byte access. */
  public static void storeIntOf16(int address, byte[] bytes, int offset, int value) {
    VarHandleAccess.storeIntOf16(address, bytes, bytes.length, offset, value);
  }

  public static void storeIntOf16(int address, byte[] bytes, int size, int offset, int value) {
    VarHandleAccess.storeIntOf16(address, bytes, size, offset, value);
  }

  public static void storeFloatOf16(int address, byte[] bytes, int offset, float value) {
    VarHandleAccess.storeFloatOf16(address, bytes, bytes.length, offset, value);
  }

  public static void storeFloatOf16(int address, byte[] bytes, int size, int offset, float value) {
    VarHandleAccess.storeFloatOf16(address, bytes, size, offset, value);
  }

  // ---- the same, with the access's static offset apart from its base (0 < offset <= MAX_OFFSET)
  // --
  // A base past 2 GiB arrives negative and fails the check.

  // The offset is added last so the operand stack stays within C1's inlining limit (4 slots).

  public static byte loadByte(int base, int offset, byte[] bytes, int size) {
    return bytes[Objects.checkIndex(base, size - offset) + offset];
  }

  public static short loadShort(int base, int offset, byte[] bytes, int size) {
    return VarHandleAccess.loadShort(base, offset, bytes, size);
  }

  public static int loadInt(int base, int offset, byte[] bytes, int size) {
    return VarHandleAccess.loadInt(base, offset, bytes, size);
  }

  public static long loadLong(int base, int offset, byte[] bytes, int size) {
    return VarHandleAccess.loadLong(base, offset, bytes, size);
  }

  public static float loadFloat(int base, int offset, byte[] bytes, int size) {
    return VarHandleAccess.loadFloat(base, offset, bytes, size);
  }

  public static double loadDouble(int base, int offset, byte[] bytes, int size) {
    return VarHandleAccess.loadDouble(base, offset, bytes, size);
  }

  // The value last, as in the Java 17 form (see there why).

  public static void storeLong(int base, int offset, byte[] bytes, int size, long value) {
    VarHandleAccess.storeLong(base, offset, bytes, size, value);
  }

  public static void storeDouble(int base, int offset, byte[] bytes, int size, double value) {
    VarHandleAccess.storeDouble(base, offset, bytes, size, value);
  }

  // ---- stores taking the value before the memory's array and size (see the Java 17 form) ----

  public static void storeByte(int address, byte value, byte[] bytes) {
    bytes[address] = value;
  }

  public static void storeByte(int address, byte value, byte[] bytes, int size) {
    bytes[Objects.checkIndex(address, size)] = value;
  }

  public static void storeByte(int base, byte value, int offset, byte[] bytes, int size) {
    bytes[Objects.checkIndex(base, size - offset) + offset] = value;
  }

  public static void storeShort(int address, short value, byte[] bytes) {
    VarHandleAccess.storeShort(address, bytes, value);
  }

  public static void storeShort(int address, short value, byte[] bytes, int size) {
    VarHandleAccess.storeShort(address, bytes, size, value);
  }

  public static void storeShort(int base, short value, int offset, byte[] bytes, int size) {
    VarHandleAccess.storeShort(base, offset, bytes, size, value);
  }

  public static void storeInt(int address, int value, byte[] bytes) {
    VarHandleAccess.storeInt(address, bytes, value);
  }

  public static void storeInt(int address, int value, byte[] bytes, int size) {
    VarHandleAccess.storeInt(address, bytes, size, value);
  }

  public static void storeInt(int base, int value, int offset, byte[] bytes, int size) {
    VarHandleAccess.storeInt(base, offset, bytes, size, value);
  }

  public static void storeLong(int address, long value, byte[] bytes) {
    VarHandleAccess.storeLong(address, bytes, value);
  }

  public static void storeLong(int address, long value, byte[] bytes, int size) {
    VarHandleAccess.storeLong(address, bytes, size, value);
  }

  public static void storeFloat(int address, float value, byte[] bytes) {
    VarHandleAccess.storeFloat(address, bytes, value);
  }

  public static void storeFloat(int address, float value, byte[] bytes, int size) {
    VarHandleAccess.storeFloat(address, bytes, size, value);
  }

  public static void storeFloat(int base, float value, int offset, byte[] bytes, int size) {
    VarHandleAccess.storeFloat(base, offset, bytes, size, value);
  }

  public static void storeDouble(int address, double value, byte[] bytes) {
    VarHandleAccess.storeDouble(address, bytes, value);
  }

  public static void storeDouble(int address, double value, byte[] bytes, int size) {
    VarHandleAccess.storeDouble(address, bytes, size, value);
  }

  // ---- accesses an earlier access on the same base proved in bounds (see the Java 17 form); the
  // VarHandle still checks against the array ----

  public static byte loadByteInBounds(int base, int offset, byte[] bytes) {
    return bytes[base + offset];
  }

  public static short loadShortInBounds(int base, int offset, byte[] bytes) {
    return VarHandleAccess.loadShort(base + offset, bytes);
  }

  public static int loadIntInBounds(int base, int offset, byte[] bytes) {
    return VarHandleAccess.loadInt(base + offset, bytes);
  }

  public static long loadLongInBounds(int base, int offset, byte[] bytes) {
    return VarHandleAccess.loadLong(base + offset, bytes);
  }

  public static float loadFloatInBounds(int base, int offset, byte[] bytes) {
    return VarHandleAccess.loadFloat(base + offset, bytes);
  }

  public static double loadDoubleInBounds(int base, int offset, byte[] bytes) {
    return VarHandleAccess.loadDouble(base + offset, bytes);
  }

  public static void storeByteInBounds(int base, byte value, int offset, byte[] bytes) {
    bytes[base + offset] = value;
  }

  public static void storeShortInBounds(int base, short value, int offset, byte[] bytes) {
    VarHandleAccess.storeShort(base + offset, bytes, value);
  }

  public static void storeIntInBounds(int base, int value, int offset, byte[] bytes) {
    VarHandleAccess.storeInt(base + offset, bytes, value);
  }

  public static void storeLongInBounds(int base, long value, int offset, byte[] bytes) {
    VarHandleAccess.storeLong(base + offset, bytes, value);
  }

  public static void storeFloatInBounds(int base, float value, int offset, byte[] bytes) {
    VarHandleAccess.storeFloat(base + offset, bytes, value);
  }

  public static void storeDoubleInBounds(int base, double value, int offset, byte[] bytes) {
    VarHandleAccess.storeDouble(base + offset, bytes, value);
  }
}
