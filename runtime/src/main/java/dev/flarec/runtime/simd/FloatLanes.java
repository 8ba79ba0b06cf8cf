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
    return new V128(f32x4Eq(a.lo, b.lo), f32x4Eq(a.hi, b.hi));
  }

  private static long f32x4Eq(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (x == y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code f32x4.ne}. */
  public static V128 f32x4Ne(V128 a, V128 b) {
    return new V128(f32x4Ne(a.lo, b.lo), f32x4Ne(a.hi, b.hi));
  }

  private static long f32x4Ne(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (x != y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code f32x4.lt}. */
  public static V128 f32x4Lt(V128 a, V128 b) {
    return new V128(f32x4Lt(a.lo, b.lo), f32x4Lt(a.hi, b.hi));
  }

  private static long f32x4Lt(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (x < y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code f32x4.gt}. */
  public static V128 f32x4Gt(V128 a, V128 b) {
    return new V128(f32x4Gt(a.lo, b.lo), f32x4Gt(a.hi, b.hi));
  }

  private static long f32x4Gt(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (x > y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code f32x4.le}. */
  public static V128 f32x4Le(V128 a, V128 b) {
    return new V128(f32x4Le(a.lo, b.lo), f32x4Le(a.hi, b.hi));
  }

  private static long f32x4Le(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (x <= y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code f32x4.ge}. */
  public static V128 f32x4Ge(V128 a, V128 b) {
    return new V128(f32x4Ge(a.lo, b.lo), f32x4Ge(a.hi, b.hi));
  }

  private static long f32x4Ge(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (x >= y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code f32x4.sqrt}. */
  public static V128 f32x4Sqrt(V128 a) {
    return new V128(f32x4Sqrt(a.lo), f32x4Sqrt(a.hi));
  }

  private static long f32x4Sqrt(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      r |= (Float.floatToRawIntBits(F32Ops.sqrt(x)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.ceil}. */
  public static V128 f32x4Ceil(V128 a) {
    return new V128(f32x4Ceil(a.lo), f32x4Ceil(a.hi));
  }

  private static long f32x4Ceil(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      r |= (Float.floatToRawIntBits(F32Ops.ceil(x)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.floor}. */
  public static V128 f32x4Floor(V128 a) {
    return new V128(f32x4Floor(a.lo), f32x4Floor(a.hi));
  }

  private static long f32x4Floor(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      r |= (Float.floatToRawIntBits(F32Ops.floor(x)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.trunc}. */
  public static V128 f32x4Trunc(V128 a) {
    return new V128(f32x4Trunc(a.lo), f32x4Trunc(a.hi));
  }

  private static long f32x4Trunc(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      r |= (Float.floatToRawIntBits(F32Ops.trunc(x)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.nearest}. */
  public static V128 f32x4Nearest(V128 a) {
    return new V128(f32x4Nearest(a.lo), f32x4Nearest(a.hi));
  }

  private static long f32x4Nearest(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      r |= (Float.floatToRawIntBits(F32Ops.nearest(x)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.add}. */
  public static V128 f32x4Add(V128 a, V128 b) {
    return new V128(f32x4Add(a.lo, b.lo), f32x4Add(a.hi, b.hi));
  }

  private static long f32x4Add(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (Float.floatToRawIntBits(x + y) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.sub}. */
  public static V128 f32x4Sub(V128 a, V128 b) {
    return new V128(f32x4Sub(a.lo, b.lo), f32x4Sub(a.hi, b.hi));
  }

  private static long f32x4Sub(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (Float.floatToRawIntBits(x - y) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.mul}. */
  public static V128 f32x4Mul(V128 a, V128 b) {
    return new V128(f32x4Mul(a.lo, b.lo), f32x4Mul(a.hi, b.hi));
  }

  private static long f32x4Mul(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (Float.floatToRawIntBits(x * y) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.div}. */
  public static V128 f32x4Div(V128 a, V128 b) {
    return new V128(f32x4Div(a.lo, b.lo), f32x4Div(a.hi, b.hi));
  }

  private static long f32x4Div(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (Float.floatToRawIntBits(x / y) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.min}. */
  public static V128 f32x4Min(V128 a, V128 b) {
    return new V128(f32x4Min(a.lo, b.lo), f32x4Min(a.hi, b.hi));
  }

  private static long f32x4Min(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (Float.floatToRawIntBits(F32Ops.min(x, y)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.max}. */
  public static V128 f32x4Max(V128 a, V128 b) {
    return new V128(f32x4Max(a.lo, b.lo), f32x4Max(a.hi, b.hi));
  }

  private static long f32x4Max(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (Float.floatToRawIntBits(F32Ops.max(x, y)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.pmin}. */
  public static V128 f32x4Pmin(V128 a, V128 b) {
    return new V128(f32x4Pmin(a.lo, b.lo), f32x4Pmin(a.hi, b.hi));
  }

  private static long f32x4Pmin(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (Float.floatToRawIntBits(y < x ? y : x) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.pmax}. */
  public static V128 f32x4Pmax(V128 a, V128 b) {
    return new V128(f32x4Pmax(a.lo, b.lo), f32x4Pmax(a.hi, b.hi));
  }

  private static long f32x4Pmax(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      float y = Float.intBitsToFloat((int) (b >>> s));
      r |= (Float.floatToRawIntBits(x < y ? y : x) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f64x2.eq}. */
  public static V128 f64x2Eq(V128 a, V128 b) {
    return new V128(f64x2Eq(a.lo, b.lo), f64x2Eq(a.hi, b.hi));
  }

  private static long f64x2Eq(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x == y ? -1L : 0L);
  }

  /** {@code f64x2.ne}. */
  public static V128 f64x2Ne(V128 a, V128 b) {
    return new V128(f64x2Ne(a.lo, b.lo), f64x2Ne(a.hi, b.hi));
  }

  private static long f64x2Ne(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x != y ? -1L : 0L);
  }

  /** {@code f64x2.lt}. */
  public static V128 f64x2Lt(V128 a, V128 b) {
    return new V128(f64x2Lt(a.lo, b.lo), f64x2Lt(a.hi, b.hi));
  }

  private static long f64x2Lt(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x < y ? -1L : 0L);
  }

  /** {@code f64x2.gt}. */
  public static V128 f64x2Gt(V128 a, V128 b) {
    return new V128(f64x2Gt(a.lo, b.lo), f64x2Gt(a.hi, b.hi));
  }

  private static long f64x2Gt(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x > y ? -1L : 0L);
  }

  /** {@code f64x2.le}. */
  public static V128 f64x2Le(V128 a, V128 b) {
    return new V128(f64x2Le(a.lo, b.lo), f64x2Le(a.hi, b.hi));
  }

  private static long f64x2Le(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x <= y ? -1L : 0L);
  }

  /** {@code f64x2.ge}. */
  public static V128 f64x2Ge(V128 a, V128 b) {
    return new V128(f64x2Ge(a.lo, b.lo), f64x2Ge(a.hi, b.hi));
  }

  private static long f64x2Ge(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return (x >= y ? -1L : 0L);
  }

  /** {@code f64x2.sqrt}. */
  public static V128 f64x2Sqrt(V128 a) {
    return new V128(f64x2Sqrt(a.lo), f64x2Sqrt(a.hi));
  }

  private static long f64x2Sqrt(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.sqrt(x));
  }

  /** {@code f64x2.ceil}. */
  public static V128 f64x2Ceil(V128 a) {
    return new V128(f64x2Ceil(a.lo), f64x2Ceil(a.hi));
  }

  private static long f64x2Ceil(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.ceil(x));
  }

  /** {@code f64x2.floor}. */
  public static V128 f64x2Floor(V128 a) {
    return new V128(f64x2Floor(a.lo), f64x2Floor(a.hi));
  }

  private static long f64x2Floor(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.floor(x));
  }

  /** {@code f64x2.trunc}. */
  public static V128 f64x2Trunc(V128 a) {
    return new V128(f64x2Trunc(a.lo), f64x2Trunc(a.hi));
  }

  private static long f64x2Trunc(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.trunc(x));
  }

  /** {@code f64x2.nearest}. */
  public static V128 f64x2Nearest(V128 a) {
    return new V128(f64x2Nearest(a.lo), f64x2Nearest(a.hi));
  }

  private static long f64x2Nearest(long a) {
    double x = Double.longBitsToDouble(a);
    return Double.doubleToRawLongBits(F64Ops.nearest(x));
  }

  /** {@code f64x2.add}. */
  public static V128 f64x2Add(V128 a, V128 b) {
    return new V128(f64x2Add(a.lo, b.lo), f64x2Add(a.hi, b.hi));
  }

  private static long f64x2Add(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(x + y);
  }

  /** {@code f64x2.sub}. */
  public static V128 f64x2Sub(V128 a, V128 b) {
    return new V128(f64x2Sub(a.lo, b.lo), f64x2Sub(a.hi, b.hi));
  }

  private static long f64x2Sub(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(x - y);
  }

  /** {@code f64x2.mul}. */
  public static V128 f64x2Mul(V128 a, V128 b) {
    return new V128(f64x2Mul(a.lo, b.lo), f64x2Mul(a.hi, b.hi));
  }

  private static long f64x2Mul(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(x * y);
  }

  /** {@code f64x2.div}. */
  public static V128 f64x2Div(V128 a, V128 b) {
    return new V128(f64x2Div(a.lo, b.lo), f64x2Div(a.hi, b.hi));
  }

  private static long f64x2Div(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(x / y);
  }

  /** {@code f64x2.min}. */
  public static V128 f64x2Min(V128 a, V128 b) {
    return new V128(f64x2Min(a.lo, b.lo), f64x2Min(a.hi, b.hi));
  }

  private static long f64x2Min(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(F64Ops.min(x, y));
  }

  /** {@code f64x2.max}. */
  public static V128 f64x2Max(V128 a, V128 b) {
    return new V128(f64x2Max(a.lo, b.lo), f64x2Max(a.hi, b.hi));
  }

  private static long f64x2Max(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(F64Ops.max(x, y));
  }

  /** {@code f64x2.pmin}. */
  public static V128 f64x2Pmin(V128 a, V128 b) {
    return new V128(f64x2Pmin(a.lo, b.lo), f64x2Pmin(a.hi, b.hi));
  }

  private static long f64x2Pmin(long a, long b) {
    double x = Double.longBitsToDouble(a);
    double y = Double.longBitsToDouble(b);
    return Double.doubleToRawLongBits(y < x ? y : x);
  }

  /** {@code f64x2.pmax}. */
  public static V128 f64x2Pmax(V128 a, V128 b) {
    return new V128(f64x2Pmax(a.lo, b.lo), f64x2Pmax(a.hi, b.hi));
  }

  private static long f64x2Pmax(long a, long b) {
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
    return new V128(i32x4TruncSatF32x4S(a.lo), i32x4TruncSatF32x4S(a.hi));
  }

  private static long i32x4TruncSatF32x4S(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      r |= ((long) ((int) x) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.trunc_sat_f32x4_u}. */
  public static V128 i32x4TruncSatF32x4U(V128 a) {
    return new V128(i32x4TruncSatF32x4U(a.lo), i32x4TruncSatF32x4U(a.hi));
  }

  private static long i32x4TruncSatF32x4U(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      float x = Float.intBitsToFloat((int) (a >>> s));
      r |= ((long) (I32Ops.truncSatF32U(x)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.convert_i32x4_s}. */
  public static V128 f32x4ConvertI32x4S(V128 a) {
    return new V128(f32x4ConvertI32x4S(a.lo), f32x4ConvertI32x4S(a.hi));
  }

  private static long f32x4ConvertI32x4S(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      r |= (Float.floatToRawIntBits((float) x) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code f32x4.convert_i32x4_u}. */
  public static V128 f32x4ConvertI32x4U(V128 a) {
    return new V128(f32x4ConvertI32x4U(a.lo), f32x4ConvertI32x4U(a.hi));
  }

  private static long f32x4ConvertI32x4U(long a) {
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
