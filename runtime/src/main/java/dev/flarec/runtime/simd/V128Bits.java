package dev.flarec.runtime.simd;

/**
 * The {@code v128} operations that treat the value as bits or move lanes around: bitwise logic,
 * splats, lane extraction and replacement, shuffles and swizzles. Compiled code calls these
 * statically; a lane index comes from the instruction and has been validated.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions">Wasm
 *     2.0 §4.4.3</a>
 */
public final class V128Bits {
  private V128Bits() {}

  /** {@code v128.not}. */
  public static V128 v128Not(V128 a) {
    return new V128(~a.lo, ~a.hi);
  }

  /** {@code v128.and}. */
  public static V128 v128And(V128 a, V128 b) {
    return new V128(a.lo & b.lo, a.hi & b.hi);
  }

  /** {@code v128.andnot}: {@code a & ~b}. */
  public static V128 v128Andnot(V128 a, V128 b) {
    return new V128(a.lo & ~b.lo, a.hi & ~b.hi);
  }

  /** {@code v128.or}. */
  public static V128 v128Or(V128 a, V128 b) {
    return new V128(a.lo | b.lo, a.hi | b.hi);
  }

  /** {@code v128.xor}. */
  public static V128 v128Xor(V128 a, V128 b) {
    return new V128(a.lo ^ b.lo, a.hi ^ b.hi);
  }

  /** {@code v128.bitselect}: bits of {@code a} where {@code mask} is set, else of {@code b}. */
  public static V128 v128Bitselect(V128 a, V128 b, V128 mask) {
    return new V128((a.lo & mask.lo) | (b.lo & ~mask.lo), (a.hi & mask.hi) | (b.hi & ~mask.hi));
  }

  /** {@code v128.any_true}. */
  public static int v128AnyTrue(V128 a) {
    return (a.lo | a.hi) != 0 ? 1 : 0;
  }

  // ---- splats ----

  /** {@code i8x16.splat}. */
  public static V128 i8x16Splat(int x) {
    long half = (x & 0xFFL) * 0x0101_0101_0101_0101L;
    return new V128(half, half);
  }

  /** {@code i16x8.splat}. */
  public static V128 i16x8Splat(int x) {
    long half = (x & 0xFFFFL) * 0x0001_0001_0001_0001L;
    return new V128(half, half);
  }

  /** {@code i32x4.splat}. */
  public static V128 i32x4Splat(int x) {
    long half = V128.pair(x, x);
    return new V128(half, half);
  }

  /** {@code i64x2.splat}. */
  public static V128 i64x2Splat(long x) {
    return new V128(x, x);
  }

  /** {@code f32x4.splat}. */
  public static V128 f32x4Splat(float x) {
    return i32x4Splat(Float.floatToRawIntBits(x));
  }

  /** {@code f64x2.splat}. */
  public static V128 f64x2Splat(double x) {
    return i64x2Splat(Double.doubleToRawLongBits(x));
  }

  // ---- lanes ----

  public static int i8x16ExtractLaneS(V128 a, int lane) {
    return a.i8(lane);
  }

  public static int i8x16ExtractLaneU(V128 a, int lane) {
    return a.i8(lane) & 0xFF;
  }

  public static int i16x8ExtractLaneS(V128 a, int lane) {
    return a.i16(lane);
  }

  public static int i16x8ExtractLaneU(V128 a, int lane) {
    return a.i16(lane) & 0xFFFF;
  }

  public static int i32x4ExtractLane(V128 a, int lane) {
    return a.i32(lane);
  }

  public static long i64x2ExtractLane(V128 a, int lane) {
    return a.i64(lane);
  }

  public static float f32x4ExtractLane(V128 a, int lane) {
    return a.f32(lane);
  }

  public static double f64x2ExtractLane(V128 a, int lane) {
    return a.f64(lane);
  }

  /** Replaces the {@code bits}-wide lane at bit {@code shift} of the 128 with {@code x}. */
  private static V128 replace(V128 a, long x, int bits, int shift) {
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    if (shift < 64) {
      return new V128((a.lo & ~(mask << shift)) | ((x & mask) << shift), a.hi);
    }
    int s = shift - 64;
    return new V128(a.lo, (a.hi & ~(mask << s)) | ((x & mask) << s));
  }

  public static V128 i8x16ReplaceLane(V128 a, int x, int lane) {
    return replace(a, x, 8, lane * 8);
  }

  public static V128 i16x8ReplaceLane(V128 a, int x, int lane) {
    return replace(a, x, 16, lane * 16);
  }

  public static V128 i32x4ReplaceLane(V128 a, int x, int lane) {
    return replace(a, x, 32, lane * 32);
  }

