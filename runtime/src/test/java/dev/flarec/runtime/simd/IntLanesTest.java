package dev.flarec.runtime.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of {@link IntLanes} (a multiply by a splat, narrowing lanes that are already bytes)
 * against the lane definitions, on both sides of the checks that pick them.
 */
class IntLanesTest {
  private static final long[] EDGES = {
    0,
    -1,
    0x00FF_00FF_00FF_00FFL,
    0x0100_0100_0100_0100L,
    0x7FFF_8000_FFFF_0001L,
    0x00FF_0000_0001_00FEL
  };
  private static final int[] SPLATS = {0, 1, 2, 255, 256, 257, 0x7FFF, 0x8000, 0xFFFF, 0x1_0003};

  @Test
  void aMultiplyBySplatIsTheLaneWiseProduct() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 20_000; round++) {
      long a = round < EDGES.length ? EDGES[round] : random.nextLong();
      if (round % 3 == 1) {
        a &= 0x00FF_00FF_00FF_00FFL; // byte lanes: the single-multiply case
      }
      int s = round < SPLATS.length * 4 ? SPLATS[round % SPLATS.length] : random.nextInt();
      long splat = V128Bits.i16x8SplatHalf(s);
      long expected = 0;
      for (int lane = 0; lane < 4; lane++) {
        long product = ((a >>> (16 * lane)) & 0xFFFF) * (s & 0xFFFF);
        expected |= (product & 0xFFFF) << (16 * lane);
      }
      assertEquals(expected, IntLanes.i16x8MulSplatHalf(a, splat), "a " + a + " s " + s);
      assertEquals(IntLanes.i16x8MulHalf(a, splat), IntLanes.i16x8MulSplatHalf(a, splat));
    }
  }

  @Test
  void anExtendedMultiplyOfBytesIsTheLaneWiseProductWithOrWithoutASplat() {
    SplittableRandom random = new SplittableRandom(13);
    for (int round = 0; round < 20_000; round++) {
      V128 a = new V128(random.nextLong(), random.nextLong());
      V128 b =
          switch (round % 3) {
            case 0 -> V128Bits.i8x16Splat(random.nextInt());
            case 1 -> new V128(random.nextLong(), random.nextLong());
            default -> V128Bits.i8x16Splat(255);
          };
      V128 x = round % 2 == 0 ? a : b;
      V128 y = round % 2 == 0 ? b : a;
      long[] expected = new long[4];
      for (int lane = 0; lane < 16; lane++) {
        long product = (x.i8(lane) & 0xFF) * (y.i8(lane) & 0xFF);
        expected[lane / 4] |= product << (16 * (lane % 4));
      }
      assertEquals(expected[0], IntLanes.i16x8ExtmulLowI8x16ULo(x.lo, x.hi, y.lo, y.hi));
      assertEquals(expected[1], IntLanes.i16x8ExtmulLowI8x16UHi(x.lo, x.hi, y.lo, y.hi));
      assertEquals(expected[2], IntLanes.i16x8ExtmulHighI8x16ULo(x.lo, x.hi, y.lo, y.hi));
      assertEquals(expected[3], IntLanes.i16x8ExtmulHighI8x16UHi(x.lo, x.hi, y.lo, y.hi));
    }
  }

  @Test
  void narrowingSaturatesUnlessEveryLaneIsAlreadyAByte() {
    SplittableRandom random = new SplittableRandom(12);
    for (int round = 0; round < 20_000; round++) {
      long[] h = new long[4];
      for (int i = 0; i < 4; i++) {
        h[i] = random.nextLong();
        if (round % 2 == 0) {
          h[i] &= 0x00FF_00FF_00FF_00FFL;
        }
      }
      V128 a = new V128(h[0], h[1]);
      V128 b = new V128(h[2], h[3]);
      V128 narrowed = IntLanes.i8x16NarrowI16x8U(a, b);
      for (int lane = 0; lane < 16; lane++) {
        int x = lane < 8 ? a.i16(lane) : b.i16(lane - 8);
        int expected = Math.max(0, Math.min(255, x));
        assertEquals((byte) expected, narrowed.i8(lane), "lane " + lane);
      }
      assertEquals(narrowed.lo, IntLanes.i8x16NarrowI16x8ULo(h[0], h[1], h[2], h[3]));
      assertEquals(narrowed.hi, IntLanes.i8x16NarrowI16x8UHi(h[0], h[1], h[2], h[3]));
    }
  }
}
