package dev.flarec.runtime.simd;

/**
 * The integer lane operations of {@code v128}: each lane-wise operation works on one 64-bit half at
 * a time, reading its lanes with shifts (sign- or zero-extended as the instruction says) and
 * writing each result lane back masked to its width, so that wrapping, saturating and widening
 * arithmetic read exactly as the spec's per-lane definition. Operations that move lanes between
 * halves (narrowing, widening, pairwise and dot products) build the result lane by lane.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Wasm 2.0 §4.3</a>
 */
public final class IntLanes {
  private IntLanes() {}

  /** {@code i8x16.eq}. */
  public static V128 i8x16Eq(V128 a, V128 b) {
    return new V128(i8x16Eq(a.lo, b.lo), i8x16Eq(a.hi, b.hi));
  }

  private static long i8x16Eq(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= (x == y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.ne}. */
  public static V128 i8x16Ne(V128 a, V128 b) {
    return new V128(i8x16Ne(a.lo, b.lo), i8x16Ne(a.hi, b.hi));
  }

  private static long i8x16Ne(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= (x != y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.lt_s}. */
  public static V128 i8x16LtS(V128 a, V128 b) {
    return new V128(i8x16LtS(a.lo, b.lo), i8x16LtS(a.hi, b.hi));
  }

  private static long i8x16LtS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= (x < y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.lt_u}. */
  public static V128 i8x16LtU(V128 a, V128 b) {
    return new V128(i8x16LtU(a.lo, b.lo), i8x16LtU(a.hi, b.hi));
  }

  private static long i8x16LtU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      int y = (int) (b >>> s) & 0xFF;
      r |= (x < y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.gt_s}. */
  public static V128 i8x16GtS(V128 a, V128 b) {
    return new V128(i8x16GtS(a.lo, b.lo), i8x16GtS(a.hi, b.hi));
  }

  private static long i8x16GtS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= (x > y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.gt_u}. */
  public static V128 i8x16GtU(V128 a, V128 b) {
    return new V128(i8x16GtU(a.lo, b.lo), i8x16GtU(a.hi, b.hi));
  }

  private static long i8x16GtU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      int y = (int) (b >>> s) & 0xFF;
      r |= (x > y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.le_s}. */
  public static V128 i8x16LeS(V128 a, V128 b) {
    return new V128(i8x16LeS(a.lo, b.lo), i8x16LeS(a.hi, b.hi));
  }

  private static long i8x16LeS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= (x <= y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.le_u}. */
  public static V128 i8x16LeU(V128 a, V128 b) {
    return new V128(i8x16LeU(a.lo, b.lo), i8x16LeU(a.hi, b.hi));
  }

  private static long i8x16LeU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      int y = (int) (b >>> s) & 0xFF;
      r |= (x <= y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.ge_s}. */
  public static V128 i8x16GeS(V128 a, V128 b) {
    return new V128(i8x16GeS(a.lo, b.lo), i8x16GeS(a.hi, b.hi));
  }

  private static long i8x16GeS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= (x >= y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.ge_u}. */
  public static V128 i8x16GeU(V128 a, V128 b) {
    return new V128(i8x16GeU(a.lo, b.lo), i8x16GeU(a.hi, b.hi));
  }

  private static long i8x16GeU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      int y = (int) (b >>> s) & 0xFF;
      r |= (x >= y ? 0xFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i8x16.abs}. */
  public static V128 i8x16Abs(V128 a) {
    return new V128(i8x16Abs(a.lo), i8x16Abs(a.hi));
  }

  private static long i8x16Abs(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      r |= ((long) (Math.abs(x)) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.neg}. */
  public static V128 i8x16Neg(V128 a) {
    return new V128(i8x16Neg(a.lo), i8x16Neg(a.hi));
  }

  private static long i8x16Neg(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      r |= ((long) (-x) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.add}. */
  public static V128 i8x16Add(V128 a, V128 b) {
    return new V128(i8x16Add(a.lo, b.lo), i8x16Add(a.hi, b.hi));
  }

  private static long i8x16Add(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= ((long) (x + y) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.sub}. */
  public static V128 i8x16Sub(V128 a, V128 b) {
    return new V128(i8x16Sub(a.lo, b.lo), i8x16Sub(a.hi, b.hi));
  }

  private static long i8x16Sub(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= ((long) (x - y) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.shl}. */
  public static V128 i8x16Shl(V128 a, int count) {
    int c = count & 7;
    return new V128(i8x16Shl(a.lo, c), i8x16Shl(a.hi, c));
  }

  private static long i8x16Shl(long a, int c) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      r |= ((long) (x << c) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.shr_s}. */
  public static V128 i8x16ShrS(V128 a, int count) {
    int c = count & 7;
    return new V128(i8x16ShrS(a.lo, c), i8x16ShrS(a.hi, c));
  }

  private static long i8x16ShrS(long a, int c) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      r |= ((long) (x >> c) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.shr_u}. */
  public static V128 i8x16ShrU(V128 a, int count) {
    int c = count & 7;
    return new V128(i8x16ShrU(a.lo, c), i8x16ShrU(a.hi, c));
  }

  private static long i8x16ShrU(long a, int c) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      r |= ((long) (x >>> c) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.add_sat_s}. */
  public static V128 i8x16AddSatS(V128 a, V128 b) {
    return new V128(i8x16AddSatS(a.lo, b.lo), i8x16AddSatS(a.hi, b.hi));
  }

  private static long i8x16AddSatS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= ((long) (Math.max(-128, Math.min(127, x + y))) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.add_sat_u}. */
  public static V128 i8x16AddSatU(V128 a, V128 b) {
    return new V128(i8x16AddSatU(a.lo, b.lo), i8x16AddSatU(a.hi, b.hi));
  }

  private static long i8x16AddSatU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      int y = (int) (b >>> s) & 0xFF;
      r |= ((long) (Math.min(255, x + y)) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.sub_sat_s}. */
  public static V128 i8x16SubSatS(V128 a, V128 b) {
    return new V128(i8x16SubSatS(a.lo, b.lo), i8x16SubSatS(a.hi, b.hi));
  }

  private static long i8x16SubSatS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= ((long) (Math.max(-128, Math.min(127, x - y))) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.sub_sat_u}. */
  public static V128 i8x16SubSatU(V128 a, V128 b) {
    return new V128(i8x16SubSatU(a.lo, b.lo), i8x16SubSatU(a.hi, b.hi));
  }

  private static long i8x16SubSatU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      int y = (int) (b >>> s) & 0xFF;
      r |= ((long) (Math.max(0, x - y)) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.avgr_u}. */
  public static V128 i8x16AvgrU(V128 a, V128 b) {
    return new V128(i8x16AvgrU(a.lo, b.lo), i8x16AvgrU(a.hi, b.hi));
  }

  private static long i8x16AvgrU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      int y = (int) (b >>> s) & 0xFF;
      r |= ((long) ((x + y + 1) >>> 1) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.min_s}. */
  public static V128 i8x16MinS(V128 a, V128 b) {
    return new V128(i8x16MinS(a.lo, b.lo), i8x16MinS(a.hi, b.hi));
  }

  private static long i8x16MinS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= ((long) (Math.min(x, y)) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.min_u}. */
  public static V128 i8x16MinU(V128 a, V128 b) {
    return new V128(i8x16MinU(a.lo, b.lo), i8x16MinU(a.hi, b.hi));
  }

  private static long i8x16MinU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      int y = (int) (b >>> s) & 0xFF;
      r |= ((long) (Math.min(x, y)) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.max_s}. */
  public static V128 i8x16MaxS(V128 a, V128 b) {
    return new V128(i8x16MaxS(a.lo, b.lo), i8x16MaxS(a.hi, b.hi));
  }

  private static long i8x16MaxS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (byte) (a >>> s);
      int y = (byte) (b >>> s);
      r |= ((long) (Math.max(x, y)) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.max_u}. */
  public static V128 i8x16MaxU(V128 a, V128 b) {
    return new V128(i8x16MaxU(a.lo, b.lo), i8x16MaxU(a.hi, b.hi));
  }

  private static long i8x16MaxU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      int y = (int) (b >>> s) & 0xFF;
      r |= ((long) (Math.max(x, y)) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.all_true}: 1 when no lane is zero. */
  public static int i8x16AllTrue(V128 a) {
    for (int i = 0; i < 16; i++) {
      if (a.i8(i) == 0) {
        return 0;
      }
    }
    return 1;
  }

  /** {@code i8x16.bitmask}: the lanes' sign bits, lane 0 in bit 0. */
  public static int i8x16Bitmask(V128 a) {
    int m = 0;
    for (int i = 0; i < 16; i++) {
      if (a.i8(i) < 0) {
        m |= 1 << i;
      }
    }
    return m;
  }

  /** {@code i16x8.eq}. */
  public static V128 i16x8Eq(V128 a, V128 b) {
    return new V128(i16x8Eq(a.lo, b.lo), i16x8Eq(a.hi, b.hi));
  }

  private static long i16x8Eq(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= (x == y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.ne}. */
  public static V128 i16x8Ne(V128 a, V128 b) {
    return new V128(i16x8Ne(a.lo, b.lo), i16x8Ne(a.hi, b.hi));
  }

  private static long i16x8Ne(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= (x != y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.lt_s}. */
  public static V128 i16x8LtS(V128 a, V128 b) {
    return new V128(i16x8LtS(a.lo, b.lo), i16x8LtS(a.hi, b.hi));
  }

  private static long i16x8LtS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= (x < y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.lt_u}. */
  public static V128 i16x8LtU(V128 a, V128 b) {
    return new V128(i16x8LtU(a.lo, b.lo), i16x8LtU(a.hi, b.hi));
  }

  private static long i16x8LtU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      int y = (int) (b >>> s) & 0xFFFF;
      r |= (x < y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.gt_s}. */
  public static V128 i16x8GtS(V128 a, V128 b) {
    return new V128(i16x8GtS(a.lo, b.lo), i16x8GtS(a.hi, b.hi));
  }

  private static long i16x8GtS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= (x > y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.gt_u}. */
  public static V128 i16x8GtU(V128 a, V128 b) {
    return new V128(i16x8GtU(a.lo, b.lo), i16x8GtU(a.hi, b.hi));
  }

  private static long i16x8GtU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      int y = (int) (b >>> s) & 0xFFFF;
      r |= (x > y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.le_s}. */
  public static V128 i16x8LeS(V128 a, V128 b) {
    return new V128(i16x8LeS(a.lo, b.lo), i16x8LeS(a.hi, b.hi));
  }

  private static long i16x8LeS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= (x <= y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.le_u}. */
  public static V128 i16x8LeU(V128 a, V128 b) {
    return new V128(i16x8LeU(a.lo, b.lo), i16x8LeU(a.hi, b.hi));
  }

  private static long i16x8LeU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      int y = (int) (b >>> s) & 0xFFFF;
      r |= (x <= y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.ge_s}. */
  public static V128 i16x8GeS(V128 a, V128 b) {
    return new V128(i16x8GeS(a.lo, b.lo), i16x8GeS(a.hi, b.hi));
  }

  private static long i16x8GeS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= (x >= y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.ge_u}. */
  public static V128 i16x8GeU(V128 a, V128 b) {
    return new V128(i16x8GeU(a.lo, b.lo), i16x8GeU(a.hi, b.hi));
  }

  private static long i16x8GeU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      int y = (int) (b >>> s) & 0xFFFF;
      r |= (x >= y ? 0xFFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i16x8.abs}. */
  public static V128 i16x8Abs(V128 a) {
    return new V128(i16x8Abs(a.lo), i16x8Abs(a.hi));
  }

  private static long i16x8Abs(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      r |= ((long) (Math.abs(x)) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.neg}. */
  public static V128 i16x8Neg(V128 a) {
    return new V128(i16x8Neg(a.lo), i16x8Neg(a.hi));
  }

  private static long i16x8Neg(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      r |= ((long) (-x) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.add}. */
  public static V128 i16x8Add(V128 a, V128 b) {
    return new V128(i16x8Add(a.lo, b.lo), i16x8Add(a.hi, b.hi));
  }

  private static long i16x8Add(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= ((long) (x + y) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.sub}. */
  public static V128 i16x8Sub(V128 a, V128 b) {
    return new V128(i16x8Sub(a.lo, b.lo), i16x8Sub(a.hi, b.hi));
  }

  private static long i16x8Sub(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= ((long) (x - y) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.shl}. */
  public static V128 i16x8Shl(V128 a, int count) {
    int c = count & 15;
    return new V128(i16x8Shl(a.lo, c), i16x8Shl(a.hi, c));
  }

  private static long i16x8Shl(long a, int c) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      r |= ((long) (x << c) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.shr_s}. */
  public static V128 i16x8ShrS(V128 a, int count) {
    int c = count & 15;
    return new V128(i16x8ShrS(a.lo, c), i16x8ShrS(a.hi, c));
  }

  private static long i16x8ShrS(long a, int c) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      r |= ((long) (x >> c) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.shr_u}. */
  public static V128 i16x8ShrU(V128 a, int count) {
    int c = count & 15;
    return new V128(i16x8ShrU(a.lo, c), i16x8ShrU(a.hi, c));
  }

  private static long i16x8ShrU(long a, int c) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      r |= ((long) (x >>> c) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.mul}. */
  public static V128 i16x8Mul(V128 a, V128 b) {
    return new V128(i16x8Mul(a.lo, b.lo), i16x8Mul(a.hi, b.hi));
  }

  private static long i16x8Mul(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= (((long) x * y) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.add_sat_s}. */
  public static V128 i16x8AddSatS(V128 a, V128 b) {
    return new V128(i16x8AddSatS(a.lo, b.lo), i16x8AddSatS(a.hi, b.hi));
  }

  private static long i16x8AddSatS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= ((long) (Math.max(-32768, Math.min(32767, x + y))) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.add_sat_u}. */
  public static V128 i16x8AddSatU(V128 a, V128 b) {
    return new V128(i16x8AddSatU(a.lo, b.lo), i16x8AddSatU(a.hi, b.hi));
  }

  private static long i16x8AddSatU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      int y = (int) (b >>> s) & 0xFFFF;
      r |= ((long) (Math.min(65535, x + y)) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.sub_sat_s}. */
  public static V128 i16x8SubSatS(V128 a, V128 b) {
    return new V128(i16x8SubSatS(a.lo, b.lo), i16x8SubSatS(a.hi, b.hi));
  }

  private static long i16x8SubSatS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= ((long) (Math.max(-32768, Math.min(32767, x - y))) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.sub_sat_u}. */
  public static V128 i16x8SubSatU(V128 a, V128 b) {
    return new V128(i16x8SubSatU(a.lo, b.lo), i16x8SubSatU(a.hi, b.hi));
  }

  private static long i16x8SubSatU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      int y = (int) (b >>> s) & 0xFFFF;
      r |= ((long) (Math.max(0, x - y)) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.avgr_u}. */
  public static V128 i16x8AvgrU(V128 a, V128 b) {
    return new V128(i16x8AvgrU(a.lo, b.lo), i16x8AvgrU(a.hi, b.hi));
  }

  private static long i16x8AvgrU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      int y = (int) (b >>> s) & 0xFFFF;
      r |= ((long) ((x + y + 1) >>> 1) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.min_s}. */
  public static V128 i16x8MinS(V128 a, V128 b) {
    return new V128(i16x8MinS(a.lo, b.lo), i16x8MinS(a.hi, b.hi));
  }

  private static long i16x8MinS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= ((long) (Math.min(x, y)) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.min_u}. */
  public static V128 i16x8MinU(V128 a, V128 b) {
    return new V128(i16x8MinU(a.lo, b.lo), i16x8MinU(a.hi, b.hi));
  }

  private static long i16x8MinU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      int y = (int) (b >>> s) & 0xFFFF;
      r |= ((long) (Math.min(x, y)) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.max_s}. */
  public static V128 i16x8MaxS(V128 a, V128 b) {
    return new V128(i16x8MaxS(a.lo, b.lo), i16x8MaxS(a.hi, b.hi));
  }

  private static long i16x8MaxS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= ((long) (Math.max(x, y)) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.max_u}. */
  public static V128 i16x8MaxU(V128 a, V128 b) {
    return new V128(i16x8MaxU(a.lo, b.lo), i16x8MaxU(a.hi, b.hi));
  }

  private static long i16x8MaxU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (int) (a >>> s) & 0xFFFF;
      int y = (int) (b >>> s) & 0xFFFF;
      r |= ((long) (Math.max(x, y)) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.all_true}: 1 when no lane is zero. */
  public static int i16x8AllTrue(V128 a) {
    for (int i = 0; i < 8; i++) {
      if (a.i16(i) == 0) {
        return 0;
      }
    }
    return 1;
  }

  /** {@code i16x8.bitmask}: the lanes' sign bits, lane 0 in bit 0. */
  public static int i16x8Bitmask(V128 a) {
    int m = 0;
    for (int i = 0; i < 8; i++) {
      if (a.i16(i) < 0) {
        m |= 1 << i;
      }
    }
    return m;
  }

  /** {@code i32x4.eq}. */
  public static V128 i32x4Eq(V128 a, V128 b) {
    return new V128(i32x4Eq(a.lo, b.lo), i32x4Eq(a.hi, b.hi));
  }

  private static long i32x4Eq(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= (x == y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.ne}. */
  public static V128 i32x4Ne(V128 a, V128 b) {
    return new V128(i32x4Ne(a.lo, b.lo), i32x4Ne(a.hi, b.hi));
  }

  private static long i32x4Ne(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= (x != y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.lt_s}. */
  public static V128 i32x4LtS(V128 a, V128 b) {
    return new V128(i32x4LtS(a.lo, b.lo), i32x4LtS(a.hi, b.hi));
  }

  private static long i32x4LtS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= (x < y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.lt_u}. */
  public static V128 i32x4LtU(V128 a, V128 b) {
    return new V128(i32x4LtU(a.lo, b.lo), i32x4LtU(a.hi, b.hi));
  }

  private static long i32x4LtU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      long x = (a >>> s) & 0xFFFF_FFFFL;
      long y = (b >>> s) & 0xFFFF_FFFFL;
      r |= (x < y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.gt_s}. */
  public static V128 i32x4GtS(V128 a, V128 b) {
    return new V128(i32x4GtS(a.lo, b.lo), i32x4GtS(a.hi, b.hi));
  }

  private static long i32x4GtS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= (x > y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.gt_u}. */
  public static V128 i32x4GtU(V128 a, V128 b) {
    return new V128(i32x4GtU(a.lo, b.lo), i32x4GtU(a.hi, b.hi));
  }

  private static long i32x4GtU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      long x = (a >>> s) & 0xFFFF_FFFFL;
      long y = (b >>> s) & 0xFFFF_FFFFL;
      r |= (x > y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.le_s}. */
  public static V128 i32x4LeS(V128 a, V128 b) {
    return new V128(i32x4LeS(a.lo, b.lo), i32x4LeS(a.hi, b.hi));
  }

  private static long i32x4LeS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= (x <= y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.le_u}. */
  public static V128 i32x4LeU(V128 a, V128 b) {
    return new V128(i32x4LeU(a.lo, b.lo), i32x4LeU(a.hi, b.hi));
  }

  private static long i32x4LeU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      long x = (a >>> s) & 0xFFFF_FFFFL;
      long y = (b >>> s) & 0xFFFF_FFFFL;
      r |= (x <= y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.ge_s}. */
  public static V128 i32x4GeS(V128 a, V128 b) {
    return new V128(i32x4GeS(a.lo, b.lo), i32x4GeS(a.hi, b.hi));
  }

  private static long i32x4GeS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= (x >= y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.ge_u}. */
  public static V128 i32x4GeU(V128 a, V128 b) {
    return new V128(i32x4GeU(a.lo, b.lo), i32x4GeU(a.hi, b.hi));
  }

  private static long i32x4GeU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      long x = (a >>> s) & 0xFFFF_FFFFL;
      long y = (b >>> s) & 0xFFFF_FFFFL;
      r |= (x >= y ? 0xFFFF_FFFFL : 0L) << s;
    }
    return r;
  }

  /** {@code i32x4.abs}. */
  public static V128 i32x4Abs(V128 a) {
    return new V128(i32x4Abs(a.lo), i32x4Abs(a.hi));
  }

  private static long i32x4Abs(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      r |= ((long) (Math.abs(x)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.neg}. */
  public static V128 i32x4Neg(V128 a) {
    return new V128(i32x4Neg(a.lo), i32x4Neg(a.hi));
  }

  private static long i32x4Neg(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      r |= ((long) (-x) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.add}. */
  public static V128 i32x4Add(V128 a, V128 b) {
    return new V128(i32x4Add(a.lo, b.lo), i32x4Add(a.hi, b.hi));
  }

  private static long i32x4Add(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= ((long) (x + y) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.sub}. */
  public static V128 i32x4Sub(V128 a, V128 b) {
    return new V128(i32x4Sub(a.lo, b.lo), i32x4Sub(a.hi, b.hi));
  }

  private static long i32x4Sub(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= ((long) (x - y) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.shl}. */
  public static V128 i32x4Shl(V128 a, int count) {
    int c = count & 31;
    return new V128(i32x4Shl(a.lo, c), i32x4Shl(a.hi, c));
  }

  private static long i32x4Shl(long a, int c) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      r |= ((long) (x << c) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.shr_s}. */
  public static V128 i32x4ShrS(V128 a, int count) {
    int c = count & 31;
    return new V128(i32x4ShrS(a.lo, c), i32x4ShrS(a.hi, c));
  }

  private static long i32x4ShrS(long a, int c) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      r |= ((long) (x >> c) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.shr_u}. */
  public static V128 i32x4ShrU(V128 a, int count) {
    int c = count & 31;
    return new V128(i32x4ShrU(a.lo, c), i32x4ShrU(a.hi, c));
  }

  private static long i32x4ShrU(long a, int c) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      long x = (a >>> s) & 0xFFFF_FFFFL;
      r |= ((long) (x >>> c) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.mul}. */
  public static V128 i32x4Mul(V128 a, V128 b) {
    return new V128(i32x4Mul(a.lo, b.lo), i32x4Mul(a.hi, b.hi));
  }

  private static long i32x4Mul(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= (((long) x * y) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.min_s}. */
  public static V128 i32x4MinS(V128 a, V128 b) {
    return new V128(i32x4MinS(a.lo, b.lo), i32x4MinS(a.hi, b.hi));
  }

  private static long i32x4MinS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= ((long) (Math.min(x, y)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.min_u}. */
  public static V128 i32x4MinU(V128 a, V128 b) {
    return new V128(i32x4MinU(a.lo, b.lo), i32x4MinU(a.hi, b.hi));
  }

  private static long i32x4MinU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      long x = (a >>> s) & 0xFFFF_FFFFL;
      long y = (b >>> s) & 0xFFFF_FFFFL;
      r |= ((long) (Math.min(x, y)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.max_s}. */
  public static V128 i32x4MaxS(V128 a, V128 b) {
    return new V128(i32x4MaxS(a.lo, b.lo), i32x4MaxS(a.hi, b.hi));
  }

  private static long i32x4MaxS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      int y = (int) (b >>> s);
      r |= ((long) (Math.max(x, y)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.max_u}. */
  public static V128 i32x4MaxU(V128 a, V128 b) {
    return new V128(i32x4MaxU(a.lo, b.lo), i32x4MaxU(a.hi, b.hi));
  }

  private static long i32x4MaxU(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      long x = (a >>> s) & 0xFFFF_FFFFL;
      long y = (b >>> s) & 0xFFFF_FFFFL;
      r |= ((long) (Math.max(x, y)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.all_true}: 1 when no lane is zero. */
  public static int i32x4AllTrue(V128 a) {
    for (int i = 0; i < 4; i++) {
      if (a.i32(i) == 0) {
        return 0;
      }
    }
    return 1;
  }

  /** {@code i32x4.bitmask}: the lanes' sign bits, lane 0 in bit 0. */
  public static int i32x4Bitmask(V128 a) {
    int m = 0;
    for (int i = 0; i < 4; i++) {
      if (a.i32(i) < 0) {
        m |= 1 << i;
      }
    }
    return m;
  }

  /** {@code i64x2.eq}. */
  public static V128 i64x2Eq(V128 a, V128 b) {
    return new V128(i64x2Eq(a.lo, b.lo), i64x2Eq(a.hi, b.hi));
  }

  private static long i64x2Eq(long a, long b) {
    long x = a;
    long y = b;
    return (x == y ? -1L : 0L);
  }

  /** {@code i64x2.ne}. */
  public static V128 i64x2Ne(V128 a, V128 b) {
    return new V128(i64x2Ne(a.lo, b.lo), i64x2Ne(a.hi, b.hi));
  }

  private static long i64x2Ne(long a, long b) {
    long x = a;
    long y = b;
    return (x != y ? -1L : 0L);
  }

  /** {@code i64x2.lt_s}. */
  public static V128 i64x2LtS(V128 a, V128 b) {
    return new V128(i64x2LtS(a.lo, b.lo), i64x2LtS(a.hi, b.hi));
  }

  private static long i64x2LtS(long a, long b) {
    long x = a;
    long y = b;
    return (x < y ? -1L : 0L);
  }

  /** {@code i64x2.gt_s}. */
  public static V128 i64x2GtS(V128 a, V128 b) {
    return new V128(i64x2GtS(a.lo, b.lo), i64x2GtS(a.hi, b.hi));
  }

  private static long i64x2GtS(long a, long b) {
    long x = a;
    long y = b;
    return (x > y ? -1L : 0L);
  }

  /** {@code i64x2.le_s}. */
  public static V128 i64x2LeS(V128 a, V128 b) {
    return new V128(i64x2LeS(a.lo, b.lo), i64x2LeS(a.hi, b.hi));
  }

  private static long i64x2LeS(long a, long b) {
    long x = a;
    long y = b;
    return (x <= y ? -1L : 0L);
  }

  /** {@code i64x2.ge_s}. */
  public static V128 i64x2GeS(V128 a, V128 b) {
    return new V128(i64x2GeS(a.lo, b.lo), i64x2GeS(a.hi, b.hi));
  }

  private static long i64x2GeS(long a, long b) {
    long x = a;
    long y = b;
    return (x >= y ? -1L : 0L);
  }

  /** {@code i64x2.abs}. */
  public static V128 i64x2Abs(V128 a) {
    return new V128(i64x2Abs(a.lo), i64x2Abs(a.hi));
  }

  private static long i64x2Abs(long a) {
    long x = a;
    return (Math.abs(x));
  }

  /** {@code i64x2.neg}. */
  public static V128 i64x2Neg(V128 a) {
    return new V128(i64x2Neg(a.lo), i64x2Neg(a.hi));
  }

  private static long i64x2Neg(long a) {
    long x = a;
    return (-x);
  }

  /** {@code i64x2.add}. */
  public static V128 i64x2Add(V128 a, V128 b) {
    return new V128(i64x2Add(a.lo, b.lo), i64x2Add(a.hi, b.hi));
  }

  private static long i64x2Add(long a, long b) {
    long x = a;
    long y = b;
    return (x + y);
  }

  /** {@code i64x2.sub}. */
  public static V128 i64x2Sub(V128 a, V128 b) {
    return new V128(i64x2Sub(a.lo, b.lo), i64x2Sub(a.hi, b.hi));
  }

  private static long i64x2Sub(long a, long b) {
    long x = a;
    long y = b;
    return (x - y);
  }

  /** {@code i64x2.shl}. */
  public static V128 i64x2Shl(V128 a, int count) {
    int c = count & 63;
    return new V128(i64x2Shl(a.lo, c), i64x2Shl(a.hi, c));
  }

  private static long i64x2Shl(long a, int c) {
    long x = a;
    return (x << c);
  }

  /** {@code i64x2.shr_s}. */
  public static V128 i64x2ShrS(V128 a, int count) {
    int c = count & 63;
    return new V128(i64x2ShrS(a.lo, c), i64x2ShrS(a.hi, c));
  }

  private static long i64x2ShrS(long a, int c) {
    long x = a;
    return (x >> c);
  }

  /** {@code i64x2.shr_u}. */
  public static V128 i64x2ShrU(V128 a, int count) {
    int c = count & 63;
    return new V128(i64x2ShrU(a.lo, c), i64x2ShrU(a.hi, c));
  }

  private static long i64x2ShrU(long a, int c) {
    long x = a;
    return (x >>> c);
  }

  /** {@code i64x2.mul}. */
  public static V128 i64x2Mul(V128 a, V128 b) {
    return new V128(i64x2Mul(a.lo, b.lo), i64x2Mul(a.hi, b.hi));
  }

  private static long i64x2Mul(long a, long b) {
    long x = a;
    long y = b;
    return (x * y);
  }

  /** {@code i64x2.all_true}: 1 when no lane is zero. */
  public static int i64x2AllTrue(V128 a) {
    for (int i = 0; i < 2; i++) {
      if (a.i64(i) == 0) {
        return 0;
      }
    }
    return 1;
  }

  /** {@code i64x2.bitmask}: the lanes' sign bits, lane 0 in bit 0. */
  public static int i64x2Bitmask(V128 a) {
    int m = 0;
    for (int i = 0; i < 2; i++) {
      if (a.i64(i) < 0) {
        m |= 1 << i;
      }
    }
    return m;
  }

  /** {@code i8x16.popcnt}. */
  public static V128 i8x16Popcnt(V128 a) {
    return new V128(i8x16Popcnt(a.lo), i8x16Popcnt(a.hi));
  }

  private static long i8x16Popcnt(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 8) {
      int x = (int) (a >>> s) & 0xFF;
      r |= ((long) (Integer.bitCount(x)) & 0xFFL) << s;
    }
    return r;
  }

  /** {@code i16x8.q15mulr_sat_s}. */
  public static V128 i16x8Q15mulrSatS(V128 a, V128 b) {
    return new V128(i16x8Q15mulrSatS(a.lo, b.lo), i16x8Q15mulrSatS(a.hi, b.hi));
  }

  private static long i16x8Q15mulrSatS(long a, long b) {
    long r = 0;
    for (int s = 0; s < 64; s += 16) {
      int x = (short) (a >>> s);
      int y = (short) (b >>> s);
      r |= ((long) (Math.max(-32768, Math.min(32767, (x * y + 0x4000) >> 15))) & 0xFFFFL) << s;
    }
    return r;
  }

  /** {@code i8x16.narrow_i16x8_s}. */
  public static V128 i8x16NarrowI16x8S(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 8; i++) {
      int j = i + 8;
      lo |=
          ((long) (Math.max(-128, Math.min(127, (i < 8 ? a.i16(i) : b.i16(i - 8))))) & 0xFFL)
              << (i * 8);
      hi |=
          ((long) (Math.max(-128, Math.min(127, (j < 8 ? a.i16(j) : b.i16(j - 8))))) & 0xFFL)
              << (i * 8);
    }
    return new V128(lo, hi);
  }

  /** {@code i8x16.narrow_i16x8_u}. */
  public static V128 i8x16NarrowI16x8U(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 8; i++) {
      int j = i + 8;
      lo |=
          ((long) (Math.max(0, Math.min(255, (i < 8 ? a.i16(i) : b.i16(i - 8))))) & 0xFFL)
              << (i * 8);
      hi |=
          ((long) (Math.max(0, Math.min(255, (j < 8 ? a.i16(j) : b.i16(j - 8))))) & 0xFFL)
              << (i * 8);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.narrow_i32x4_s}. */
  public static V128 i16x8NarrowI32x4S(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |=
          ((long) (Math.max(-32768, Math.min(32767, (i < 4 ? a.i32(i) : b.i32(i - 4))))) & 0xFFFFL)
              << (i * 16);
      hi |=
          ((long) (Math.max(-32768, Math.min(32767, (j < 4 ? a.i32(j) : b.i32(j - 4))))) & 0xFFFFL)
              << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.narrow_i32x4_u}. */
  public static V128 i16x8NarrowI32x4U(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |=
          ((long) (Math.max(0, Math.min(65535, (i < 4 ? a.i32(i) : b.i32(i - 4))))) & 0xFFFFL)
              << (i * 16);
      hi |=
          ((long) (Math.max(0, Math.min(65535, (j < 4 ? a.i32(j) : b.i32(j - 4))))) & 0xFFFFL)
              << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.extend_low_i8x16_s}. */
  public static V128 i16x8ExtendLowI8x16S(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= ((long) (a.i8(i)) & 0xFFFFL) << (i * 16);
      hi |= ((long) (a.i8(j)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.extmul_low_i8x16_s}. */
  public static V128 i16x8ExtmulLowI8x16S(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= ((long) (a.i8(i) * b.i8(i)) & 0xFFFFL) << (i * 16);
      hi |= ((long) (a.i8(j) * b.i8(j)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.extend_low_i8x16_u}. */
  public static V128 i16x8ExtendLowI8x16U(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= ((long) ((a.i8(i) & 0xFF)) & 0xFFFFL) << (i * 16);
      hi |= ((long) ((a.i8(j) & 0xFF)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.extmul_low_i8x16_u}. */
  public static V128 i16x8ExtmulLowI8x16U(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= (((long) (a.i8(i) & 0xFF) * (b.i8(i) & 0xFF)) & 0xFFFFL) << (i * 16);
      hi |= (((long) (a.i8(j) & 0xFF) * (b.i8(j) & 0xFF)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.extend_high_i8x16_s}. */
  public static V128 i16x8ExtendHighI8x16S(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= ((long) (a.i8(i + 8)) & 0xFFFFL) << (i * 16);
      hi |= ((long) (a.i8(j + 8)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.extmul_high_i8x16_s}. */
  public static V128 i16x8ExtmulHighI8x16S(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= ((long) (a.i8(i + 8) * b.i8(i + 8)) & 0xFFFFL) << (i * 16);
      hi |= ((long) (a.i8(j + 8) * b.i8(j + 8)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.extend_high_i8x16_u}. */
  public static V128 i16x8ExtendHighI8x16U(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= ((long) ((a.i8(i + 8) & 0xFF)) & 0xFFFFL) << (i * 16);
      hi |= ((long) ((a.i8(j + 8) & 0xFF)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.extmul_high_i8x16_u}. */
  public static V128 i16x8ExtmulHighI8x16U(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= (((long) (a.i8(i + 8) & 0xFF) * (b.i8(i + 8) & 0xFF)) & 0xFFFFL) << (i * 16);
      hi |= (((long) (a.i8(j + 8) & 0xFF) * (b.i8(j + 8) & 0xFF)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extend_low_i16x8_s}. */
  public static V128 i32x4ExtendLowI16x8S(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= ((long) (a.i16(i)) & 0xFFFF_FFFFL) << (i * 32);
      hi |= ((long) (a.i16(j)) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extmul_low_i16x8_s}. */
  public static V128 i32x4ExtmulLowI16x8S(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= ((long) (a.i16(i) * b.i16(i)) & 0xFFFF_FFFFL) << (i * 32);
      hi |= ((long) (a.i16(j) * b.i16(j)) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extend_low_i16x8_u}. */
  public static V128 i32x4ExtendLowI16x8U(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= ((long) ((a.i16(i) & 0xFFFF)) & 0xFFFF_FFFFL) << (i * 32);
      hi |= ((long) ((a.i16(j) & 0xFFFF)) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extmul_low_i16x8_u}. */
  public static V128 i32x4ExtmulLowI16x8U(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= (((long) (a.i16(i) & 0xFFFF) * (b.i16(i) & 0xFFFF)) & 0xFFFF_FFFFL) << (i * 32);
      hi |= (((long) (a.i16(j) & 0xFFFF) * (b.i16(j) & 0xFFFF)) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extend_high_i16x8_s}. */
  public static V128 i32x4ExtendHighI16x8S(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= ((long) (a.i16(i + 4)) & 0xFFFF_FFFFL) << (i * 32);
      hi |= ((long) (a.i16(j + 4)) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extmul_high_i16x8_s}. */
  public static V128 i32x4ExtmulHighI16x8S(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= ((long) (a.i16(i + 4) * b.i16(i + 4)) & 0xFFFF_FFFFL) << (i * 32);
      hi |= ((long) (a.i16(j + 4) * b.i16(j + 4)) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extend_high_i16x8_u}. */
  public static V128 i32x4ExtendHighI16x8U(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= ((long) ((a.i16(i + 4) & 0xFFFF)) & 0xFFFF_FFFFL) << (i * 32);
      hi |= ((long) ((a.i16(j + 4) & 0xFFFF)) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extmul_high_i16x8_u}. */
  public static V128 i32x4ExtmulHighI16x8U(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= (((long) (a.i16(i + 4) & 0xFFFF) * (b.i16(i + 4) & 0xFFFF)) & 0xFFFF_FFFFL) << (i * 32);
      hi |= (((long) (a.i16(j + 4) & 0xFFFF) * (b.i16(j + 4) & 0xFFFF)) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i64x2.extend_low_i32x4_s}. */
  public static V128 i64x2ExtendLowI32x4S(V128 a) {
    return new V128((a.i32(0)), (a.i32(1)));
  }

  /** {@code i64x2.extmul_low_i32x4_s}. */
  public static V128 i64x2ExtmulLowI32x4S(V128 a, V128 b) {
    return new V128(((long) a.i32(0) * b.i32(0)), ((long) a.i32(1) * b.i32(1)));
  }

  /** {@code i64x2.extend_low_i32x4_u}. */
  public static V128 i64x2ExtendLowI32x4U(V128 a) {
    return new V128(((a.i32(0) & 0xFFFF_FFFFL)), ((a.i32(1) & 0xFFFF_FFFFL)));
  }

  /** {@code i64x2.extmul_low_i32x4_u}. */
  public static V128 i64x2ExtmulLowI32x4U(V128 a, V128 b) {
    return new V128(
        ((long) (a.i32(0) & 0xFFFF_FFFFL) * (b.i32(0) & 0xFFFF_FFFFL)),
        ((long) (a.i32(1) & 0xFFFF_FFFFL) * (b.i32(1) & 0xFFFF_FFFFL)));
  }

  /** {@code i64x2.extend_high_i32x4_s}. */
  public static V128 i64x2ExtendHighI32x4S(V128 a) {
    return new V128((a.i32(0 + 2)), (a.i32(1 + 2)));
  }

  /** {@code i64x2.extmul_high_i32x4_s}. */
  public static V128 i64x2ExtmulHighI32x4S(V128 a, V128 b) {
    return new V128(((long) a.i32(0 + 2) * b.i32(0 + 2)), ((long) a.i32(1 + 2) * b.i32(1 + 2)));
  }

  /** {@code i64x2.extend_high_i32x4_u}. */
  public static V128 i64x2ExtendHighI32x4U(V128 a) {
    return new V128(((a.i32(0 + 2) & 0xFFFF_FFFFL)), ((a.i32(1 + 2) & 0xFFFF_FFFFL)));
  }

  /** {@code i64x2.extmul_high_i32x4_u}. */
  public static V128 i64x2ExtmulHighI32x4U(V128 a, V128 b) {
    return new V128(
        ((long) (a.i32(0 + 2) & 0xFFFF_FFFFL) * (b.i32(0 + 2) & 0xFFFF_FFFFL)),
        ((long) (a.i32(1 + 2) & 0xFFFF_FFFFL) * (b.i32(1 + 2) & 0xFFFF_FFFFL)));
  }

  /** {@code i16x8.extadd_pairwise_i8x16_s}. */
  public static V128 i16x8ExtaddPairwiseI8x16S(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= ((long) (a.i8(2 * i) + a.i8(2 * i + 1)) & 0xFFFFL) << (i * 16);
      hi |= ((long) (a.i8(2 * j) + a.i8(2 * j + 1)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i16x8.extadd_pairwise_i8x16_u}. */
  public static V128 i16x8ExtaddPairwiseI8x16U(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      int j = i + 4;
      lo |= ((long) ((a.i8(2 * i) & 0xFF) + (a.i8(2 * i + 1) & 0xFF)) & 0xFFFFL) << (i * 16);
      hi |= ((long) ((a.i8(2 * j) & 0xFF) + (a.i8(2 * j + 1) & 0xFF)) & 0xFFFFL) << (i * 16);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extadd_pairwise_i16x8_s}. */
  public static V128 i32x4ExtaddPairwiseI16x8S(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |= ((long) (a.i16(2 * i) + a.i16(2 * i + 1)) & 0xFFFF_FFFFL) << (i * 32);
      hi |= ((long) (a.i16(2 * j) + a.i16(2 * j + 1)) & 0xFFFF_FFFFL) << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.extadd_pairwise_i16x8_u}. */
  public static V128 i32x4ExtaddPairwiseI16x8U(V128 a) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |=
          ((long) ((a.i16(2 * i) & 0xFFFF) + (a.i16(2 * i + 1) & 0xFFFF)) & 0xFFFF_FFFFL)
              << (i * 32);
      hi |=
          ((long) ((a.i16(2 * j) & 0xFFFF) + (a.i16(2 * j + 1) & 0xFFFF)) & 0xFFFF_FFFFL)
              << (i * 32);
    }
    return new V128(lo, hi);
  }

  /** {@code i32x4.dot_i16x8_s}. */
  public static V128 i32x4DotI16x8S(V128 a, V128 b) {
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < 2; i++) {
      int j = i + 2;
      lo |=
          ((long) (a.i16(2 * i) * b.i16(2 * i) + a.i16(2 * i + 1) * b.i16(2 * i + 1))
                  & 0xFFFF_FFFFL)
              << (i * 32);
      hi |=
          ((long) (a.i16(2 * j) * b.i16(2 * j) + a.i16(2 * j + 1) * b.i16(2 * j + 1))
                  & 0xFFFF_FFFFL)
              << (i * 32);
    }
    return new V128(lo, hi);
  }
}
