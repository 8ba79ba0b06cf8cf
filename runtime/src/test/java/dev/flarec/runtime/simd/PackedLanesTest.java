package dev.flarec.runtime.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The 8- and 16-bit lane operations of {@link IntLanes}, computed a whole half at a time through
 * {@link PackedLanes}, against the spec's per-lane definitions written out lane by lane. The inputs
 * mix random halves with halves built from each width's edge lanes (0, 1, the signed limits, all
 * ones), where carries, borrows and saturation happen.
 */
class PackedLanesTest {
  private static final int[] EDGE_BYTES = {0, 1, 0x7E, 0x7F, 0x80, 0x81, 0xFE, 0xFF};
  private static final int[] EDGE_SHORTS = {0, 1, 0x7FFE, 0x7FFF, 0x8000, 0x8001, 0xFFFE, 0xFFFF};

  @Test
  void byteLanesMatchTheirPerLaneDefinitions() {
    check(8, "i8x16.eq", IntLanes::i8x16EqHalf, (x, y) -> mask(x == y));
    check(8, "i8x16.ne", IntLanes::i8x16NeHalf, (x, y) -> mask(x != y));
    check(8, "i8x16.lt_s", IntLanes::i8x16LtSHalf, (x, y) -> mask((byte) x < (byte) y));
    check(8, "i8x16.lt_u", IntLanes::i8x16LtUHalf, (x, y) -> mask(x < y));
    check(8, "i8x16.gt_s", IntLanes::i8x16GtSHalf, (x, y) -> mask((byte) x > (byte) y));
    check(8, "i8x16.gt_u", IntLanes::i8x16GtUHalf, (x, y) -> mask(x > y));
    check(8, "i8x16.le_s", IntLanes::i8x16LeSHalf, (x, y) -> mask((byte) x <= (byte) y));
    check(8, "i8x16.le_u", IntLanes::i8x16LeUHalf, (x, y) -> mask(x <= y));
    check(8, "i8x16.ge_s", IntLanes::i8x16GeSHalf, (x, y) -> mask((byte) x >= (byte) y));
    check(8, "i8x16.ge_u", IntLanes::i8x16GeUHalf, (x, y) -> mask(x >= y));
    check(8, "i8x16.min_s", IntLanes::i8x16MinSHalf, (x, y) -> Math.min((byte) x, (byte) y));
    check(8, "i8x16.min_u", IntLanes::i8x16MinUHalf, Math::min);
    check(8, "i8x16.max_s", IntLanes::i8x16MaxSHalf, (x, y) -> Math.max((byte) x, (byte) y));
    check(8, "i8x16.max_u", IntLanes::i8x16MaxUHalf, Math::max);
    check(8, "i8x16.add_sat_s", IntLanes::i8x16AddSatSHalf, (x, y) -> satS8((byte) x + (byte) y));
    check(8, "i8x16.sub_sat_s", IntLanes::i8x16SubSatSHalf, (x, y) -> satS8((byte) x - (byte) y));
    check(8, "i8x16.add_sat_u", IntLanes::i8x16AddSatUHalf, (x, y) -> Math.min(255, x + y));
    check(8, "i8x16.sub_sat_u", IntLanes::i8x16SubSatUHalf, (x, y) -> Math.max(0, x - y));
    check(8, "i8x16.avgr_u", IntLanes::i8x16AvgrUHalf, (x, y) -> (x + y + 1) >>> 1);
    check(8, "i8x16.abs", (a, b) -> IntLanes.i8x16AbsHalf(a), (x, y) -> Math.abs((byte) x));
    check(8, "i8x16.neg", (a, b) -> IntLanes.i8x16NegHalf(a), (x, y) -> -x);
    check(8, "i8x16.popcnt", (a, b) -> IntLanes.i8x16PopcntHalf(a), (x, y) -> Integer.bitCount(x));
    for (int count = 0; count < 10; count++) {
      int c = count;
      check(
          8,
          "i8x16.shr_s " + c,
          (a, b) -> IntLanes.i8x16ShrSHalf(a, c),
          (x, y) -> (byte) x >> (c & 7));
    }
  }

