package dev.flarec.runtime.simd;

/**
 * The integer lane operations of {@code v128}: each lane-wise operation works on one 64-bit half at
 * a time, its 8- and 16-bit lanes all at once ({@link PackedLanes}), wider ones read with shifts
 * (sign- or zero-extended as the instruction says) and written back masked to their width.
 * Operations that move lanes between halves (narrowing, widening, pairwise and dot products) build
 * the result lane by lane.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Wasm 2.0 §4.3</a>
 */
public final class IntLanes {
  /** The top bit of each 8-bit lane. */
  private static final long H8 = 0x8080_8080_8080_8080L;

  /** The top bit of each 16-bit lane. */
  private static final long H16 = 0x8000_8000_8000_8000L;

  /** The low 32-bit lane of a half. */
  private static final long LOW32 = 0xFFFF_FFFFL;

  /** 1 in each 8-, 16- or 32-bit lane: a lane's pattern times this fills every lane. */
  private static final long ONES8 = 0x0101_0101_0101_0101L;

  private static final long ONES16 = 0x0001_0001_0001_0001L;
  private static final long ONES32 = 0x0000_0001_0000_0001L;

  /** The low byte of each 16-bit lane, its sign bit, and the low half of each 32-bit lane. */
  private static final long LOW8_OF16 = 0x00FF_00FF_00FF_00FFL;

  private static final long SIGN8_OF16 = 0x0080_0080_0080_0080L;
  private static final long LOW16_OF32 = 0x0000_FFFF_0000_FFFFL;
  private static final long HIGH8_OF16 = 0xFF00_FF00_FF00_FF00L;

  private IntLanes() {}

  // ---- widening: four, two or one lanes of 32 bits' worth of a half, each lane twice as wide ----

  static long widenU8(int x) {
    long w = x & LOW32;
    w = (w | w << 16) & LOW16_OF32;
    return (w | w << 8) & LOW8_OF16;
  }

  /**
   * The lane-wise product of two halves whose 16-bit lanes are bytes ({@code extmul} of unsigned
   * bytes): where either has all four lanes equal (a byte splat, the loop-invariant factor of an
   * auto-vectorised loop), one multiply, as no product of two bytes leaves its lane.
   */
  private static long mulBytes(long a, long b) {
    long s = b & 0xFFL;
    if (b == s * ONES16) {
      return a * s;
    }
    long t = a & 0xFFL;
    if (a == t * ONES16) {
      return b * t;
    }
    return i16x8MulHalf(a, b);
  }

  static long widenS8(int x) {
    long w = widenU8(x);
    return w | (w & SIGN8_OF16) * 0x1FEL;
  }

  static long widenU16(int x) {
    return (x & 0xFFFFL) | (x & 0xFFFF_0000L) << 16;
  }

  static long widenS16(int x) {
    return ((short) x & LOW32) | (long) (x >> 16) << 32;
  }

  static long widenU32(int x) {
    return x & LOW32;
  }

  static long widenS32(int x) {
    return x;
  }

  /** {@code i8x16.eq}. */
  public static V128 i8x16Eq(V128 a, V128 b) {
    return new V128(i8x16EqHalf(a.lo, b.lo), i8x16EqHalf(a.hi, b.hi));
  }

  public static long i8x16EqHalf(long a, long b) {
    return PackedLanes.spread(~PackedLanes.nonZero(a ^ b, H8) & H8, 8);
  }

  /** {@code i8x16.ne}. */
  public static V128 i8x16Ne(V128 a, V128 b) {
    return new V128(i8x16NeHalf(a.lo, b.lo), i8x16NeHalf(a.hi, b.hi));
  }