  public static V128 i64x2ReplaceLane(V128 a, long x, int lane) {
    return lane == 0 ? new V128(x, a.hi) : new V128(a.lo, x);
  }

  public static V128 f32x4ReplaceLane(V128 a, float x, int lane) {
    return replace(a, Float.floatToRawIntBits(x), 32, lane * 32);
  }

  public static V128 f64x2ReplaceLane(V128 a, double x, int lane) {
    return i64x2ReplaceLane(a, Double.doubleToRawLongBits(x), lane);
  }

  // ---- shuffles ----

  /**
   * {@code i8x16.shuffle}: byte {@code k} of the result is byte {@code index[k]} of {@code a}'s and
   * {@code b}'s 32 bytes; the 16 indices (each below 32) come as two little-endian halves.
   */
  public static V128 i8x16Shuffle(V128 a, V128 b, long indexLo, long indexHi) {
    return new V128(shuffleHalf(a, b, indexLo), shuffleHalf(a, b, indexHi));
  }

  private static long shuffleHalf(V128 a, V128 b, long indices) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int index = (int) (indices >>> s) & 0x1F;
      byte picked = index < 16 ? a.i8(index) : b.i8(index - 16);
      r |= (picked & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.swizzle}: byte {@code k} is byte {@code s[k]} of {@code a}, or 0 past 15. */
  public static V128 i8x16Swizzle(V128 a, V128 s) {
    return new V128(swizzleHalf(a, s.lo), swizzleHalf(a, s.hi));
  }

  private static long swizzleHalf(V128 a, long indices) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int index = (int) (indices >>> s) & 0xFF;
      if (index < 16) {
        r |= (a.i8(index) & 0xFFL) << s;
      }
    }
    return r;
  }

  // ---- one 64-bit half of a result from the same half of the operands, for compiled code ----

  public static long v128NotHalf(long a) {
    return ~a;
  }

  public static long v128AndHalf(long a, long b) {
    return a & b;
  }

  public static long v128AndnotHalf(long a, long b) {
    return a & ~b;
  }

  public static long v128OrHalf(long a, long b) {
    return a | b;
  }

  public static long v128XorHalf(long a, long b) {
    return a ^ b;
  }

  public static long v128BitselectHalf(long a, long b, long mask) {
    return (a & mask) | (b & ~mask);
  }

  public static long i8x16SplatHalf(int x) {
    return (x & 0xFFL) * 0x0101_0101_0101_0101L;
  }

  public static long i16x8SplatHalf(int x) {
    return (x & 0xFFFFL) * 0x0001_0001_0001_0001L;
  }

  public static long i32x4SplatHalf(int x) {
    return V128.pair(x, x);
  }

  public static long i64x2SplatHalf(long x) {
    return x;
  }

  public static long f32x4SplatHalf(float x) {
    int bits = Float.floatToRawIntBits(x);
    return V128.pair(bits, bits);
  }

  public static long f64x2SplatHalf(double x) {
    return Double.doubleToRawLongBits(x);
  }

  /** {@code v128.any_true} of a value given as its halves. */
  public static int v128AnyTrue(long lo, long hi) {
    return (lo | hi) != 0 ? 1 : 0;
  }

  // ---- lane extraction from a value given as its halves (the lane is a constant) ----

  public static int i8x16ExtractLaneS(long lo, long hi, int lane) {
    return (byte) ((lane < 8 ? lo : hi) >>> (lane << 3));
  }

  public static int i8x16ExtractLaneU(long lo, long hi, int lane) {
    return (int) ((lane < 8 ? lo : hi) >>> (lane << 3)) & 0xFF;
  }

  public static int i16x8ExtractLaneS(long lo, long hi, int lane) {
    return (short) ((lane < 4 ? lo : hi) >>> (lane << 4));
  }

  public static int i16x8ExtractLaneU(long lo, long hi, int lane) {
    return (int) ((lane < 4 ? lo : hi) >>> (lane << 4)) & 0xFFFF;
  }

  public static int i32x4ExtractLane(long lo, long hi, int lane) {
    return (int) ((lane < 2 ? lo : hi) >>> (lane << 5));
  }

  public static long i64x2ExtractLane(long lo, long hi, int lane) {
    return lane == 0 ? lo : hi;
  }

  public static float f32x4ExtractLane(long lo, long hi, int lane) {
    return Float.intBitsToFloat(i32x4ExtractLane(lo, hi, lane));
  }

  public static double f64x2ExtractLane(long lo, long hi, int lane) {
    return Double.longBitsToDouble(lane == 0 ? lo : hi);
  }
}
