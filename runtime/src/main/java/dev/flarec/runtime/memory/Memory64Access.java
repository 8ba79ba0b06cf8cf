package dev.flarec.runtime.memory;

import java.util.Objects;

/**
 * The loads and stores of compiled code on a 64-bit memory ({@link Memory64}): the effective
 * address (a {@code long}) and the memory on the stack, then (for a store) the value. Each checks
 * the access against the memory's size with {@link Objects#checkIndex(long, long)}, which C2 treats
 * as a range check, finds the chunk by the address's high bits and accesses it through the {@link
 * LittleEndian} views; an access that straddles two chunks takes the byte-by-byte path. The extra
 * cost over a 32-bit access, a shift, a mask, a load of the chunk and a compare, is measured in
 * docs/benchmarks.md.
 */
public final class Memory64Access {
  private Memory64Access() {}

  public static byte loadByte(long address, Memory64 m) {
    Objects.checkIndex(address, m.size);
    return m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)][(int) address & Memory64.CHUNK_MASK];
  }

  public static void storeByte(long address, Memory64 m, byte value) {
    Objects.checkIndex(address, m.size);
    m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)][(int) address & Memory64.CHUNK_MASK] = value;
  }

  public static short loadShort(long address, Memory64 m) {
    Objects.checkIndex(address, m.size - 1);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 2) {
      return (short)
          LittleEndian.SHORT.get(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset);
    }
    long v = m.getSlow(address, 2);
    return (short) v;
  }

  public static void storeShort(long address, Memory64 m, short value) {
    Objects.checkIndex(address, m.size - 1);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 2) {
      LittleEndian.SHORT.set(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset, value);
      return;
    }
    m.putSlow(address, 2, value);
  }

  public static int loadInt(long address, Memory64 m) {
    Objects.checkIndex(address, m.size - 3);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 4) {
      return (int) LittleEndian.INT.get(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset);
    }
    long v = m.getSlow(address, 4);
    return (int) v;
  }

  public static void storeInt(long address, Memory64 m, int value) {
    Objects.checkIndex(address, m.size - 3);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 4) {
      LittleEndian.INT.set(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset, value);
      return;
    }
    m.putSlow(address, 4, value);
  }

  public static long loadLong(long address, Memory64 m) {
    Objects.checkIndex(address, m.size - 7);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 8) {
      return (long)
          LittleEndian.LONG.get(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset);
    }
    long v = m.getSlow(address, 8);
    return v;
  }

  public static void storeLong(long address, Memory64 m, long value) {
    Objects.checkIndex(address, m.size - 7);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 8) {
      LittleEndian.LONG.set(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset, value);
      return;
    }
    m.putSlow(address, 8, value);
  }

  public static float loadFloat(long address, Memory64 m) {
    Objects.checkIndex(address, m.size - 3);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 4) {
      return (float)
          LittleEndian.FLOAT.get(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset);
    }
    long v = m.getSlow(address, 4);
    return Float.intBitsToFloat((int) v);
  }

  public static void storeFloat(long address, Memory64 m, float value) {
    Objects.checkIndex(address, m.size - 3);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 4) {
      LittleEndian.FLOAT.set(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset, value);
      return;
    }
    m.putSlow(address, 4, Float.floatToRawIntBits(value));
  }

  public static double loadDouble(long address, Memory64 m) {
    Objects.checkIndex(address, m.size - 7);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 8) {
      return (double)
          LittleEndian.DOUBLE.get(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset);
    }
    long v = m.getSlow(address, 8);
    return Double.longBitsToDouble(v);
  }

  public static void storeDouble(long address, Memory64 m, double value) {
    Objects.checkIndex(address, m.size - 7);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - 8) {
      LittleEndian.DOUBLE.set(m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)], offset, value);
      return;
    }
    m.putSlow(address, 8, Double.doubleToRawLongBits(value));
  }

  // ---- SIMD: the v128 helpers take an int index and an array; a 64-bit memory lends a window ----

  /** The longest access that goes through a window: a {@code v128}. */
  private static final int WIDEST_ACCESS = 16;

  /**
   * The array a SIMD access of {@code width} bytes at {@code address} goes through, after checking
   * the whole access against the memory's size (so that a trapping store writes nothing): the chunk
   * that holds all its bytes, or, for an access that straddles two chunks, a copy of its bytes,
   * which {@link #commitWindow} writes back after a store. {@link #windowIndex} says where in the
   * array the access starts.
   */
  public static byte[] window(long address, int width, Memory64 m) {
    Objects.checkFromIndexSize(address, width, m.size);
    int offset = (int) address & Memory64.CHUNK_MASK;
    if (offset <= Memory64.CHUNK_SIZE - width) {
      return m.chunks[(int) (address >>> Memory64.CHUNK_SHIFT)];
    }
    byte[] copy = new byte[width];
    for (int i = 0; i < width; i++) {
      copy[i] = m.get(address + i);
    }
    return copy;
  }

  /**
   * Where the access at {@code address} starts in its {@link #window}: a copy starts at 0, a chunk
   * (never shorter than a page, as the memory is at least a page once an access fits) at the low
   * bits of the address.
   */
  public static int windowIndex(long address, byte[] window) {
    return window.length <= WIDEST_ACCESS ? 0 : (int) address & Memory64.CHUNK_MASK;
  }

  /** After a SIMD store through {@code window}: writes a copy back; a chunk is already written. */
  public static void commitWindow(long address, byte[] window, Memory64 m) {
    if (window.length <= WIDEST_ACCESS) {
      for (int i = 0; i < window.length; i++) {
        m.put(address + i, window[i]);
      }
    }
  }
}
