package dev.flarec.runtime.simd;

/**
 * The relaxed SIMD instructions of WebAssembly 3.0 that have no 2.0 instruction as their chosen
 * behaviour: the fused-or-not multiply-adds and the dot products whose second operand may or may
 * not be signed. flarec picks one behaviour for each and keeps it on every machine (see
 * docs/RATIONALE.md, "Why does relaxed SIMD behave the same everywhere?"): multiply-adds round
 * twice, as a separate multiply and add do; the dot products read both operands as signed bytes and
 * wrap their 16-bit sums. The other relaxed instructions are 2.0 instructions' helpers.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#relaxed">Wasm 3.0
 *     §4.3.4</a>
 */
public final class RelaxedLanes {
  private RelaxedLanes() {}

  /** {@code f32x4.relaxed_madd}: {@code a * b + c}, rounded after the multiply and the add. */
  public static V128 f32x4RelaxedMadd(V128 a, V128 b, V128 c) {
    return new V128(f32x4Madd(a.lo, b.lo, c.lo, false), f32x4Madd(a.hi, b.hi, c.hi, false));
  }

  /** {@code f32x4.relaxed_nmadd}: {@code -(a * b) + c}, rounded twice. */
  public static V128 f32x4RelaxedNmadd(V128 a, V128 b, V128 c) {
    return new V128(f32x4Madd(a.lo, b.lo, c.lo, true), f32x4Madd(a.hi, b.hi, c.hi, true));
  }

  private static long f32x4Madd(long a, long b, long c, boolean negate) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      float z = Float.intBitsToFloat((int) (c >>> s));
      float product = x * y;
      float sum = (negate ? -product : product) + z;
      r |= (Float.floatToRawIntBits(sum) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f64x2.relaxed_madd}: {@code a * b + c}, rounded after the multiply and the add. */
  public static V128 f64x2RelaxedMadd(V128 a, V128 b, V128 c) {
    return new V128(f64Madd(a.lo, b.lo, c.lo, false), f64Madd(a.hi, b.hi, c.hi, false));
  }

  /** {@code f64x2.relaxed_nmadd}: {@code -(a * b) + c}, rounded twice. */
  public static V128 f64x2RelaxedNmadd(V128 a, V128 b, V128 c) {
    return new V128(f64Madd(a.lo, b.lo, c.lo, true), f64Madd(a.hi, b.hi, c.hi, true));
  }

  private static long f64Madd(long a, long b, long c, boolean negate) {
    double product = Double.longBitsToDouble(a) * Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits((negate ? -product : product) + Double.longBitsToDouble(c));
  }

  /**
   * {@code i16x8.relaxed_dot_i8x16_i7x16_s}: each 16-bit lane is the sum of the products of two
   * adjacent byte pairs, all bytes signed, wrapped to 16 bits.
   */
  public static V128 i16x8RelaxedDotI8x16I7x16S(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      lo |= (pairDot(a, b, i) & 0xFFFFL) << (i * 16);
      hi |= (pairDot(a, b, i + 4) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /**
   * {@code i32x4.relaxed_dot_i8x16_i7x16_add_s}: the 16-bit lanes of {@link
   * #i16x8RelaxedDotI8x16I7x16S}, added pairwise as signed values into 32-bit lanes, plus {@code
   * c}'s lanes (wrapping).
   */
  public static V128 i32x4RelaxedDotI8x16I7x16AddS(V128 a, V128 b, V128 c) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      int low = (short) pairDot(a, b, 2 * i) + (short) pairDot(a, b, 2 * i + 1) + c.i32(i);
      int high = (short) pairDot(a, b, 2 * j) + (short) pairDot(a, b, 2 * j + 1) + c.i32(j);
      lo |= (low & 0xFFFF_FFFFL) << (i * 32);
      hi |= (high & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** Bytes {@code 2k} and {@code 2k+1} of a and b multiplied as signed values and added. */
  private static int pairDot(V128 a, V128 b, int k) {
    return a.i8(2 * k) * b.i8(2 * k) + a.i8(2 * k + 1) * b.i8(2 * k + 1);
  }
}