  public static long i8x16NeHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.nonZero(a ^ b, H8), 8);
  }

  /** {@code i8x16.lt_s}. */
  public static V128 i8x16LtS(V128 a, V128 b) {
    return new V128(i8x16LtSHalf(a.lo, b.lo), i8x16LtSHalf(a.hi, b.hi));
  }

  public static long i8x16LtSHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.belowS(a, b, H8), 8);
  }

  /** {@code i8x16.lt_u}. */
  public static V128 i8x16LtU(V128 a, V128 b) {
    return new V128(i8x16LtUHalf(a.lo, b.lo), i8x16LtUHalf(a.hi, b.hi));
  }

  public static long i8x16LtUHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.belowU(a, b, H8), 8);
  }

  /** {@code i8x16.gt_s}. */
  public static V128 i8x16GtS(V128 a, V128 b) {
    return new V128(i8x16GtSHalf(a.lo, b.lo), i8x16GtSHalf(a.hi, b.hi));
  }

  public static long i8x16GtSHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.belowS(b, a, H8), 8);
  }

  /** {@code i8x16.gt_u}. */
  public static V128 i8x16GtU(V128 a, V128 b) {
    return new V128(i8x16GtUHalf(a.lo, b.lo), i8x16GtUHalf(a.hi, b.hi));
  }

  public static long i8x16GtUHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.belowU(b, a, H8), 8);
  }

  /** {@code i8x16.le_s}. */
  public static V128 i8x16LeS(V128 a, V128 b) {
    return new V128(i8x16LeSHalf(a.lo, b.lo), i8x16LeSHalf(a.hi, b.hi));
  }

  public static long i8x16LeSHalf(long a, long b) {
    return ~PackedLanes.spread(PackedLanes.belowS(b, a, H8), 8);
  }

  /** {@code i8x16.le_u}. */
  public static V128 i8x16LeU(V128 a, V128 b) {
    return new V128(i8x16LeUHalf(a.lo, b.lo), i8x16LeUHalf(a.hi, b.hi));
  }

  public static long i8x16LeUHalf(long a, long b) {
    return ~PackedLanes.spread(PackedLanes.belowU(b, a, H8), 8);
  }

  /** {@code i8x16.ge_s}. */
  public static V128 i8x16GeS(V128 a, V128 b) {
    return new V128(i8x16GeSHalf(a.lo, b.lo), i8x16GeSHalf(a.hi, b.hi));
  }

  public static long i8x16GeSHalf(long a, long b) {
    return ~PackedLanes.spread(PackedLanes.belowS(a, b, H8), 8);
  }

  /** {@code i8x16.ge_u}. */
  public static V128 i8x16GeU(V128 a, V128 b) {
    return new V128(i8x16GeUHalf(a.lo, b.lo), i8x16GeUHalf(a.hi, b.hi));
  }

  public static long i8x16GeUHalf(long a, long b) {
    return ~PackedLanes.spread(PackedLanes.belowU(a, b, H8), 8);
  }

  /** {@code i8x16.abs}. */
  public static V128 i8x16Abs(V128 a) {
    return new V128(i8x16AbsHalf(a.lo), i8x16AbsHalf(a.hi));
  }

  public static long i8x16AbsHalf(long a) {
    return PackedLanes.abs(a, H8, 8);
  }

  /** {@code i8x16.neg}. */
  public static V128 i8x16Neg(V128 a) {
    return new V128(i8x16NegHalf(a.lo), i8x16NegHalf(a.hi));
  }

  public static long i8x16NegHalf(long a) {
    return PackedLanes.sub(0, a, H8);
  }

  /** {@code i8x16.add}. */
  public static V128 i8x16Add(V128 a, V128 b) {
    return new V128(i8x16AddHalf(a.lo, b.lo), i8x16AddHalf(a.hi, b.hi));
  }

  public static long i8x16AddHalf(long a, long b) {
    return ((a & ~H8) + (b & ~H8)) ^ ((a ^ b) & H8);
  }

  /** {@code i8x16.sub}. */
  public static V128 i8x16Sub(V128 a, V128 b) {
    return new V128(i8x16SubHalf(a.lo, b.lo), i8x16SubHalf(a.hi, b.hi));
  }

  public static long i8x16SubHalf(long a, long b) {
    return ((a | H8) - (b & ~H8)) ^ ((a ^ ~b) & H8);
  }

  /** {@code i8x16.shl}. */
  public static V128 i8x16Shl(V128 a, int count) {
    int c = count & 7;
    return new V128(i8x16ShlHalf(a.lo, c), i8x16ShlHalf(a.hi, c));
  }

  public static long i8x16ShlHalf(long a, int count) {
    int c = count & 7;
    return (a << c) & ((0xFFL << c) & 0xFFL) * ONES8;
  }

  /** {@code i8x16.shr_s}. */
  public static V128 i8x16ShrS(V128 a, int count) {
    int c = count & 7;
    return new V128(i8x16ShrSHalf(a.lo, c), i8x16ShrSHalf(a.hi, c));
  }

  public static long i8x16ShrSHalf(long a, int count) {
    return PackedLanes.shiftRightS(a, count & 7, H8, 8);
  }

  /** {@code i8x16.shr_u}. */
  public static V128 i8x16ShrU(V128 a, int count) {
    int c = count & 7;
    return new V128(i8x16ShrUHalf(a.lo, c), i8x16ShrUHalf(a.hi, c));
  }

  public static long i8x16ShrUHalf(long a, int count) {
    int c = count & 7;
    return (a >>> c) & (0xFFL >>> c) * ONES8;
  }

  /** {@code i8x16.add_sat_s}. */
  public static V128 i8x16AddSatS(V128 a, V128 b) {
    return new V128(i8x16AddSatSHalf(a.lo, b.lo), i8x16AddSatSHalf(a.hi, b.hi));
  }

  public static long i8x16AddSatSHalf(long a, long b) {
    return PackedLanes.addSatS(a, b, H8, 8);
  }

  /** {@code i8x16.add_sat_u}. */
  public static V128 i8x16AddSatU(V128 a, V128 b) {
    return new V128(i8x16AddSatUHalf(a.lo, b.lo), i8x16AddSatUHalf(a.hi, b.hi));
  }

  public static long i8x16AddSatUHalf(long a, long b) {
    return PackedLanes.addSatU(a, b, H8, 8);
  }

  /** {@code i8x16.sub_sat_s}. */
  public static V128 i8x16SubSatS(V128 a, V128 b) {
    return new V128(i8x16SubSatSHalf(a.lo, b.lo), i8x16SubSatSHalf(a.hi, b.hi));
  }

  public static long i8x16SubSatSHalf(long a, long b) {
    return PackedLanes.subSatS(a, b, H8, 8);
  }

  /** {@code i8x16.sub_sat_u}. */
  public static V128 i8x16SubSatU(V128 a, V128 b) {
    return new V128(i8x16SubSatUHalf(a.lo, b.lo), i8x16SubSatUHalf(a.hi, b.hi));
  }

  public static long i8x16SubSatUHalf(long a, long b) {
    return PackedLanes.subSatU(a, b, H8, 8);
  }

  /** {@code i8x16.avgr_u}. */
  public static V128 i8x16AvgrU(V128 a, V128 b) {
    return new V128(i8x16AvgrUHalf(a.lo, b.lo), i8x16AvgrUHalf(a.hi, b.hi));
  }

  public static long i8x16AvgrUHalf(long a, long b) {
    return PackedLanes.averageU(a, b, H8);
  }

  /** {@code i8x16.min_s}. */
  public static V128 i8x16MinS(V128 a, V128 b) {
    return new V128(i8x16MinSHalf(a.lo, b.lo), i8x16MinSHalf(a.hi, b.hi));
  }

  public static long i8x16MinSHalf(long a, long b) {
    return V128Bits.v128BitselectHalf(a, b, PackedLanes.spread(PackedLanes.belowS(a, b, H8), 8));
  }

  /** {@code i8x16.min_u}. */
  public static V128 i8x16MinU(V128 a, V128 b) {
    return new V128(i8x16MinUHalf(a.lo, b.lo), i8x16MinUHalf(a.hi, b.hi));
  }

  public static long i8x16MinUHalf(long a, long b) {
    return V128Bits.v128BitselectHalf(a, b, PackedLanes.spread(PackedLanes.belowU(a, b, H8), 8));
  }

  /** {@code i8x16.max_s}. */
  public static V128 i8x16MaxS(V128 a, V128 b) {
    return new V128(i8x16MaxSHalf(a.lo, b.lo), i8x16MaxSHalf(a.hi, b.hi));
  }

  public static long i8x16MaxSHalf(long a, long b) {
    return V128Bits.v128BitselectHalf(b, a, PackedLanes.spread(PackedLanes.belowS(a, b, H8), 8));
  }

  /** {@code i8x16.max_u}. */
  public static V128 i8x16MaxU(V128 a, V128 b) {
    return new V128(i8x16MaxUHalf(a.lo, b.lo), i8x16MaxUHalf(a.hi, b.hi));
  }

  public static long i8x16MaxUHalf(long a, long b) {
    return V128Bits.v128BitselectHalf(b, a, PackedLanes.spread(PackedLanes.belowU(a, b, H8), 8));
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
    return new V128(i16x8EqHalf(a.lo, b.lo), i16x8EqHalf(a.hi, b.hi));
  }

  public static long i16x8EqHalf(long a, long b) {
    return PackedLanes.spread(~PackedLanes.nonZero(a ^ b, H16) & H16, 16);
  }

  /** {@code i16x8.ne}. */
  public static V128 i16x8Ne(V128 a, V128 b) {
    return new V128(i16x8NeHalf(a.lo, b.lo), i16x8NeHalf(a.hi, b.hi));
  }

  public static long i16x8NeHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.nonZero(a ^ b, H16), 16);
  }

  /** {@code i16x8.lt_s}. */
  public static V128 i16x8LtS(V128 a, V128 b) {
    return new V128(i16x8LtSHalf(a.lo, b.lo), i16x8LtSHalf(a.hi, b.hi));
  }

  public static long i16x8LtSHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.belowS(a, b, H16), 16);
  }

  /** {@code i16x8.lt_u}. */
  public static V128 i16x8LtU(V128 a, V128 b) {
    return new V128(i16x8LtUHalf(a.lo, b.lo), i16x8LtUHalf(a.hi, b.hi));
  }

  public static long i16x8LtUHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.belowU(a, b, H16), 16);
  }

  /** {@code i16x8.gt_s}. */
  public static V128 i16x8GtS(V128 a, V128 b) {
    return new V128(i16x8GtSHalf(a.lo, b.lo), i16x8GtSHalf(a.hi, b.hi));
  }

  public static long i16x8GtSHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.belowS(b, a, H16), 16);
  }

  /** {@code i16x8.gt_u}. */
  public static V128 i16x8GtU(V128 a, V128 b) {
    return new V128(i16x8GtUHalf(a.lo, b.lo), i16x8GtUHalf(a.hi, b.hi));
  }

  public static long i16x8GtUHalf(long a, long b) {
    return PackedLanes.spread(PackedLanes.belowU(b, a, H16), 16);
  }

  /** {@code i16x8.le_s}. */
  public static V128 i16x8LeS(V128 a, V128 b) {
    return new V128(i16x8LeSHalf(a.lo, b.lo), i16x8LeSHalf(a.hi, b.hi));
  }

  public static long i16x8LeSHalf(long a, long b) {
    return ~PackedLanes.spread(PackedLanes.belowS(b, a, H16), 16);
  }

  /** {@code i16x8.le_u}. */
  public static V128 i16x8LeU(V128 a, V128 b) {
    return new V128(i16x8LeUHalf(a.lo, b.lo), i16x8LeUHalf(a.hi, b.hi));
  }

  public static long i16x8LeUHalf(long a, long b) {
    return ~PackedLanes.spread(PackedLanes.belowU(b, a, H16), 16);
  }

  /** {@code i16x8.ge_s}. */
  public static V128 i16x8GeS(V128 a, V128 b) {
    return new V128(i16x8GeSHalf(a.lo, b.lo), i16x8GeSHalf(a.hi, b.hi));
  }

  public static long i16x8GeSHalf(long a, long b) {
    return ~PackedLanes.spread(PackedLanes.belowS(a, b, H16), 16);
  }

  /** {@code i16x8.ge_u}. */
  public static V128 i16x8GeU(V128 a, V128 b) {
    return new V128(i16x8GeUHalf(a.lo, b.lo), i16x8GeUHalf(a.hi, b.hi));
  }

  public static long i16x8GeUHalf(long a, long b) {
    return ~PackedLanes.spread(PackedLanes.belowU(a, b, H16), 16);
  }

  /** {@code i16x8.abs}. */
  public static V128 i16x8Abs(V128 a) {
    return new V128(i16x8AbsHalf(a.lo), i16x8AbsHalf(a.hi));
  }

  public static long i16x8AbsHalf(long a) {
    return PackedLanes.abs(a, H16, 16);
  }

  /** {@code i16x8.neg}. */
  public static V128 i16x8Neg(V128 a) {
    return new V128(i16x8NegHalf(a.lo), i16x8NegHalf(a.hi));
  }

  public static long i16x8NegHalf(long a) {
    return PackedLanes.sub(0, a, H16);
  }

  /** {@code i16x8.add}. */
  public static V128 i16x8Add(V128 a, V128 b) {
    return new V128(i16x8AddHalf(a.lo, b.lo), i16x8AddHalf(a.hi, b.hi));
  }

  public static long i16x8AddHalf(long a, long b) {
    return ((a & ~H16) + (b & ~H16)) ^ ((a ^ b) & H16);
  }

  /** {@code i16x8.sub}. */
  public static V128 i16x8Sub(V128 a, V128 b) {
    return new V128(i16x8SubHalf(a.lo, b.lo), i16x8SubHalf(a.hi, b.hi));
  }

  public static long i16x8SubHalf(long a, long b) {
    return ((a | H16) - (b & ~H16)) ^ ((a ^ ~b) & H16);
  }

  /** {@code i16x8.shl}. */
  public static V128 i16x8Shl(V128 a, int count) {
    int c = count & 15;
    return new V128(i16x8ShlHalf(a.lo, c), i16x8ShlHalf(a.hi, c));
  }

  public static long i16x8ShlHalf(long a, int count) {
    int c = count & 15;
    return (a << c) & ((0xFFFFL << c) & 0xFFFFL) * ONES16;
  }

  /** {@code i16x8.shr_s}. */
  public static V128 i16x8ShrS(V128 a, int count) {
    int c = count & 15;
    return new V128(i16x8ShrSHalf(a.lo, c), i16x8ShrSHalf(a.hi, c));
  }

  public static long i16x8ShrSHalf(long a, int count) {
    return PackedLanes.shiftRightS(a, count & 15, H16, 16);
  }

  /** {@code i16x8.shr_u}. */
  public static V128 i16x8ShrU(V128 a, int count) {
    int c = count & 15;
    return new V128(i16x8ShrUHalf(a.lo, c), i16x8ShrUHalf(a.hi, c));
  }

  public static long i16x8ShrUHalf(long a, int count) {
    int c = count & 15;
    return (a >>> c) & (0xFFFFL >>> c) * ONES16;
  }

  /** {@code i16x8.mul}. */
  public static V128 i16x8Mul(V128 a, V128 b) {
    return new V128(i16x8MulHalf(a.lo, b.lo), i16x8MulHalf(a.hi, b.hi));
  }

  public static long i16x8MulHalf(long a, long b) {
    // the low 16 bits of a product depend only on the low 16 bits of its factors
    return (a * b & 0xFFFFL)
        | ((a >>> 16) * (b >>> 16) & 0xFFFFL) << 16
        | ((a >>> 32) * (b >>> 32) & 0xFFFFL) << 32
        | (a >>> 48) * (b >>> 48) << 48;
  }

  /**
   * One half of {@code i16x8.mul} by a splat: {@code splat} is a half of a value whose 16-bit lanes
   * are all equal. Lanes 0 and 2 sit in 32-bit slots of their own, as do lanes 1 and 3, so each
   * slot's product with a 16-bit factor fits its slot: two multiplies per half instead of four.
   */
  public static long i16x8MulSplatHalf(long a, long splat) {
    long s = splat & 0xFFFFL;
    if (s <= 0x100 && (a & HIGH8_OF16) == 0) {
      return a * s; // byte lanes times at most 256: no product leaves its lane
    }
    return ((a & LOW16_OF32) * s & LOW16_OF32) | ((a & ~LOW16_OF32) * s & ~LOW16_OF32);
  }

  /** {@code i16x8.add_sat_s}. */
  public static V128 i16x8AddSatS(V128 a, V128 b) {
    return new V128(i16x8AddSatSHalf(a.lo, b.lo), i16x8AddSatSHalf(a.hi, b.hi));
  }

  public static long i16x8AddSatSHalf(long a, long b) {
    return PackedLanes.addSatS(a, b, H16, 16);
  }

  /** {@code i16x8.add_sat_u}. */
  public static V128 i16x8AddSatU(V128 a, V128 b) {
    return new V128(i16x8AddSatUHalf(a.lo, b.lo), i16x8AddSatUHalf(a.hi, b.hi));
  }

  public static long i16x8AddSatUHalf(long a, long b) {
    return PackedLanes.addSatU(a, b, H16, 16);
  }

  /** {@code i16x8.sub_sat_s}. */
  public static V128 i16x8SubSatS(V128 a, V128 b) {
    return new V128(i16x8SubSatSHalf(a.lo, b.lo), i16x8SubSatSHalf(a.hi, b.hi));
  }

  public static long i16x8SubSatSHalf(long a, long b) {
    return PackedLanes.subSatS(a, b, H16, 16);
  }

  /** {@code i16x8.sub_sat_u}. */
  public static V128 i16x8SubSatU(V128 a, V128 b) {
    return new V128(i16x8SubSatUHalf(a.lo, b.lo), i16x8SubSatUHalf(a.hi, b.hi));
  }

  public static long i16x8SubSatUHalf(long a, long b) {
    return PackedLanes.subSatU(a, b, H16, 16);
  }

  /** {@code i16x8.avgr_u}. */
  public static V128 i16x8AvgrU(V128 a, V128 b) {
    return new V128(i16x8AvgrUHalf(a.lo, b.lo), i16x8AvgrUHalf(a.hi, b.hi));
  }

  public static long i16x8AvgrUHalf(long a, long b) {
    return PackedLanes.averageU(a, b, H16);
  }

  /** {@code i16x8.min_s}. */
  public static V128 i16x8MinS(V128 a, V128 b) {
    return new V128(i16x8MinSHalf(a.lo, b.lo), i16x8MinSHalf(a.hi, b.hi));
  }

  public static long i16x8MinSHalf(long a, long b) {
    return V128Bits.v128BitselectHalf(a, b, PackedLanes.spread(PackedLanes.belowS(a, b, H16), 16));
  }

  /** {@code i16x8.min_u}. */
  public static V128 i16x8MinU(V128 a, V128 b) {
    return new V128(i16x8MinUHalf(a.lo, b.lo), i16x8MinUHalf(a.hi, b.hi));
  }

  public static long i16x8MinUHalf(long a, long b) {
    return V128Bits.v128BitselectHalf(a, b, PackedLanes.spread(PackedLanes.belowU(a, b, H16), 16));
  }

  /** {@code i16x8.max_s}. */
  public static V128 i16x8MaxS(V128 a, V128 b) {
    return new V128(i16x8MaxSHalf(a.lo, b.lo), i16x8MaxSHalf(a.hi, b.hi));
  }

  public static long i16x8MaxSHalf(long a, long b) {
    return V128Bits.v128BitselectHalf(b, a, PackedLanes.spread(PackedLanes.belowS(a, b, H16), 16));
  }

  /** {@code i16x8.max_u}. */
  public static V128 i16x8MaxU(V128 a, V128 b) {
    return new V128(i16x8MaxUHalf(a.lo, b.lo), i16x8MaxUHalf(a.hi, b.hi));
  }

  public static long i16x8MaxUHalf(long a, long b) {
    return V128Bits.v128BitselectHalf(b, a, PackedLanes.spread(PackedLanes.belowU(a, b, H16), 16));
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
    return new V128(i32x4EqHalf(a.lo, b.lo), i32x4EqHalf(a.hi, b.hi));
  }

  public static long i32x4EqHalf(long a, long b) {
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
    return new V128(i32x4NeHalf(a.lo, b.lo), i32x4NeHalf(a.hi, b.hi));
  }

  public static long i32x4NeHalf(long a, long b) {
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
    return new V128(i32x4LtSHalf(a.lo, b.lo), i32x4LtSHalf(a.hi, b.hi));
  }

  public static long i32x4LtSHalf(long a, long b) {
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
    return new V128(i32x4LtUHalf(a.lo, b.lo), i32x4LtUHalf(a.hi, b.hi));
  }

  public static long i32x4LtUHalf(long a, long b) {
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
    return new V128(i32x4GtSHalf(a.lo, b.lo), i32x4GtSHalf(a.hi, b.hi));
  }

  public static long i32x4GtSHalf(long a, long b) {
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
    return new V128(i32x4GtUHalf(a.lo, b.lo), i32x4GtUHalf(a.hi, b.hi));
  }

  public static long i32x4GtUHalf(long a, long b) {
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
    return new V128(i32x4LeSHalf(a.lo, b.lo), i32x4LeSHalf(a.hi, b.hi));
  }

  public static long i32x4LeSHalf(long a, long b) {
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
    return new V128(i32x4LeUHalf(a.lo, b.lo), i32x4LeUHalf(a.hi, b.hi));
  }

  public static long i32x4LeUHalf(long a, long b) {
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
    return new V128(i32x4GeSHalf(a.lo, b.lo), i32x4GeSHalf(a.hi, b.hi));
  }

  public static long i32x4GeSHalf(long a, long b) {
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
    return new V128(i32x4GeUHalf(a.lo, b.lo), i32x4GeUHalf(a.hi, b.hi));
  }

  public static long i32x4GeUHalf(long a, long b) {
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
    return new V128(i32x4AbsHalf(a.lo), i32x4AbsHalf(a.hi));
  }

  public static long i32x4AbsHalf(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      r |= ((long) (Math.abs(x)) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.neg}. */
  public static V128 i32x4Neg(V128 a) {
    return new V128(i32x4NegHalf(a.lo), i32x4NegHalf(a.hi));
  }

  public static long i32x4NegHalf(long a) {
    long r = 0;
    for (int s = 0; s < 64; s += 32) {
      int x = (int) (a >>> s);
      r |= ((long) (-x) & 0xFFFF_FFFFL) << s;
    }
    return r;
  }

  /** {@code i32x4.add}. */
  public static V128 i32x4Add(V128 a, V128 b) {
    return new V128(i32x4AddHalf(a.lo, b.lo), i32x4AddHalf(a.hi, b.hi));
  }

  public static long i32x4AddHalf(long a, long b) {
    return ((a + b) & LOW32) | ((a & ~LOW32) + (b & ~LOW32));
  }

  /** {@code i32x4.sub}. */
  public static V128 i32x4Sub(V128 a, V128 b) {
    return new V128(i32x4SubHalf(a.lo, b.lo), i32x4SubHalf(a.hi, b.hi));
  }

  public static long i32x4SubHalf(long a, long b) {
    return ((a - b) & LOW32) | ((a & ~LOW32) - (b & ~LOW32));
  }

  /** {@code i32x4.shl}. */
  public static V128 i32x4Shl(V128 a, int count) {
    int c = count & 31;
    return new V128(i32x4ShlHalf(a.lo, c), i32x4ShlHalf(a.hi, c));
  }

  public static long i32x4ShlHalf(long a, int count) {
    int c = count & 31;
    return (a << c) & ((LOW32 << c) & LOW32) * ONES32;
  }

  /** {@code i32x4.shr_s}. */
  public static V128 i32x4ShrS(V128 a, int count) {
    int c = count & 31;
    return new V128(i32x4ShrSHalf(a.lo, c), i32x4ShrSHalf(a.hi, c));
  }

  public static long i32x4ShrSHalf(long a, int count) {
    int c = count & 31;
    return ((long) ((int) a >> c) & LOW32) | (a >> 32 >> c) << 32;
  }

  /** {@code i32x4.shr_u}. */
  public static V128 i32x4ShrU(V128 a, int count) {
    int c = count & 31;
    return new V128(i32x4ShrUHalf(a.lo, c), i32x4ShrUHalf(a.hi, c));
  }

  public static long i32x4ShrUHalf(long a, int count) {
    int c = count & 31;
    return (a >>> c) & (LOW32 >>> c) * ONES32;
  }

  /** {@code i32x4.mul}. */
  public static V128 i32x4Mul(V128 a, V128 b) {
    return new V128(i32x4MulHalf(a.lo, b.lo), i32x4MulHalf(a.hi, b.hi));
  }

  public static long i32x4MulHalf(long a, long b) {
    return (a * b & LOW32) | ((a >>> 32) * (b >>> 32) << 32);
  }

  /** {@code i32x4.min_s}. */
  public static V128 i32x4MinS(V128 a, V128 b) {
    return new V128(i32x4MinSHalf(a.lo, b.lo), i32x4MinSHalf(a.hi, b.hi));
  }

  public static long i32x4MinSHalf(long a, long b) {
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
    return new V128(i32x4MinUHalf(a.lo, b.lo), i32x4MinUHalf(a.hi, b.hi));
  }

  public static long i32x4MinUHalf(long a, long b) {
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
    return new V128(i32x4MaxSHalf(a.lo, b.lo), i32x4MaxSHalf(a.hi, b.hi));
  }

  public static long i32x4MaxSHalf(long a, long b) {
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
    return new V128(i32x4MaxUHalf(a.lo, b.lo), i32x4MaxUHalf(a.hi, b.hi));
  }

  public static long i32x4MaxUHalf(long a, long b) {
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
    return new V128(i64x2EqHalf(a.lo, b.lo), i64x2EqHalf(a.hi, b.hi));
  }

  public static long i64x2EqHalf(long a, long b) {
    long x = a;
    long y = b;
    return (x == y ? -1L : 0L);
  }

  /** {@code i64x2.ne}. */
  public static V128 i64x2Ne(V128 a, V128 b) {
    return new V128(i64x2NeHalf(a.lo, b.lo), i64x2NeHalf(a.hi, b.hi));
  }

  public static long i64x2NeHalf(long a, long b) {
    long x = a;
    long y = b;
    return (x != y ? -1L : 0L);
  }

  /** {@code i64x2.lt_s}. */
  public static V128 i64x2LtS(V128 a, V128 b) {
    return new V128(i64x2LtSHalf(a.lo, b.lo), i64x2LtSHalf(a.hi, b.hi));
  }

  public static long i64x2LtSHalf(long a, long b) {
    long x = a;
    long y = b;
    return (x < y ? -1L : 0L);
  }

  /** {@code i64x2.gt_s}. */
  public static V128 i64x2GtS(V128 a, V128 b) {
    return new V128(i64x2GtSHalf(a.lo, b.lo), i64x2GtSHalf(a.hi, b.hi));
  }

  public static long i64x2GtSHalf(long a, long b) {
    long x = a;
    long y = b;
    return (x > y ? -1L : 0L);
  }

  /** {@code i64x2.le_s}. */
  public static V128 i64x2LeS(V128 a, V128 b) {
    return new V128(i64x2LeSHalf(a.lo, b.lo), i64x2LeSHalf(a.hi, b.hi));
  }

  public static long i64x2LeSHalf(long a, long b) {
    long x = a;
    long y = b;
    return (x <= y ? -1L : 0L);
  }

  /** {@code i64x2.ge_s}. */
  public static V128 i64x2GeS(V128 a, V128 b) {
    return new V128(i64x2GeSHalf(a.lo, b.lo), i64x2GeSHalf(a.hi, b.hi));
  }

  public static long i64x2GeSHalf(long a, long b) {
    long x = a;
    long y = b;
    return (x >= y ? -1L : 0L);
  }

  /** {@code i64x2.abs}. */
  public static V128 i64x2Abs(V128 a) {
    return new V128(i64x2AbsHalf(a.lo), i64x2AbsHalf(a.hi));
  }

  public static long i64x2AbsHalf(long a) {
    long x = a;
    return (Math.abs(x));
  }

  /** {@code i64x2.neg}. */
  public static V128 i64x2Neg(V128 a) {
    return new V128(i64x2NegHalf(a.lo), i64x2NegHalf(a.hi));
  }

  public static long i64x2NegHalf(long a) {
    long x = a;
    return (-x);
  }

  /** {@code i64x2.add}. */
  public static V128 i64x2Add(V128 a, V128 b) {
    return new V128(i64x2AddHalf(a.lo, b.lo), i64x2AddHalf(a.hi, b.hi));
  }

  public static long i64x2AddHalf(long a, long b) {
    long x = a;
    long y = b;
    return (x + y);
  }

  /** {@code i64x2.sub}. */
  public static V128 i64x2Sub(V128 a, V128 b) {
    return new V128(i64x2SubHalf(a.lo, b.lo), i64x2SubHalf(a.hi, b.hi));
  }

  public static long i64x2SubHalf(long a, long b) {
    long x = a;
    long y = b;
    return (x - y);
  }

  /** {@code i64x2.shl}. */
  public static V128 i64x2Shl(V128 a, int count) {
    int c = count & 63;
    return new V128(i64x2ShlHalf(a.lo, c), i64x2ShlHalf(a.hi, c));
  }

  public static long i64x2ShlHalf(long a, int count) {
    int c = count & 63;
    long x = a;
    return (x << c);
  }

  /** {@code i64x2.shr_s}. */
  public static V128 i64x2ShrS(V128 a, int count) {
    int c = count & 63;
    return new V128(i64x2ShrSHalf(a.lo, c), i64x2ShrSHalf(a.hi, c));
  }

  public static long i64x2ShrSHalf(long a, int count) {
    int c = count & 63;
    long x = a;
    return (x >> c);
  }

  /** {@code i64x2.shr_u}. */
  public static V128 i64x2ShrU(V128 a, int count) {
    int c = count & 63;
    return new V128(i64x2ShrUHalf(a.lo, c), i64x2ShrUHalf(a.hi, c));
  }

  public static long i64x2ShrUHalf(long a, int count) {
    int c = count & 63;
    long x = a;
    return (x >>> c);
  }

  /** {@code i64x2.mul}. */
  public static V128 i64x2Mul(V128 a, V128 b) {
    return new V128(i64x2MulHalf(a.lo, b.lo), i64x2MulHalf(a.hi, b.hi));
  }

  public static long i64x2MulHalf(long a, long b) {
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
    return new V128(i8x16PopcntHalf(a.lo), i8x16PopcntHalf(a.hi));
  }

  public static long i8x16PopcntHalf(long a) {
    long pairs = a - ((a >>> 1) & 0x5555_5555_5555_5555L);
    long nibbles = (pairs & 0x3333_3333_3333_3333L) + ((pairs >>> 2) & 0x3333_3333_3333_3333L);
    return (nibbles + (nibbles >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
  }

  /** {@code i16x8.q15mulr_sat_s}. */
  public static V128 i16x8Q15mulrSatS(V128 a, V128 b) {
    return new V128(i16x8Q15mulrSatSHalf(a.lo, b.lo), i16x8Q15mulrSatSHalf(a.hi, b.hi));
  }

  public static long i16x8Q15mulrSatSHalf(long a, long b) {
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
    return new V128(
        narrowI16S(a.lo) | narrowI16S(a.hi) << 32, narrowI16S(b.lo) | narrowI16S(b.hi) << 32);
  }

  /** The four 16-bit lanes of a half, saturated to signed bytes, in the low 32 bits. */
  private static long narrowI16S(long h) {
    return satS8((short) h)
        | satS8((short) (h >>> 16)) << 8
        | satS8((short) (h >>> 32)) << 16
        | satS8((short) (h >>> 48)) << 24;
  }

  private static long satS8(int x) {
    return Math.max(-128, Math.min(127, x)) & 0xFFL;
  }

  /** {@code i8x16.narrow_i16x8_u}. */
  public static V128 i8x16NarrowI16x8U(V128 a, V128 b) {
    return new V128(
        narrowI16U(a.lo) | narrowI16U(a.hi) << 32, narrowI16U(b.lo) | narrowI16U(b.hi) << 32);
  }

  /** The four 16-bit lanes of a half, saturated to unsigned bytes, in the low 32 bits. */
  /**
   * The four signed 16-bit lanes of {@code h} saturated to unsigned bytes, in the low 32 bits: as
   * SWAR, a lane is 0 if its sign bit is set, 255 if any of its bits 8 to 14 is (adding 0x7F00 to
   * those bits carries into bit 15), else its low byte.
   */
  private static long narrowI16U(long h) {
    long negative = ((h & H16) >>> 15) * 0xFFFFL;
    long over = (((h & 0x7F00_7F00_7F00_7F00L) + 0x7F00_7F00_7F00_7F00L) & H16) >>> 15;
    long v = ((h & 0x00FF_00FF_00FF_00FFL) | over * 0xFFL) & ~negative;
    v = (v | v >>> 8) & 0x0000_FFFF_0000_FFFFL;
    return (v | v >>> 16) & LOW32;
  }

  /** {@code i16x8.narrow_i32x4_s}. */
  public static V128 i16x8NarrowI32x4S(V128 a, V128 b) {
    return new V128(
        narrowI32S(a.lo) | narrowI32S(a.hi) << 32, narrowI32S(b.lo) | narrowI32S(b.hi) << 32);
  }

  /** The two 32-bit lanes of a half, saturated to signed 16 bits, in the low 32 bits. */
  private static long narrowI32S(long h) {
    return (Math.max(-32768, Math.min(32767, (int) h)) & 0xFFFFL)
        | (Math.max(-32768, Math.min(32767, (int) (h >> 32))) & 0xFFFFL) << 16;
  }

  /** {@code i16x8.narrow_i32x4_u}. */
  public static V128 i16x8NarrowI32x4U(V128 a, V128 b) {
    return new V128(
        narrowI32U(a.lo) | narrowI32U(a.hi) << 32, narrowI32U(b.lo) | narrowI32U(b.hi) << 32);
  }

  /** The two 32-bit lanes of a half, saturated to unsigned 16 bits, in the low 32 bits. */
  private static long narrowI32U(long h) {
    return (long) Math.max(0, Math.min(65535, (int) h))
        | (long) Math.max(0, Math.min(65535, (int) (h >> 32))) << 16;
  }

  /** {@code i16x8.extend_low_i8x16_s}. */
  public static V128 i16x8ExtendLowI8x16S(V128 a) {
    return new V128(widenS8((int) a.lo), widenS8((int) (a.lo >>> 32)));
  }

  /** {@code i16x8.extmul_low_i8x16_s}. */
  public static V128 i16x8ExtmulLowI8x16S(V128 a, V128 b) {
    return i16x8Mul(i16x8ExtendLowI8x16S(a), i16x8ExtendLowI8x16S(b));
  }

  /** {@code i16x8.extend_low_i8x16_u}. */
  public static V128 i16x8ExtendLowI8x16U(V128 a) {
    return new V128(widenU8((int) a.lo), widenU8((int) (a.lo >>> 32)));
  }

  /** {@code i16x8.extmul_low_i8x16_u}. */
  public static V128 i16x8ExtmulLowI8x16U(V128 a, V128 b) {
    return i16x8Mul(i16x8ExtendLowI8x16U(a), i16x8ExtendLowI8x16U(b));
  }

  /** {@code i16x8.extend_high_i8x16_s}. */
  public static V128 i16x8ExtendHighI8x16S(V128 a) {
    return new V128(widenS8((int) a.hi), widenS8((int) (a.hi >>> 32)));
  }

  /** {@code i16x8.extmul_high_i8x16_s}. */
  public static V128 i16x8ExtmulHighI8x16S(V128 a, V128 b) {
    return i16x8Mul(i16x8ExtendHighI8x16S(a), i16x8ExtendHighI8x16S(b));
  }

  /** {@code i16x8.extend_high_i8x16_u}. */
  public static V128 i16x8ExtendHighI8x16U(V128 a) {
    return new V128(widenU8((int) a.hi), widenU8((int) (a.hi >>> 32)));
  }

  /** {@code i16x8.extmul_high_i8x16_u}. */
  public static V128 i16x8ExtmulHighI8x16U(V128 a, V128 b) {
    return i16x8Mul(i16x8ExtendHighI8x16U(a), i16x8ExtendHighI8x16U(b));
  }

  /** {@code i32x4.extend_low_i16x8_s}. */
  public static V128 i32x4ExtendLowI16x8S(V128 a) {
    return new V128(widenS16((int) a.lo), widenS16((int) (a.lo >>> 32)));
  }

  /** {@code i32x4.extmul_low_i16x8_s}. */
  public static V128 i32x4ExtmulLowI16x8S(V128 a, V128 b) {
    return i32x4Mul(i32x4ExtendLowI16x8S(a), i32x4ExtendLowI16x8S(b));
  }

  /** {@code i32x4.extend_low_i16x8_u}. */
  public static V128 i32x4ExtendLowI16x8U(V128 a) {
    return new V128(widenU16((int) a.lo), widenU16((int) (a.lo >>> 32)));
  }

  /** {@code i32x4.extmul_low_i16x8_u}. */
  public static V128 i32x4ExtmulLowI16x8U(V128 a, V128 b) {
    return i32x4Mul(i32x4ExtendLowI16x8U(a), i32x4ExtendLowI16x8U(b));
  }

  /** {@code i32x4.extend_high_i16x8_s}. */
  public static V128 i32x4ExtendHighI16x8S(V128 a) {
    return new V128(widenS16((int) a.hi), widenS16((int) (a.hi >>> 32)));
  }

  /** {@code i32x4.extmul_high_i16x8_s}. */
  public static V128 i32x4ExtmulHighI16x8S(V128 a, V128 b) {
    return i32x4Mul(i32x4ExtendHighI16x8S(a), i32x4ExtendHighI16x8S(b));
  }

  /** {@code i32x4.extend_high_i16x8_u}. */
  public static V128 i32x4ExtendHighI16x8U(V128 a) {
    return new V128(widenU16((int) a.hi), widenU16((int) (a.hi >>> 32)));
  }

  /** {@code i32x4.extmul_high_i16x8_u}. */
  public static V128 i32x4ExtmulHighI16x8U(V128 a, V128 b) {
    return i32x4Mul(i32x4ExtendHighI16x8U(a), i32x4ExtendHighI16x8U(b));
  }

  /** {@code i64x2.extend_low_i32x4_s}. */
  public static V128 i64x2ExtendLowI32x4S(V128 a) {
    return new V128(widenS32((int) a.lo), widenS32((int) (a.lo >>> 32)));
  }

  /** {@code i64x2.extmul_low_i32x4_s}. */
  public static V128 i64x2ExtmulLowI32x4S(V128 a, V128 b) {
    return i64x2Mul(i64x2ExtendLowI32x4S(a), i64x2ExtendLowI32x4S(b));
  }

  /** {@code i64x2.extend_low_i32x4_u}. */
  public static V128 i64x2ExtendLowI32x4U(V128 a) {
    return new V128(widenU32((int) a.lo), widenU32((int) (a.lo >>> 32)));
  }

  /** {@code i64x2.extmul_low_i32x4_u}. */
  public static V128 i64x2ExtmulLowI32x4U(V128 a, V128 b) {
    return i64x2Mul(i64x2ExtendLowI32x4U(a), i64x2ExtendLowI32x4U(b));
  }

  /** {@code i64x2.extend_high_i32x4_s}. */
  public static V128 i64x2ExtendHighI32x4S(V128 a) {
    return new V128(widenS32((int) a.hi), widenS32((int) (a.hi >>> 32)));
  }

  /** {@code i64x2.extmul_high_i32x4_s}. */
  public static V128 i64x2ExtmulHighI32x4S(V128 a, V128 b) {
    return i64x2Mul(i64x2ExtendHighI32x4S(a), i64x2ExtendHighI32x4S(b));
  }

  /** {@code i64x2.extend_high_i32x4_u}. */
  public static V128 i64x2ExtendHighI32x4U(V128 a) {
    return new V128(widenU32((int) a.hi), widenU32((int) (a.hi >>> 32)));
  }

  /** {@code i64x2.extmul_high_i32x4_u}. */
  public static V128 i64x2ExtmulHighI32x4U(V128 a, V128 b) {
    return i64x2Mul(i64x2ExtendHighI32x4U(a), i64x2ExtendHighI32x4U(b));
  }

  /** {@code i16x8.extadd_pairwise_i8x16_s}. */
  public static V128 i16x8ExtaddPairwiseI8x16S(V128 a) {
    return new V128(i16x8ExtaddPairwiseI8x16SHalf(a.lo), i16x8ExtaddPairwiseI8x16SHalf(a.hi));
  }

  public static long i16x8ExtaddPairwiseI8x16SHalf(long a) {
    return pairwiseS8(a);
  }

  private static long pairwiseS8(long h) {
    long even = h & LOW8_OF16;
    long odd = (h >>> 8) & LOW8_OF16;
    return i16x8AddHalf(even | (even & SIGN8_OF16) * 0x1FEL, odd | (odd & SIGN8_OF16) * 0x1FEL);
  }

  /** {@code i16x8.extadd_pairwise_i8x16_u}. */
  public static V128 i16x8ExtaddPairwiseI8x16U(V128 a) {
    return new V128(i16x8ExtaddPairwiseI8x16UHalf(a.lo), i16x8ExtaddPairwiseI8x16UHalf(a.hi));
  }

  public static long i16x8ExtaddPairwiseI8x16UHalf(long a) {
    return (a & LOW8_OF16) + ((a >>> 8) & LOW8_OF16);
  }

  /** {@code i32x4.extadd_pairwise_i16x8_s}. */
  public static V128 i32x4ExtaddPairwiseI16x8S(V128 a) {
    return new V128(i32x4ExtaddPairwiseI16x8SHalf(a.lo), i32x4ExtaddPairwiseI16x8SHalf(a.hi));
  }

  public static long i32x4ExtaddPairwiseI16x8SHalf(long a) {
    return pairwiseS16(a);
  }

  private static long pairwiseS16(long h) {
    return ((short) h + (short) (h >>> 16) & LOW32)
        | (long) ((short) (h >>> 32) + (short) (h >>> 48)) << 32;
  }

  /** {@code i32x4.extadd_pairwise_i16x8_u}. */
  public static V128 i32x4ExtaddPairwiseI16x8U(V128 a) {
    return new V128(i32x4ExtaddPairwiseI16x8UHalf(a.lo), i32x4ExtaddPairwiseI16x8UHalf(a.hi));
  }

  public static long i32x4ExtaddPairwiseI16x8UHalf(long a) {
    return (a & LOW16_OF32) + ((a >>> 16) & LOW16_OF32);
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

  // ---- halves of the operations that move lanes between halves, for compiled code ----

  /** The low half of {@code i16x8ExtendLowI8x16S}, from the operand's halves. */
  public static long i16x8ExtendLowI8x16SLo(long aLo, long aHi) {
    return widenS8((int) aLo);
  }

  /** The high half of {@code i16x8ExtendLowI8x16S}. */
  public static long i16x8ExtendLowI8x16SHi(long aLo, long aHi) {
    return widenS8((int) (aLo >>> 32));
  }

  /** The low half of {@code i16x8ExtmulLowI8x16S}, from the operands' halves. */
  public static long i16x8ExtmulLowI8x16SLo(long aLo, long aHi, long bLo, long bHi) {
    return i16x8MulHalf(widenS8((int) aLo), widenS8((int) bLo));
  }

  /** The high half of {@code i16x8ExtmulLowI8x16S}. */
  public static long i16x8ExtmulLowI8x16SHi(long aLo, long aHi, long bLo, long bHi) {
    return i16x8MulHalf(widenS8((int) (aLo >>> 32)), widenS8((int) (bLo >>> 32)));
  }

  /** The low half of {@code i16x8ExtendLowI8x16U}, from the operand's halves. */
  public static long i16x8ExtendLowI8x16ULo(long aLo, long aHi) {
    return widenU8((int) aLo);
  }

  /** The high half of {@code i16x8ExtendLowI8x16U}. */
  public static long i16x8ExtendLowI8x16UHi(long aLo, long aHi) {
    return widenU8((int) (aLo >>> 32));
  }

  /** The low half of {@code i16x8ExtmulLowI8x16U}, from the operands' halves. */
  public static long i16x8ExtmulLowI8x16ULo(long aLo, long aHi, long bLo, long bHi) {
    return mulBytes(widenU8((int) aLo), widenU8((int) bLo));
  }

  /** The high half of {@code i16x8ExtmulLowI8x16U}. */
  public static long i16x8ExtmulLowI8x16UHi(long aLo, long aHi, long bLo, long bHi) {
    return mulBytes(widenU8((int) (aLo >>> 32)), widenU8((int) (bLo >>> 32)));
  }

  /** The low half of {@code i16x8ExtendHighI8x16S}, from the operand's halves. */
  public static long i16x8ExtendHighI8x16SLo(long aLo, long aHi) {
    return widenS8((int) aHi);
  }

  /** The high half of {@code i16x8ExtendHighI8x16S}. */
  public static long i16x8ExtendHighI8x16SHi(long aLo, long aHi) {
    return widenS8((int) (aHi >>> 32));
  }

  /** The low half of {@code i16x8ExtmulHighI8x16S}, from the operands' halves. */
  public static long i16x8ExtmulHighI8x16SLo(long aLo, long aHi, long bLo, long bHi) {
    return i16x8MulHalf(widenS8((int) aHi), widenS8((int) bHi));
  }

  /** The high half of {@code i16x8ExtmulHighI8x16S}. */
  public static long i16x8ExtmulHighI8x16SHi(long aLo, long aHi, long bLo, long bHi) {
    return i16x8MulHalf(widenS8((int) (aHi >>> 32)), widenS8((int) (bHi >>> 32)));
  }

  /** The low half of {@code i16x8ExtendHighI8x16U}, from the operand's halves. */
  public static long i16x8ExtendHighI8x16ULo(long aLo, long aHi) {
    return widenU8((int) aHi);
  }

  /** The high half of {@code i16x8ExtendHighI8x16U}. */
  public static long i16x8ExtendHighI8x16UHi(long aLo, long aHi) {
    return widenU8((int) (aHi >>> 32));
  }

  /** The low half of {@code i16x8ExtmulHighI8x16U}, from the operands' halves. */
  public static long i16x8ExtmulHighI8x16ULo(long aLo, long aHi, long bLo, long bHi) {
    return mulBytes(widenU8((int) aHi), widenU8((int) bHi));
  }

  /** The high half of {@code i16x8ExtmulHighI8x16U}. */
  public static long i16x8ExtmulHighI8x16UHi(long aLo, long aHi, long bLo, long bHi) {
    return mulBytes(widenU8((int) (aHi >>> 32)), widenU8((int) (bHi >>> 32)));
  }

  /** The low half of {@code i32x4ExtendLowI16x8S}, from the operand's halves. */
  public static long i32x4ExtendLowI16x8SLo(long aLo, long aHi) {
    return widenS16((int) aLo);
  }

  /** The high half of {@code i32x4ExtendLowI16x8S}. */
  public static long i32x4ExtendLowI16x8SHi(long aLo, long aHi) {
    return widenS16((int) (aLo >>> 32));
  }

  /** The low half of {@code i32x4ExtmulLowI16x8S}, from the operands' halves. */
  public static long i32x4ExtmulLowI16x8SLo(long aLo, long aHi, long bLo, long bHi) {
    return i32x4MulHalf(widenS16((int) aLo), widenS16((int) bLo));
  }

  /** The high half of {@code i32x4ExtmulLowI16x8S}. */
  public static long i32x4ExtmulLowI16x8SHi(long aLo, long aHi, long bLo, long bHi) {
    return i32x4MulHalf(widenS16((int) (aLo >>> 32)), widenS16((int) (bLo >>> 32)));
  }

  /** The low half of {@code i32x4ExtendLowI16x8U}, from the operand's halves. */
  public static long i32x4ExtendLowI16x8ULo(long aLo, long aHi) {
    return widenU16((int) aLo);
  }

  /** The high half of {@code i32x4ExtendLowI16x8U}. */
  public static long i32x4ExtendLowI16x8UHi(long aLo, long aHi) {
    return widenU16((int) (aLo >>> 32));
  }

  /** The low half of {@code i32x4ExtmulLowI16x8U}, from the operands' halves. */
  public static long i32x4ExtmulLowI16x8ULo(long aLo, long aHi, long bLo, long bHi) {
    return i32x4MulHalf(widenU16((int) aLo), widenU16((int) bLo));
  }

  /** The high half of {@code i32x4ExtmulLowI16x8U}. */
  public static long i32x4ExtmulLowI16x8UHi(long aLo, long aHi, long bLo, long bHi) {
    return i32x4MulHalf(widenU16((int) (aLo >>> 32)), widenU16((int) (bLo >>> 32)));
  }

  /** The low half of {@code i32x4ExtendHighI16x8S}, from the operand's halves. */
  public static long i32x4ExtendHighI16x8SLo(long aLo, long aHi) {
    return widenS16((int) aHi);
  }

  /** The high half of {@code i32x4ExtendHighI16x8S}. */
  public static long i32x4ExtendHighI16x8SHi(long aLo, long aHi) {
    return widenS16((int) (aHi >>> 32));
  }

  /** The low half of {@code i32x4ExtmulHighI16x8S}, from the operands' halves. */
  public static long i32x4ExtmulHighI16x8SLo(long aLo, long aHi, long bLo, long bHi) {
    return i32x4MulHalf(widenS16((int) aHi), widenS16((int) bHi));
  }

  /** The high half of {@code i32x4ExtmulHighI16x8S}. */
  public static long i32x4ExtmulHighI16x8SHi(long aLo, long aHi, long bLo, long bHi) {
    return i32x4MulHalf(widenS16((int) (aHi >>> 32)), widenS16((int) (bHi >>> 32)));
  }

  /** The low half of {@code i32x4ExtendHighI16x8U}, from the operand's halves. */
  public static long i32x4ExtendHighI16x8ULo(long aLo, long aHi) {
    return widenU16((int) aHi);
  }

  /** The high half of {@code i32x4ExtendHighI16x8U}. */
  public static long i32x4ExtendHighI16x8UHi(long aLo, long aHi) {
    return widenU16((int) (aHi >>> 32));
  }

  /** The low half of {@code i32x4ExtmulHighI16x8U}, from the operands' halves. */
  public static long i32x4ExtmulHighI16x8ULo(long aLo, long aHi, long bLo, long bHi) {
    return i32x4MulHalf(widenU16((int) aHi), widenU16((int) bHi));
  }

  /** The high half of {@code i32x4ExtmulHighI16x8U}. */
  public static long i32x4ExtmulHighI16x8UHi(long aLo, long aHi, long bLo, long bHi) {
    return i32x4MulHalf(widenU16((int) (aHi >>> 32)), widenU16((int) (bHi >>> 32)));
  }

  /** The low half of {@code i64x2ExtendLowI32x4S}, from the operand's halves. */
  public static long i64x2ExtendLowI32x4SLo(long aLo, long aHi) {
    return widenS32((int) aLo);
  }

  /** The high half of {@code i64x2ExtendLowI32x4S}. */
  public static long i64x2ExtendLowI32x4SHi(long aLo, long aHi) {
    return widenS32((int) (aLo >>> 32));
  }

  /** The low half of {@code i64x2ExtmulLowI32x4S}, from the operands' halves. */
  public static long i64x2ExtmulLowI32x4SLo(long aLo, long aHi, long bLo, long bHi) {
    return i64x2MulHalf(widenS32((int) aLo), widenS32((int) bLo));
  }

  /** The high half of {@code i64x2ExtmulLowI32x4S}. */
  public static long i64x2ExtmulLowI32x4SHi(long aLo, long aHi, long bLo, long bHi) {
    return i64x2MulHalf(widenS32((int) (aLo >>> 32)), widenS32((int) (bLo >>> 32)));
  }

  /** The low half of {@code i64x2ExtendLowI32x4U}, from the operand's halves. */
  public static long i64x2ExtendLowI32x4ULo(long aLo, long aHi) {
    return widenU32((int) aLo);
  }

  /** The high half of {@code i64x2ExtendLowI32x4U}. */
  public static long i64x2ExtendLowI32x4UHi(long aLo, long aHi) {
    return widenU32((int) (aLo >>> 32));
  }

  /** The low half of {@code i64x2ExtmulLowI32x4U}, from the operands' halves. */
  public static long i64x2ExtmulLowI32x4ULo(long aLo, long aHi, long bLo, long bHi) {
    return i64x2MulHalf(widenU32((int) aLo), widenU32((int) bLo));
  }

  /** The high half of {@code i64x2ExtmulLowI32x4U}. */
  public static long i64x2ExtmulLowI32x4UHi(long aLo, long aHi, long bLo, long bHi) {
    return i64x2MulHalf(widenU32((int) (aLo >>> 32)), widenU32((int) (bLo >>> 32)));
  }

  /** The low half of {@code i64x2ExtendHighI32x4S}, from the operand's halves. */
  public static long i64x2ExtendHighI32x4SLo(long aLo, long aHi) {
    return widenS32((int) aHi);
  }

  /** The high half of {@code i64x2ExtendHighI32x4S}. */
  public static long i64x2ExtendHighI32x4SHi(long aLo, long aHi) {
    return widenS32((int) (aHi >>> 32));
  }

  /** The low half of {@code i64x2ExtmulHighI32x4S}, from the operands' halves. */
  public static long i64x2ExtmulHighI32x4SLo(long aLo, long aHi, long bLo, long bHi) {
    return i64x2MulHalf(widenS32((int) aHi), widenS32((int) bHi));
  }

  /** The high half of {@code i64x2ExtmulHighI32x4S}. */
  public static long i64x2ExtmulHighI32x4SHi(long aLo, long aHi, long bLo, long bHi) {
    return i64x2MulHalf(widenS32((int) (aHi >>> 32)), widenS32((int) (bHi >>> 32)));
  }

  /** The low half of {@code i64x2ExtendHighI32x4U}, from the operand's halves. */
  public static long i64x2ExtendHighI32x4ULo(long aLo, long aHi) {
    return widenU32((int) aHi);
  }

  /** The high half of {@code i64x2ExtendHighI32x4U}. */
  public static long i64x2ExtendHighI32x4UHi(long aLo, long aHi) {
    return widenU32((int) (aHi >>> 32));
  }

  /** The low half of {@code i64x2ExtmulHighI32x4U}, from the operands' halves. */
  public static long i64x2ExtmulHighI32x4ULo(long aLo, long aHi, long bLo, long bHi) {
    return i64x2MulHalf(widenU32((int) aHi), widenU32((int) bHi));
  }

  /** The high half of {@code i64x2ExtmulHighI32x4U}. */
  public static long i64x2ExtmulHighI32x4UHi(long aLo, long aHi, long bLo, long bHi) {
    return i64x2MulHalf(widenU32((int) (aHi >>> 32)), widenU32((int) (bHi >>> 32)));
  }

  /** The low half of {@code i8x16NarrowI16x8S}: the first operand narrowed. */
  public static long i8x16NarrowI16x8SLo(long aLo, long aHi, long bLo, long bHi) {
    return narrowI16S(aLo) | narrowI16S(aHi) << 32;
  }

  /** The high half of {@code i8x16NarrowI16x8S}: the second operand narrowed. */
  public static long i8x16NarrowI16x8SHi(long aLo, long aHi, long bLo, long bHi) {
    return narrowI16S(bLo) | narrowI16S(bHi) << 32;
  }

  /** The low half of {@code i8x16NarrowI16x8U}: the first operand narrowed. */
  public static long i8x16NarrowI16x8ULo(long aLo, long aHi, long bLo, long bHi) {
    if (((aLo | aHi) & HIGH8_OF16) == 0) {
      return packLow8(aLo) | packLow8(aHi) << 32;
    }
    return narrowI16U(aLo) | narrowI16U(aHi) << 32;
  }

  /** The high half of {@code i8x16NarrowI16x8U}: the second operand narrowed. */
  public static long i8x16NarrowI16x8UHi(long aLo, long aHi, long bLo, long bHi) {
    if (((bLo | bHi) & HIGH8_OF16) == 0) {
      return packLow8(bLo) | packLow8(bHi) << 32;
    }
    return narrowI16U(bLo) | narrowI16U(bHi) << 32;
  }

  /**
   * The four 16-bit lanes of a half that all lie in 0..255 (the common case after a shift right by
   * 8, which the branch in the narrowing helpers checks once for two halves), packed as bytes in
   * the low 32 bits: no saturation needed.
   */
  private static long packLow8(long h) {
    long v = (h | h >>> 8) & LOW16_OF32;
    return (v | v >>> 16) & LOW32;
  }

  /** The low half of {@code i16x8NarrowI32x4S}: the first operand narrowed. */
  public static long i16x8NarrowI32x4SLo(long aLo, long aHi, long bLo, long bHi) {
    return narrowI32S(aLo) | narrowI32S(aHi) << 32;
  }

  /** The high half of {@code i16x8NarrowI32x4S}: the second operand narrowed. */
  public static long i16x8NarrowI32x4SHi(long aLo, long aHi, long bLo, long bHi) {
    return narrowI32S(bLo) | narrowI32S(bHi) << 32;
  }

  /** The low half of {@code i16x8NarrowI32x4U}: the first operand narrowed. */
  public static long i16x8NarrowI32x4ULo(long aLo, long aHi, long bLo, long bHi) {
    return narrowI32U(aLo) | narrowI32U(aHi) << 32;
  }

  /** The high half of {@code i16x8NarrowI32x4U}: the second operand narrowed. */
  public static long i16x8NarrowI32x4UHi(long aLo, long aHi, long bLo, long bHi) {
    return narrowI32U(bLo) | narrowI32U(bHi) << 32;
  }
}
