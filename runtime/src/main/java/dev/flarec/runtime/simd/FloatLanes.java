package dev.flarec.runtime.simd;

import dev.flarec.runtime.numeric.F32Ops;
import dev.flarec.runtime.numeric.F64Ops;
import dev.flarec.runtime.numeric.I32Ops;

/**
 * The floating-point lane operations of {@code v128} and the conversions between float and integer
 * lanes. Each lane follows the scalar instruction of the same name (so the NaN rules of {@link
 * F32Ops} and {@link F64Ops} hold per lane); {@code abs} and {@code neg} only touch sign bits,
 * keeping NaN payloads; comparisons give an all-ones lane for true.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Wasm 2.0 §4.3</a>
 */
public final class FloatLanes {
  private FloatLanes() {}

  /** {@code f32x4.eq}. */
  public static V128 f32x4Eq(V128 a, V128 b) {
    return new V128(f32x4EqHalf(a.lo, b.lo), f32x4EqHalf(a.hi, b.hi));
  }

  public static long f32x4EqHalf(long a, long b) {
    return f32x4Eq((int) a, (int) b) | f32x4Eq((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Eq(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (x == y ? 0xFFFF_FFFFL : 0L);
  }

  /** {@code f32x4.ne}. */
  public static V128 f32x4Ne(V128 a, V128 b) {
    return new V128(f32x4NeHalf(a.lo, b.lo), f32x4NeHalf(a.hi, b.hi));
  }

  public static long f32x4NeHalf(long a, long b) {
    return f32x4Ne((int) a, (int) b) | f32x4Ne((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Ne(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (x != y ? 0xFFFF_FFFFL : 0L);
  }

  /** {@code f32x4.lt}. */
  public static V128 f32x4Lt(V128 a, V128 b) {
    return new V128(f32x4LtHalf(a.lo, b.lo), f32x4LtHalf(a.hi, b.hi));
  }

  public static long f32x4LtHalf(long a, long b) {
    return f32x4Lt((int) a, (int) b) | f32x4Lt((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Lt(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (x < y ? 0xFFFF_FFFFL : 0L);
  }

  /** {@code f32x4.gt}. */
  public static V128 f32x4Gt(V128 a, V128 b) {
    return new V128(f32x4GtHalf(a.lo, b.lo), f32x4GtHalf(a.hi, b.hi));
  }

  public static long f32x4GtHalf(long a, long b) {
    return f32x4Gt((int) a, (int) b) | f32x4Gt((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Gt(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (x > y ? 0xFFFF_FFFFL : 0L);
  }

  /** {@code f32x4.le}. */
  public static V128 f32x4Le(V128 a, V128 b) {
    return new V128(f32x4LeHalf(a.lo, b.lo), f32x4LeHalf(a.hi, b.hi));
  }

  public static long f32x4LeHalf(long a, long b) {
    return f32x4Le((int) a, (int) b) | f32x4Le((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Le(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (x <= y ? 0xFFFF_FFFFL : 0L);
  }

  /** {@code f32x4.ge}. */
  public static V128 f32x4Ge(V128 a, V128 b) {
    return new V128(f32x4GeHalf(a.lo, b.lo), f32x4GeHalf(a.hi, b.hi));
  }

  public static long f32x4GeHalf(long a, long b) {
    return f32x4Ge((int) a, (int) b) | f32x4Ge((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Ge(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (x >= y ? 0xFFFF_FFFFL : 0L);
  }

  /** {@code f32x4.sqrt}. */
  public static V128 f32x4Sqrt(V128 a) {
    return new V128(f32x4SqrtHalf(a.lo), f32x4SqrtHalf(a.hi));
  }

  public static long f32x4SqrtHalf(long a) {
    return f32x4Sqrt((int) a) | f32x4Sqrt((int) (a >>> 32)) << 32;
  }

  private static long f32x4Sqrt(int a) {
    float x = Float.intBitsToFloat(a);
    return (Float.floatToRawIntBits(F32Ops.sqrt(x)) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.ceil}. */
  public static V128 f32x4Ceil(V128 a) {
    return new V128(f32x4CeilHalf(a.lo), f32x4CeilHalf(a.hi));
  }

  public static long f32x4CeilHalf(long a) {
    return f32x4Ceil((int) a) | f32x4Ceil((int) (a >>> 32)) << 32;
  }

  private static long f32x4Ceil(int a) {
    float x = Float.intBitsToFloat(a);
    return (Float.floatToRawIntBits(F32Ops.ceil(x)) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.floor}. */
  public static V128 f32x4Floor(V128 a) {
    return new V128(f32x4FloorHalf(a.lo), f32x4FloorHalf(a.hi));
  }

  public static long f32x4FloorHalf(long a) {
    return f32x4Floor((int) a) | f32x4Floor((int) (a >>> 32)) << 32;
  }

  private static long f32x4Floor(int a) {
    float x = Float.intBitsToFloat(a);
    return (Float.floatToRawIntBits(F32Ops.floor(x)) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.trunc}. */
  public static V128 f32x4Trunc(V128 a) {
    return new V128(f32x4TruncHalf(a.lo), f32x4TruncHalf(a.hi));
  }

  public static long f32x4TruncHalf(long a) {
    return f32x4Trunc((int) a) | f32x4Trunc((int) (a >>> 32)) << 32;
  }

  private static long f32x4Trunc(int a) {
    float x = Float.intBitsToFloat(a);
    return (Float.floatToRawIntBits(F32Ops.trunc(x)) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.nearest}. */
  public static V128 f32x4Nearest(V128 a) {
    return new V128(f32x4NearestHalf(a.lo), f32x4NearestHalf(a.hi));
  }

  public static long f32x4NearestHalf(long a) {
    return f32x4Nearest((int) a) | f32x4Nearest((int) (a >>> 32)) << 32;
  }

  private static long f32x4Nearest(int a) {
    float x = Float.intBitsToFloat(a);
    return (Float.floatToRawIntBits(F32Ops.nearest(x)) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.add}. */
  public static V128 f32x4Add(V128 a, V128 b) {
    return new V128(f32x4AddHalf(a.lo, b.lo), f32x4AddHalf(a.hi, b.hi));
  }

  public static long f32x4AddHalf(long a, long b) {
    return f32x4Add((int) a, (int) b) | f32x4Add((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Add(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (Float.floatToRawIntBits(x + y) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.sub}. */
  public static V128 f32x4Sub(V128 a, V128 b) {
    return new V128(f32x4SubHalf(a.lo, b.lo), f32x4SubHalf(a.hi, b.hi));
  }

  public static long f32x4SubHalf(long a, long b) {
    return f32x4Sub((int) a, (int) b) | f32x4Sub((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Sub(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (Float.floatToRawIntBits(x - y) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.mul}. */
  public static V128 f32x4Mul(V128 a, V128 b) {
    return new V128(f32x4MulHalf(a.lo, b.lo), f32x4MulHalf(a.hi, b.hi));
  }

  public static long f32x4MulHalf(long a, long b) {
    return f32x4Mul((int) a, (int) b) | f32x4Mul((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Mul(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (Float.floatToRawIntBits(x * y) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.div}. */
  public static V128 f32x4Div(V128 a, V128 b) {
    return new V128(f32x4DivHalf(a.lo, b.lo), f32x4DivHalf(a.hi, b.hi));
  }

  public static long f32x4DivHalf(long a, long b) {
    return f32x4Div((int) a, (int) b) | f32x4Div((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Div(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (Float.floatToRawIntBits(x / y) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.min}. */
  public static V128 f32x4Min(V128 a, V128 b) {
    return new V128(f32x4MinHalf(a.lo, b.lo), f32x4MinHalf(a.hi, b.hi));
  }

  public static long f32x4MinHalf(long a, long b) {
    return f32x4Min((int) a, (int) b) | f32x4Min((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Min(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (Float.floatToRawIntBits(F32Ops.min(x, y)) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.max}. */
  public static V128 f32x4Max(V128 a, V128 b) {
    return new V128(f32x4MaxHalf(a.lo, b.lo), f32x4MaxHalf(a.hi, b.hi));
  }

  public static long f32x4MaxHalf(long a, long b) {
    return f32x4Max((int) a, (int) b) | f32x4Max((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Max(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (Float.floatToRawIntBits(F32Ops.max(x, y)) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.pmin}. */
  public static V128 f32x4Pmin(V128 a, V128 b) {
    return new V128(f32x4PminHalf(a.lo, b.lo), f32x4PminHalf(a.hi, b.hi));
  }

  public static long f32x4PminHalf(long a, long b) {
    return f32x4Pmin((int) a, (int) b) | f32x4Pmin((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Pmin(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (Float.floatToRawIntBits(y < x ? y : x) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.pmax}. */
  public static V128 f32x4Pmax(V128 a, V128 b) {
    return new V128(f32x4PmaxHalf(a.lo, b.lo), f32x4PmaxHalf(a.hi, b.hi));
  }

  public static long f32x4PmaxHalf(long a, long b) {
    return f32x4Pmax((int) a, (int) b) | f32x4Pmax((int) (a >>> 32), (int) (b >>> 32)) << 32;
  }

  private static long f32x4Pmax(int a, int b) {
    float x = Float.intBitsToFloat(a);
    float y = Float.intBitsToFloat(b);
    return (Float.floatToRawIntBits(x < y ? y : x) & 0xFFFF_FFFFL);
  }

  /** {@code f64x2.eq}. */
  public static V128 f64x2Eq(V128 a, V128 b) {
    return new V128(f64x2EqHalf(a.lo, b.lo), f64x2EqHalf(a.hi, b.hi));
  }

  public static long f64x2EqHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x == y ? -1L : 0L);
  }

  /** {@code f64x2.ne}. */
  public static V128 f64x2Ne(V128 a, V128 b) {
    return new V128(f64x2NeHalf(a.lo, b.lo), f64x2NeHalf(a.hi, b.hi));
  }

  public static long f64x2NeHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x != y ? -1L : 0L);
  }

  /** {@code f64x2.lt}. */
  public static V128 f64x2Lt(V128 a, V128 b) {
    return new V128(f64x2LtHalf(a.lo, b.lo), f64x2LtHalf(a.hi, b.hi));
  }

  public static long f64x2LtHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x < y ? -1L : 0L);
  }

  /** {@code f64x2.gt}. */
  public static V128 f64x2Gt(V128 a, V128 b) {
    return new V128(f64x2GtHalf(a.lo, b.lo), f64x2GtHalf(a.hi, b.hi));
  }

  public static long f64x2GtHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x > y ? -1L : 0L);
  }

  /** {@code f64x2.le}. */
  public static V128 f64x2Le(V128 a, V128 b) {
    return new V128(f64x2LeHalf(a.lo, b.lo), f64x2LeHalf(a.hi, b.hi));
  }

  public static long f64x2LeHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x <= y ? -1L : 0L);
  }

  /** {@code f64x2.ge}. */
  public static V128 f64x2Ge(V128 a, V128 b) {
    return new V128(f64x2GeHalf(a.lo, b.lo), f64x2GeHalf(a.hi, b.hi));
  }

  public static long f64x2GeHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x >= y ? -1L : 0L);
  }

  /** {@code f64x2.sqrt}. */
  public static V128 f64x2Sqrt(V128 a) {
    return new V128(f64x2SqrtHalf(a.lo), f64x2SqrtHalf(a.hi));
  }

  public static long f64x2SqrtHalf(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.sqrt(x));
  }

  /** {@code f64x2.ceil}. */
  public static V128 f64x2Ceil(V128 a) {
    return new V128(f64x2CeilHalf(a.lo), f64x2CeilHalf(a.hi));
  }

  public static long f64x2CeilHalf(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.ceil(x));
  }

  /** {@code f64x2.floor}. */
  public static V128 f64x2Floor(V128 a) {
    return new V128(f64x2FloorHalf(a.lo), f64x2FloorHalf(a.hi));
  }

  public static long f64x2FloorHalf(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.floor(x));
  }

  /** {@code f64x2.trunc}. */
  public static V128 f64x2Trunc(V128 a) {
    return new V128(f64x2TruncHalf(a.lo), f64x2TruncHalf(a.hi));
  }

  public static long f64x2TruncHalf(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.trunc(x));
  }

  /** {@code f64x2.nearest}. */
  public static V128 f64x2Nearest(V128 a) {
    return new V128(f64x2NearestHalf(a.lo), f64x2NearestHalf(a.hi));
  }

  public static long f64x2NearestHalf(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.nearest(x));
  }

  /** {@code f64x2.add}. */
  public static V128 f64x2Add(V128 a, V128 b) {
    return new V128(f64x2AddHalf(a.lo, b.lo), f64x2AddHalf(a.hi, b.hi));
  }

  public static long f64x2AddHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(x + y);
  }

  /** {@code f64x2.sub}. */
  public static V128 f64x2Sub(V128 a, V128 b) {
    return new V128(f64x2SubHalf(a.lo, b.lo), f64x2SubHalf(a.hi, b.hi));
  }

  public static long f64x2SubHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(x - y);
  }

  /** {@code f64x2.mul}. */
  public static V128 f64x2Mul(V128 a, V128 b) {
    return new V128(f64x2MulHalf(a.lo, b.lo), f64x2MulHalf(a.hi, b.hi));
  }

  public static long f64x2MulHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(x * y);
  }

  /** {@code f64x2.div}. */
  public static V128 f64x2Div(V128 a, V128 b) {
    return new V128(f64x2DivHalf(a.lo, b.lo), f64x2DivHalf(a.hi, b.hi));
  }

  public static long f64x2DivHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(x / y);
  }

  /** {@code f64x2.min}. */
  public static V128 f64x2Min(V128 a, V128 b) {
    return new V128(f64x2MinHalf(a.lo, b.lo), f64x2MinHalf(a.hi, b.hi));
  }

  public static long f64x2MinHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(F64Ops.min(x, y));
  }

  /** {@code f64x2.max}. */
  public static V128 f64x2Max(V128 a, V128 b) {
    return new V128(f64x2MaxHalf(a.lo, b.lo), f64x2MaxHalf(a.hi, b.hi));
  }

  public static long f64x2MaxHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(F64Ops.max(x, y));
  }

  /** {@code f64x2.pmin}. */
  public static V128 f64x2Pmin(V128 a, V128 b) {
    return new V128(f64x2PminHalf(a.lo, b.lo), f64x2PminHalf(a.hi, b.hi));
  }

  public static long f64x2PminHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(y < x ? y : x);
  }

  /** {@code f64x2.pmax}. */
  public static V128 f64x2Pmax(V128 a, V128 b) {
    return new V128(f64x2PmaxHalf(a.lo, b.lo), f64x2PmaxHalf(a.hi, b.hi));
  }

  public static long f64x2PmaxHalf(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(x < y ? y : x);
  }

  /** {@code f32x4.abs}: clears each sign bit, NaN payloads kept. */
  public static V128 f32x4Abs(V128 a) {
    return new V128(a.lo & ~0x8000_0000_8000_0000L, a.hi & ~0x8000_0000_8000_0000L);
  }

  /** {@code f32x4.neg}: flips each sign bit, NaN payloads kept. */
  public static V128 f32x4Neg(V128 a) {
    return new V128(a.lo ^ 0x8000_0000_8000_0000L, a.hi ^ 0x8000_0000_8000_0000L);
  }

  /** {@code f64x2.abs}: clears each sign bit, NaN payloads kept. */
  public static V128 f64x2Abs(V128 a) {
    return new V128(a.lo & ~0x8000_0000_0000_0000L, a.hi & ~0x8000_0000_0000_0000L);
  }

  /** {@code f64x2.neg}: flips each sign bit, NaN payloads kept. */
  public static V128 f64x2Neg(V128 a) {
    return new V128(a.lo ^ 0x8000_0000_0000_0000L, a.hi ^ 0x8000_0000_0000_0000L);
  }

  /** {@code i32x4.trunc_sat_f32x4_s}: the JVM's conversion saturates, NaN to 0, as Wasm does. */
  public static V128 i32x4TruncSatF32x4S(V128 a) {
    return new V128(i32x4TruncSatF32x4SHalf(a.lo), i32x4TruncSatF32x4SHalf(a.hi));
  }

  public static long i32x4TruncSatF32x4SHalf(long a) {
    return i32x4TruncSatF32x4S((int) a) | i32x4TruncSatF32x4S((int) (a >>> 32)) << 32;
  }

  private static long i32x4TruncSatF32x4S(int a) {
    float x = Float.intBitsToFloat(a);
    return ((long) ((int) x) & 0xFFFF_FFFFL);
  }

  /** {@code i32x4.trunc_sat_f32x4_u}. */
  public static V128 i32x4TruncSatF32x4U(V128 a) {
    return new V128(i32x4TruncSatF32x4UHalf(a.lo), i32x4TruncSatF32x4UHalf(a.hi));
  }

  public static long i32x4TruncSatF32x4UHalf(long a) {
    return i32x4TruncSatF32x4U((int) a) | i32x4TruncSatF32x4U((int) (a >>> 32)) << 32;
  }

  private static long i32x4TruncSatF32x4U(int a) {
    float x = Float.intBitsToFloat(a);
    return ((long) (I32Ops.truncSatF32U(x)) & 0xFFFF_FFFFL);
  }

  /** {@code f32x4.convert_i32x4_s}. */
  public static V128 f32x4ConvertI32x4S(V128 a) {
    return new V128(f32x4ConvertI32x4SHalf(a.lo), f32x4ConvertI32x4SHalf(a.hi));
  }

  public static long f32x4ConvertI32x4SHalf(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      r |= (Float.floatToRawIntBits((float) x) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.convert_i32x4_u}. */
  public static V128 f32x4ConvertI32x4U(V128 a) {
    return new V128(f32x4ConvertI32x4UHalf(a.lo), f32x4ConvertI32x4UHalf(a.hi));
  }

  public static long f32x4ConvertI32x4UHalf(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      r |= (Float.floatToRawIntBits(F32Ops.convertI32U((int) x)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.trunc_sat_f64x2_s_zero}. */
  public static V128 i32x4TruncSatF64x2SZero(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= ((long) (i < 2 ? (int) a.f64(i) : 0) & 0xFFFF_FFFFL) << (i * 32);
      hi |= ((long) (j < 2 ? (int) a.f64(j) : 0) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.trunc_sat_f64x2_u_zero}. */
  public static V128 i32x4TruncSatF64x2UZero(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= ((long) (i < 2 ? I32Ops.truncSatF64U(a.f64(i)) : 0) & 0xFFFF_FFFFL) << (i * 32);
      hi |= ((long) (j < 2 ? I32Ops.truncSatF64U(a.f64(j)) : 0) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code f64x2.convert_low_i32x4_s}. */
  public static V128 f64x2ConvertLowI32x4S(V128 a) {
    return new V128(
        Double.doubleToRawLongBits((double) a.i32(0)),
        Double.doubleToRawLongBits((double) a.i32(1)));
  }

  /** {@code f64x2.convert_low_i32x4_u}. */
  public static V128 f64x2ConvertLowI32x4U(V128 a) {
    return new V128(
        Double.doubleToRawLongBits(F64Ops.convertI32U(a.i32(0))),
        Double.doubleToRawLongBits(F64Ops.convertI32U(a.i32(1))));
  }

  /** {@code f32x4.demote_low_f64x2_zero}. */
  public static V128 f32x4DemoteLowF64x2Zero(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= (Float.floatToRawIntBits(i < 2 ? (float) a.f64(i) : 0f) & 0xFFFF_FFFFL) << (i * 32);
      hi |= (Float.floatToRawIntBits(j < 2 ? (float) a.f64(j) : 0f) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code f64x2.promote_low_f32x4}. */
  public static V128 f64x2PromoteLowF32x4(V128 a) {
    return new V128(
        Double.doubleToRawLongBits((double) a.f32(0)),
        Double.doubleToRawLongBits((double) a.f32(1)));
  }
}
