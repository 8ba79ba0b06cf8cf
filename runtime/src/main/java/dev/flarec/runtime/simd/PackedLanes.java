package dev.flarec.runtime.simd;

/**
 * Lane-wise arithmetic on the 8- or 16-bit lanes packed into one {@code long} half, in a few
 * whole-word operations and without a branch: no carry or borrow crosses from one lane into the
 * next. Each method takes {@code tops}, the mask of its lanes' top bits ({@code 0x8080…} for 8-bit
 * lanes, {@code 0x8000…} for 16-bit ones), and {@code width}, the lanes' width in bits; callers
 * pass constants, which the JIT folds. A per-lane loop of shifts and compares, which these replace,
 * compiled to a branch per lane
 * (docs/RATIONALE.md#why-lane-operations-are-branch-free-arithmetic-on-64-bit-halves).
 */
final class PackedLanes {
  private PackedLanes() {}

  /** The lane-wise sum, wrapping. */
  static long add(long a, long b, long tops) {
    return ((a & ~tops) + (b & ~tops)) ^ ((a ^ b) & tops);
  }

  /** The lane-wise difference, wrapping. */
  static long sub(long a, long b, long tops) {
    return ((a | tops) - (b & ~tops)) ^ ((a ^ ~b) & tops);
  }

  /** The top bit of each lane where {@code a < b}, unsigned: the borrow out of its subtraction. */
  static long belowU(long a, long b, long tops) {
    return ((~a & b) | (~(a ^ b) & sub(a, b, tops))) & tops;
  }

  /** The top bit of each lane where {@code a < b}, signed. */
  static long belowS(long a, long b, long tops) {
    return belowU(a ^ tops, b ^ tops, tops);
  }

  /** The top bit of each lane that is not zero. */
  static long nonZero(long x, long tops) {
    return (((x & ~tops) + ~tops) | x) & tops;
  }

  /** Every bit of each lane whose top bit {@code marks} has, the other lanes zero. */
  static long spread(long marks, int width) {
    return (marks >>> (width - 1)) * ((1L << width) - 1);
  }

  /** The signed saturated sum: on overflow, the limit on the side of {@code a}'s sign. */
  static long addSatS(long a, long b, long tops, int width) {
    long sum = add(a, b, tops);
    long overflows = ~(a ^ b) & (a ^ sum) & tops;
    return V128Bits.v128BitselectHalf(limitS(a, tops, width), sum, spread(overflows, width));
  }

  /** The signed saturated difference. */
  static long subSatS(long a, long b, long tops, int width) {
    long difference = sub(a, b, tops);
    long overflows = (a ^ b) & (a ^ difference) & tops;
    return V128Bits.v128BitselectHalf(limitS(a, tops, width), difference, spread(overflows, width));
  }

  /** Each lane's signed limit on the side of {@code a}'s sign: 0x7F…F, or 0x80…0 if negative. */
  private static long limitS(long a, long tops, int width) {
    return ~tops + ((a & tops) >>> (width - 1));
  }

  /** The unsigned saturated sum. */
  static long addSatU(long a, long b, long tops, int width) {
    long sum = add(a, b, tops);
    long carries = ((a & b) | ((a | b) & ~sum)) & tops;
    return sum | spread(carries, width);
  }

  /** The unsigned saturated difference. */
  static long subSatU(long a, long b, long tops, int width) {
    return sub(a, b, tops) & ~spread(belowU(a, b, tops), width);
  }

  /** The unsigned rounding average, {@code (a + b + 1) / 2}, without the sum's extra bit. */
  static long averageU(long a, long b, long tops) {
    return (a | b) - (((a ^ b) >>> 1) & ~tops);
  }

  /** The absolute value, wrapping (the most negative lane stays itself). */
  static long abs(long a, long tops, int width) {
    long negative = spread(a & tops, width);
    return add(a ^ negative, negative & (tops >>> (width - 1)), tops);
  }

  /** The arithmetic right shift of every lane by {@code count}, less than {@code width}. */
  static long shiftRightS(long a, int count, long tops, int width) {
    long kept = (((1L << width) - 1) >>> count) * (tops >>> (width - 1));
    return ((a >>> count) & kept) | (spread(a & tops, width) & ~kept);
  }
}
