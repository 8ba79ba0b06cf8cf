package dev.flarec.runtime.memory;

import java.util.Objects;

/**
 * {@code MemoryAccess} for Java 24 and later, loaded from the runtime JAR's {@code
 * META-INF/versions/24} in place of the one for Java 17 to 23, which uses {@code sun.misc.Unsafe}:
 * from 24 on {@code Unsafe}'s memory methods warn on first use (JEP 498) and are to be refused. The
 * same checked loads and stores, through the little-endian {@code VarHandle} views of {@link
 * LittleEndian} (bytes by the array's own index), which check against the array once more. The two
 * classes have the same methods, so compiled code calls one {@code MemoryAccess} and the JVM picks
 * the form; neither branches on the choice, which would cost every access bytes that C2 counts when
 * it inlines (see docs/RATIONALE.md#why-memory-accesses-use-unsafe).
 *
 * <p>No method fits C1's limit on a callee's stack ({@code C1InlineStackLimit}), so C1 code calls
 * the method's C2 code rather than inlining the {@code VarHandle}'s code and its profiling at every
 * access, as it calls the Java 17 form's (docs/RATIONALE.md#why-c1-code-calls-the-memory-helpers).
 * The checked forms of two bytes and more need the stack for their operands; the others (bytes,
 * memories checked against the array, accesses proved in bounds) do their index arithmetic in
 * {@code long}s, whose wider operands take them past the limit. Memories checked against the array
 * leave the check to the array access or the {@code VarHandle}: a check of our own before it, on
 * the same bound, was a second compare in C2's code (the {@code sha256} kernel 17% slower on Java
 * 25), not one C2 folds into the other.
 */
public final class MemoryAccess {
  private MemoryAccess() {}

  /** As in the Java 17 form: the largest static offset the forms taking one accept. */
  public static final int MAX_OFFSET = Integer.MAX_VALUE - 16;

  // ---- for memories kept exactly as long as their size: the array's length is the check, made
  // by the array access or the VarHandle alone; the address goes through a long local only to
  // take the method past C1's stack limit (C2 folds the conversions) ----

  public static byte loadByte(int address, byte[] bytes) {
    long index = address;
    return bytes[(int) index];
  }

  public static short loadShort(int address, byte[] bytes) {
    long index = address;
    return (short) LittleEndian.SHORT.get(bytes, (int) index);
  }

  public static int loadInt(int address, byte[] bytes) {
    long index = address;
    return (int) LittleEndian.INT.get(bytes, (int) index);
  }

  public static long loadLong(int address, byte[] bytes) {
    long index = address;
    return (long) LittleEndian.LONG.get(bytes, (int) index);
  }

  public static float loadFloat(int address, byte[] bytes) {
    long index = address;
    return (float) LittleEndian.FLOAT.get(bytes, (int) index);
  }

  public static double loadDouble(int address, byte[] bytes) {
    long index = address;
    return (double) LittleEndian.DOUBLE.get(bytes, (int) index);
  }

  public static void storeByte(int address, byte[] bytes, byte value) {
    long index = address;
    bytes[(int) index] = value;
  }

  public static void storeShort(int address, byte[] bytes, short value) {
    long index = address;
    LittleEndian.SHORT.set(bytes, (int) index, value);
  }

  public static void storeInt(int address, byte[] bytes, int value) {
    long index = address;
    LittleEndian.INT.set(bytes, (int) index, value);
  }

  public static void storeLong(int address, byte[] bytes, long value) {
    long index = address;
    LittleEndian.LONG.set(bytes, (int) index, value);
  }

  public static void storeFloat(int address, byte[] bytes, float value) {
    long index = address;
    LittleEndian.FLOAT.set(bytes, (int) index, value);
  }

  public static void storeDouble(int address, byte[] bytes, double value) {
    long index = address;
    LittleEndian.DOUBLE.set(bytes, (int) index, value);
  }

  // ---- for memories whose array may be longer than their size: checked against the size ----

  public static byte loadByte(int address, byte[] bytes, int size) {
    return bytes[(int) Objects.checkIndex((long) address, (long) size)];
  }

  public static short loadShort(int address, byte[] bytes, int size) {
    return (short) LittleEndian.SHORT.get(bytes, Objects.checkIndex(address, size - 1));
  }

  public static int loadInt(int address, byte[] bytes, int size) {
    return (int) LittleEndian.INT.get(bytes, Objects.checkIndex(address, size - 3));
  }

  public static long loadLong(int address, byte[] bytes, int size) {
    return (long) LittleEndian.LONG.get(bytes, Objects.checkIndex(address, size - 7));
  }

  public static float loadFloat(int address, byte[] bytes, int size) {
    return (float) LittleEndian.FLOAT.get(bytes, Objects.checkIndex(address, size - 3));
  }

  public static double loadDouble(int address, byte[] bytes, int size) {
    return (double) LittleEndian.DOUBLE.get(bytes, Objects.checkIndex(address, size - 7));
  }

  public static void storeByte(int address, byte[] bytes, int size, byte value) {
    bytes[(int) Objects.checkIndex((long) address, (long) size)] = value;
  }