  @Test
  void shortLanesMatchTheirPerLaneDefinitions() {
    check(16, "i16x8.eq", IntLanes::i16x8EqHalf, (x, y) -> mask(x == y));
    check(16, "i16x8.ne", IntLanes::i16x8NeHalf, (x, y) -> mask(x != y));
    check(16, "i16x8.lt_s", IntLanes::i16x8LtSHalf, (x, y) -> mask((short) x < (short) y));
    check(16, "i16x8.lt_u", IntLanes::i16x8LtUHalf, (x, y) -> mask(x < y));
    check(16, "i16x8.gt_s", IntLanes::i16x8GtSHalf, (x, y) -> mask((short) x > (short) y));
    check(16, "i16x8.gt_u", IntLanes::i16x8GtUHalf, (x, y) -> mask(x > y));
    check(16, "i16x8.le_s", IntLanes::i16x8LeSHalf, (x, y) -> mask((short) x <= (short) y));
    check(16, "i16x8.le_u", IntLanes::i16x8LeUHalf, (x, y) -> mask(x <= y));
    check(16, "i16x8.ge_s", IntLanes::i16x8GeSHalf, (x, y) -> mask((short) x >= (short) y));
    check(16, "i16x8.ge_u", IntLanes::i16x8GeUHalf, (x, y) -> mask(x >= y));
    check(16, "i16x8.min_s", IntLanes::i16x8MinSHalf, (x, y) -> Math.min((short) x, (short) y));
    check(16, "i16x8.min_u", IntLanes::i16x8MinUHalf, Math::min);
    check(16, "i16x8.max_s", IntLanes::i16x8MaxSHalf, (x, y) -> Math.max((short) x, (short) y));
    check(16, "i16x8.max_u", IntLanes::i16x8MaxUHalf, Math::max);
    check(
        16, "i16x8.add_sat_s", IntLanes::i16x8AddSatSHalf, (x, y) -> satS16((short) x + (short) y));
    check(
        16, "i16x8.sub_sat_s", IntLanes::i16x8SubSatSHalf, (x, y) -> satS16((short) x - (short) y));
    check(16, "i16x8.add_sat_u", IntLanes::i16x8AddSatUHalf, (x, y) -> Math.min(0xFFFF, x + y));
    check(16, "i16x8.sub_sat_u", IntLanes::i16x8SubSatUHalf, (x, y) -> Math.max(0, x - y));
    check(16, "i16x8.avgr_u", IntLanes::i16x8AvgrUHalf, (x, y) -> (x + y + 1) >>> 1);
    check(16, "i16x8.abs", (a, b) -> IntLanes.i16x8AbsHalf(a), (x, y) -> Math.abs((short) x));
    check(16, "i16x8.neg", (a, b) -> IntLanes.i16x8NegHalf(a), (x, y) -> -x);
    for (int count = 0; count < 18; count++) {
      int c = count;
      check(
          16,
          "i16x8.shr_s " + c,
          (a, b) -> IntLanes.i16x8ShrSHalf(a, c),
          (x, y) -> (short) x >> (c & 15));
    }
  }

  /**
   * Checks {@code actual} on 30,000 pairs of halves against {@code lane} applied to each pair of
   * lanes (given unsigned, its result masked to the lane width).
   */
  private static void check(
      int width, String name, LongBinaryOperator actual, IntBinaryOperator lane) {
    SplittableRandom random = new SplittableRandom(name.hashCode());
    int lanes = 64 / width;
    long laneMask = (1L << width) - 1;
    for (int round = 0; round < 30_000; round++) {
      long a = round % 2 == 0 ? random.nextLong() : edges(width, random);
      // every fifth pair has equal lanes everywhere: the compares' other side
      long b = round % 5 == 0 ? a : round % 3 == 0 ? random.nextLong() : edges(width, random);
      long expected = 0;
      for (int i = 0; i < lanes; i++) {
        int x = (int) ((a >>> (width * i)) & laneMask);
        int y = (int) ((b >>> (width * i)) & laneMask);
        expected |= (lane.applyAsInt(x, y) & laneMask) << (width * i);
      }
      long result = actual.applyAsLong(a, b);
      assertEquals(
          expected,
          result,
          () -> String.format("%s of %016x and %016x: %016x", name, a, b, result));
    }
  }

  /** A half whose every lane is one of the width's edge values. */
  private static long edges(int width, SplittableRandom random) {
    int[] values = width == 8 ? EDGE_BYTES : EDGE_SHORTS;
    long half = 0;
    for (int i = 0; i < 64 / width; i++) {
      half |= (long) values[random.nextInt(values.length)] << (width * i);
    }
    return half;
  }

  private static int mask(boolean condition) {
    return condition ? -1 : 0;
  }

  private static int satS8(int x) {
    return Math.max(-128, Math.min(127, x));
  }

  private static int satS16(int x) {
    return Math.max(-32768, Math.min(32767, x));
  }
}
