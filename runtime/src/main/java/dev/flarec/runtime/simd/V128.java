package dev.flarec.runtime.simd;

import java.util.Locale;

/**
 * A WebAssembly {@code v128} value: 128 bits as two {@code long}s, {@link #lo} holding bytes 0 to 7
 * (lane 0 in its low bits) and {@link #hi} bytes 8 to 15, the memory order of a Wasm store.
 *
 * <p>Immutable, so one instance can be shared freely. Compiled code keeps a {@code v128} as its two
 * longs between SIMD instructions and boxes it into this class only where another consumer needs an
 * object (calls, globals, control flow; see
 * docs/RATIONALE.md#why-a-v128-is-an-immutable-pair-of-longs). This is also the Java form of a
 * {@code v128} across the embedding boundary: exports return it, imports receive it, and {@link
 * #toString()} writes it as the text format does ({@code i32x4 1 2 3 4}).
 */
public final class V128 {
  /** All bits clear: a fresh local's value. */
  public static final V128 ZERO = new V128(0, 0);

  /** Bytes 0 to 7, little-endian. */
  public final long lo;

  /** Bytes 8 to 15, little-endian. */
  public final long hi;

  public V128(long lo, long hi) {
    this.lo = lo;
    this.hi = hi;
  }

  // ---- lanes (a lane index past the shape's last lane is the caller's error) ----

  public byte i8(int lane) {
    return (byte) ((lane < 8 ? lo : hi) >>> (lane << 3));
  }

  public short i16(int lane) {
    return (short) ((lane < 4 ? lo : hi) >>> (lane << 4));
  }

  public int i32(int lane) {
    return (int) ((lane < 2 ? lo : hi) >>> (lane << 5));
  }

  public long i64(int lane) {
    return lane == 0 ? lo : hi;
  }

  public float f32(int lane) {
    return Float.intBitsToFloat(i32(lane));
  }

  public double f64(int lane) {
    return Double.longBitsToDouble(i64(lane));
  }

  // ---- construction from lanes ----

  public static V128 ofI8(byte... lanes) {
    checkCount(lanes.length, 16);
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 8; i++) {
      lo |= (lanes[i] & 0xFFL) << (i * 8);
      hi |= (lanes[i + 8] & 0xFFL) << (i * 8);
    }
    return new V128(lo, hi);
  }

  public static V128 ofI16(short... lanes) {
    checkCount(lanes.length, 8);
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      lo |= (lanes[i] & 0xFFFFL) << (i * 16);
      hi |= (lanes[i + 4] & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  public static V128 ofI32(int... lanes) {
    checkCount(lanes.length, 4);
    return new V128(pair(lanes[0], lanes[1]), pair(lanes[2], lanes[3]));
  }

  public static V128 ofI64(long... lanes) {
    checkCount(lanes.length, 2);
    return new V128(lanes[0], lanes[1]);
  }

  public static V128 ofF32(float... lanes) {
    checkCount(lanes.length, 4);
    int[] bits = new int[4];
    for (int i = 0; i < 4; i++) {
      bits[i] = Float.floatToRawIntBits(lanes[i]);
    }
    return ofI32(bits);
  }

  public static V128 ofF64(double... lanes) {
    checkCount(lanes.length, 2);
    return new V128(Double.doubleToRawLongBits(lanes[0]), Double.doubleToRawLongBits(lanes[1]));
  }

  /** Two 32-bit lanes as one half: {@code low} in the low bits. */
  static long pair(int low, int high) {
    return (low & 0xFFFF_FFFFL) | ((long) high << 32);
  }

  private static void checkCount(int count, int expected) {
    if (count != expected) {
      throw new IllegalArgumentException("expected " + expected + " lanes, got " + count);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof V128 v && v.lo == lo && v.hi == hi;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(lo) * 31 + Long.hashCode(hi);
  }

  /** The value as the text format writes a constant of four i32 lanes: {@code i32x4 1 2 3 4}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "i32x4 0x%08x 0x%08x 0x%08x 0x%08x", i32(0), i32(1), i32(2), i32(3));
  }
}