  public static void storeShort(int address, byte[] bytes, int size, short value) {
    LittleEndian.SHORT.set(bytes, Objects.checkIndex(address, size - 1), value);
  }

  public static void storeInt(int address, byte[] bytes, int size, int value) {
    LittleEndian.INT.set(bytes, Objects.checkIndex(address, size - 3), value);
  }

  public static void storeLong(int address, byte[] bytes, int size, long value) {
    LittleEndian.LONG.set(bytes, Objects.checkIndex(address, size - 7), value);
  }

  public static void storeFloat(int address, byte[] bytes, int size, float value) {
    LittleEndian.FLOAT.set(bytes, Objects.checkIndex(address, size - 3), value);
  }

  public static void storeDouble(int address, byte[] bytes, int size, double value) {
    LittleEndian.DOUBLE.set(bytes, Objects.checkIndex(address, size - 7), value);
  }

  // ---- the lanes of a 16-byte (v128) load read one by one: each lane checks the whole access, the
  // same check for every lane of one access (address and bound alike), which C2 commons into one
  // ----

  /** The 4 bytes at {@code address + offset} of the 16-byte access at {@code address}. */
  public static int loadIntOf16(int address, byte[] bytes, int offset) {
    return (int)
        LittleEndian.INT.get(bytes, Objects.checkIndex(address, bytes.length - 15) + offset);
  }

  public static int loadIntOf16(int address, byte[] bytes, int size, int offset) {
    return (int) LittleEndian.INT.get(bytes, Objects.checkIndex(address, size - 15) + offset);
  }

  /** The float at {@code address + offset} of the 16-byte access at {@code address}. */
  public static float loadFloatOf16(int address, byte[] bytes, int offset) {
    return (float)
        LittleEndian.FLOAT.get(bytes, Objects.checkIndex(address, bytes.length - 15) + offset);
  }

  public static float loadFloatOf16(int address, byte[] bytes, int size, int offset) {
    return (float) LittleEndian.FLOAT.get(bytes, Objects.checkIndex(address, size - 15) + offset);
  }

  // ---- the lanes of a 16-byte (v128) store written one by one, each checking the whole access
  // as the loads above do, so the first lane's check traps before anything is written ----

  /** Writes {@code value} to the 4 bytes at {@code address + offset} of a 16-byte access. */
  public static void storeIntOf16(int address, byte[] bytes, int offset, int value) {
    LittleEndian.INT.set(bytes, Objects.checkIndex(address, bytes.length - 15) + offset, value);
  }

  public static void storeIntOf16(int address, byte[] bytes, int size, int offset, int value) {
    LittleEndian.INT.set(bytes, Objects.checkIndex(address, size - 15) + offset, value);
  }

  public static void storeFloatOf16(int address, byte[] bytes, int offset, float value) {
    LittleEndian.FLOAT.set(bytes, Objects.checkIndex(address, bytes.length - 15) + offset, value);
  }

  public static void storeFloatOf16(int address, byte[] bytes, int size, int offset, float value) {
    LittleEndian.FLOAT.set(bytes, Objects.checkIndex(address, size - 15) + offset, value);
  }

  // ---- the same, with the access's static offset apart from its base (0 < offset <= MAX_OFFSET)
  // --
  // A base past 2 GiB arrives negative and fails the check.

  public static byte loadByte(int base, int offset, byte[] bytes, int size) {
    return bytes[(int) Objects.checkIndex((long) base, (long) size - offset) + offset];
  }

  public static short loadShort(int base, int offset, byte[] bytes, int size) {
    return (short)
        LittleEndian.SHORT.get(bytes, Objects.checkIndex(base, size - (1 + offset)) + offset);
  }

  public static int loadInt(int base, int offset, byte[] bytes, int size) {
    return (int)
        LittleEndian.INT.get(bytes, Objects.checkIndex(base, size - (3 + offset)) + offset);
  }

  public static long loadLong(int base, int offset, byte[] bytes, int size) {
    return (long)
        LittleEndian.LONG.get(bytes, Objects.checkIndex(base, size - (7 + offset)) + offset);
  }

  public static float loadFloat(int base, int offset, byte[] bytes, int size) {
    return (float)
        LittleEndian.FLOAT.get(bytes, Objects.checkIndex(base, size - (3 + offset)) + offset);
  }

  public static double loadDouble(int base, int offset, byte[] bytes, int size) {
    return (double)
        LittleEndian.DOUBLE.get(bytes, Objects.checkIndex(base, size - (7 + offset)) + offset);
  }

  // The value last, as in the Java 17 form (see there why).

  public static void storeLong(int base, int offset, byte[] bytes, int size, long value) {
    LittleEndian.LONG.set(bytes, Objects.checkIndex(base, size - (7 + offset)) + offset, value);
  }

  public static void storeDouble(int base, int offset, byte[] bytes, int size, double value) {
    LittleEndian.DOUBLE.set(bytes, Objects.checkIndex(base, size - (7 + offset)) + offset, value);
  }

