package dev.flarec.runtime.memory;

import java.util.Objects;

/**
 * {@link MemoryAccess}'s loads and stores through the little-endian {@code VarHandle} views of
 * {@link LittleEndian}, for JVMs where it does not use {@code Unsafe}. The forms that take the size
 * check against it; the {@code VarHandle} checks against the array.
 */
final class VarHandleAccess {
  private VarHandleAccess() {}

  static short loadShort(int address, byte[] bytes) {
    return (short) LittleEndian.SHORT.get(bytes, address);
  }

  static void storeShort(int address, byte[] bytes, short value) {
    LittleEndian.SHORT.set(bytes, address, value);
  }

  static int loadInt(int address, byte[] bytes) {
    return (int) LittleEndian.INT.get(bytes, address);
  }

  static void storeInt(int address, byte[] bytes, int value) {
    LittleEndian.INT.set(bytes, address, value);
  }

  static long loadLong(int address, byte[] bytes) {
    return (long) LittleEndian.LONG.get(bytes, address);
  }

  static void storeLong(int address, byte[] bytes, long value) {
    LittleEndian.LONG.set(bytes, address, value);
  }

  static float loadFloat(int address, byte[] bytes) {
    return (float) LittleEndian.FLOAT.get(bytes, address);
  }

  static void storeFloat(int address, byte[] bytes, float value) {
    LittleEndian.FLOAT.set(bytes, address, value);
  }

  static double loadDouble(int address, byte[] bytes) {
    return (double) LittleEndian.DOUBLE.get(bytes, address);
  }

  static void storeDouble(int address, byte[] bytes, double value) {
    LittleEndian.DOUBLE.set(bytes, address, value);
  }

  static short loadShort(int address, byte[] bytes, int size) {
    return (short) LittleEndian.SHORT.get(bytes, Objects.checkIndex(address, size - 1));
  }

  static void storeShort(int address, byte[] bytes, int size, short value) {
    LittleEndian.SHORT.set(bytes, Objects.checkIndex(address, size - 1), value);
  }

  static int loadInt(int address, byte[] bytes, int size) {
    return (int) LittleEndian.INT.get(bytes, Objects.checkIndex(address, size - 3));
  }

  static void storeInt(int address, byte[] bytes, int size, int value) {
    LittleEndian.INT.set(bytes, Objects.checkIndex(address, size - 3), value);
  }

  static long loadLong(int address, byte[] bytes, int size) {
    return (long) LittleEndian.LONG.get(bytes, Objects.checkIndex(address, size - 7));
  }

  static void storeLong(int address, byte[] bytes, int size, long value) {
    LittleEndian.LONG.set(bytes, Objects.checkIndex(address, size - 7), value);
  }

  static float loadFloat(int address, byte[] bytes, int size) {
    return (float) LittleEndian.FLOAT.get(bytes, Objects.checkIndex(address, size - 3));
  }

  static void storeFloat(int address, byte[] bytes, int size, float value) {
    LittleEndian.FLOAT.set(bytes, Objects.checkIndex(address, size - 3), value);
  }

  static double loadDouble(int address, byte[] bytes, int size) {
    return (double) LittleEndian.DOUBLE.get(bytes, Objects.checkIndex(address, size - 7));
  }

  static void storeDouble(int address, byte[] bytes, int size, double value) {
    LittleEndian.DOUBLE.set(bytes, Objects.checkIndex(address, size - 7), value);
  }

  /**
   * The 4 bytes at {@code address + offset} of the 16-byte access at {@code address}, checked
   * against {@code limit} (the memory's size) whole.
   */
  static int loadIntOf16(int address, byte[] bytes, int limit, int offset) {
    return (int) LittleEndian.INT.get(bytes, Objects.checkIndex(address, limit - 15) + offset);
  }

  static float loadFloatOf16(int address, byte[] bytes, int limit, int offset) {
    return (float) LittleEndian.FLOAT.get(bytes, Objects.checkIndex(address, limit - 15) + offset);
  }

  static void storeIntOf16(int address, byte[] bytes, int limit, int offset, int value) {
    LittleEndian.INT.set(bytes, Objects.checkIndex(address, limit - 15) + offset, value);
  }

  static void storeFloatOf16(int address, byte[] bytes, int limit, int offset, float value) {
    LittleEndian.FLOAT.set(bytes, Objects.checkIndex(address, limit - 15) + offset, value);
  }

  // ---- with the static offset apart: MemoryAccess's forms that take one ----

  static short loadShort(int base, int offset, byte[] bytes, int size) {
    return loadShort(Memory.effectiveAddress(base, offset), bytes, size);
  }

  static void storeShort(int base, int offset, byte[] bytes, int size, short value) {
    storeShort(Memory.effectiveAddress(base, offset), bytes, size, value);
  }

  static int loadInt(int base, int offset, byte[] bytes, int size) {
    return loadInt(Memory.effectiveAddress(base, offset), bytes, size);
  }

  static void storeInt(int base, int offset, byte[] bytes, int size, int value) {
    storeInt(Memory.effectiveAddress(base, offset), bytes, size, value);
  }

  static long loadLong(int base, int offset, byte[] bytes, int size) {
    return loadLong(Memory.effectiveAddress(base, offset), bytes, size);
  }

  static void storeLong(int base, int offset, byte[] bytes, int size, long value) {
    storeLong(Memory.effectiveAddress(base, offset), bytes, size, value);
  }

  static float loadFloat(int base, int offset, byte[] bytes, int size) {
    return loadFloat(Memory.effectiveAddress(base, offset), bytes, size);
  }

  static void storeFloat(int base, int offset, byte[] bytes, int size, float value) {
    storeFloat(Memory.effectiveAddress(base, offset), bytes, size, value);
  }

  static double loadDouble(int base, int offset, byte[] bytes, int size) {
    return loadDouble(Memory.effectiveAddress(base, offset), bytes, size);
  }

  static void storeDouble(int base, int offset, byte[] bytes, int size, double value) {
    storeDouble(Memory.effectiveAddress(base, offset), bytes, size, value);
  }
}