  // ---- stores taking the value before the memory's array and size (see the Java 17 form) ----

  public static void storeByte(int address, byte value, byte[] bytes) {
    long index = address;
    bytes[(int) index] = value;
  }

  public static void storeByte(int address, byte value, byte[] bytes, int size) {
    bytes[(int) Objects.checkIndex((long) address, (long) size)] = value;
  }

  public static void storeByte(int base, byte value, int offset, byte[] bytes, int size) {
    bytes[(int) Objects.checkIndex((long) base, (long) size - offset) + offset] = value;
  }

  public static void storeShort(int address, short value, byte[] bytes) {
    long index = address;
    LittleEndian.SHORT.set(bytes, (int) index, value);
  }

  public static void storeShort(int address, short value, byte[] bytes, int size) {
    LittleEndian.SHORT.set(bytes, Objects.checkIndex(address, size - 1), value);
  }

  public static void storeShort(int base, short value, int offset, byte[] bytes, int size) {
    LittleEndian.SHORT.set(bytes, Objects.checkIndex(base, size - (1 + offset)) + offset, value);
  }

  public static void storeInt(int address, int value, byte[] bytes) {
    long index = address;
    LittleEndian.INT.set(bytes, (int) index, value);
  }

  public static void storeInt(int address, int value, byte[] bytes, int size) {
    LittleEndian.INT.set(bytes, Objects.checkIndex(address, size - 3), value);
  }

  public static void storeInt(int base, int value, int offset, byte[] bytes, int size) {
    LittleEndian.INT.set(bytes, Objects.checkIndex(base, size - (3 + offset)) + offset, value);
  }

  public static void storeLong(int address, long value, byte[] bytes) {
    long index = address;
    LittleEndian.LONG.set(bytes, (int) index, value);
  }

  public static void storeLong(int address, long value, byte[] bytes, int size) {
    LittleEndian.LONG.set(bytes, Objects.checkIndex(address, size - 7), value);
  }

  public static void storeFloat(int address, float value, byte[] bytes) {
    long index = address;
    LittleEndian.FLOAT.set(bytes, (int) index, value);
  }

  public static void storeFloat(int address, float value, byte[] bytes, int size) {
    LittleEndian.FLOAT.set(bytes, Objects.checkIndex(address, size - 3), value);
  }

  public static void storeFloat(int base, float value, int offset, byte[] bytes, int size) {
    LittleEndian.FLOAT.set(bytes, Objects.checkIndex(base, size - (3 + offset)) + offset, value);
  }

  public static void storeDouble(int address, double value, byte[] bytes) {
    long index = address;
    LittleEndian.DOUBLE.set(bytes, (int) index, value);
  }

  public static void storeDouble(int address, double value, byte[] bytes, int size) {
    LittleEndian.DOUBLE.set(bytes, Objects.checkIndex(address, size - 7), value);
  }

  // ---- accesses an earlier access on the same base proved in bounds (see the Java 17 form); the
  // VarHandle still checks against the array ----

  public static byte loadByteInBounds(int base, int offset, byte[] bytes) {
    return bytes[(int) ((long) base + offset)];
  }

  public static short loadShortInBounds(int base, int offset, byte[] bytes) {
    return (short) LittleEndian.SHORT.get(bytes, (int) ((long) base + offset));
  }

  public static int loadIntInBounds(int base, int offset, byte[] bytes) {
    return (int) LittleEndian.INT.get(bytes, (int) ((long) base + offset));
  }

  public static long loadLongInBounds(int base, int offset, byte[] bytes) {
    return (long) LittleEndian.LONG.get(bytes, (int) ((long) base + offset));
  }

  public static float loadFloatInBounds(int base, int offset, byte[] bytes) {
    return (float) LittleEndian.FLOAT.get(bytes, (int) ((long) base + offset));
  }

  public static double loadDoubleInBounds(int base, int offset, byte[] bytes) {
    return (double) LittleEndian.DOUBLE.get(bytes, (int) ((long) base + offset));
  }

  public static void storeByteInBounds(int base, byte value, int offset, byte[] bytes) {
    bytes[(int) ((long) base + offset)] = value;
  }

  public static void storeShortInBounds(int base, short value, int offset, byte[] bytes) {
    LittleEndian.SHORT.set(bytes, (int) ((long) base + offset), value);
  }

  public static void storeIntInBounds(int base, int value, int offset, byte[] bytes) {
    LittleEndian.INT.set(bytes, (int) ((long) base + offset), value);
  }

  public static void storeLongInBounds(int base, long value, int offset, byte[] bytes) {
    LittleEndian.LONG.set(bytes, (int) ((long) base + offset), value);
  }

  public static void storeFloatInBounds(int base, float value, int offset, byte[] bytes) {
    LittleEndian.FLOAT.set(bytes, (int) ((long) base + offset), value);
  }

  public static void storeDoubleInBounds(int base, double value, int offset, byte[] bytes) {
    LittleEndian.DOUBLE.set(bytes, (int) ((long) base + offset), value);
  }
}
