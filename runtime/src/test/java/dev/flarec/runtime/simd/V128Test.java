package dev.flarec.runtime.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class V128Test {
  @Test
  void lanesAreLittleEndianAcrossBothHalves() {
    V128 v = V128.ofI32(0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c);
    for (int i = 0; i < 16; i++) {
      assertEquals(i, v.i8(i), "byte " + i);
    }
    assertEquals(0x0908, v.i16(4));
    assertEquals(0x0f0e0d0c0b0a0908L, v.i64(1));
    assertEquals(v, V128.ofI8(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}));
  }

  @Test
  void floatLanesKeepTheirBits() {
    float snan = Float.intBitsToFloat(0x7fa0_0001);
    V128 v = V128.ofF32(snan, -0f, 1.5f, Float.NEGATIVE_INFINITY);
    assertEquals(0x7fa0_0001, Float.floatToRawIntBits(v.f32(0)));
    assertEquals(0x8000_0000, Float.floatToRawIntBits(v.f32(1)));
    assertEquals(0x7fa0_0001, FloatLanes.f32x4Abs(V128.ofI32(0xffa0_0001, 0, 0, 0)).i32(0));
  }

  @Test
  void aWrongLaneCountIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> V128.ofI32(1, 2, 3));
  }

  @Test
  void saturatingAndWideningArithmeticFollowTheLaneDefinition() {
    V128 a = V128Bits.i8x16Splat(100);
    assertEquals(127, IntLanes.i8x16AddSatS(a, a).i8(15));
    assertEquals((byte) 200, IntLanes.i8x16AddSatU(a, a).i8(3));
    // the one product that overflows: (-1) * (-1) in Q15 saturates to just below 1
    assertEquals(
        32767,
        IntLanes.i16x8Q15mulrSatS(V128Bits.i16x8Splat(-32768), V128Bits.i16x8Splat(-32768)).i16(0));
    assertEquals(
        2 * 100 * 100,
        IntLanes.i32x4DotI16x8S(V128Bits.i16x8Splat(100), V128Bits.i16x8Splat(100)).i32(3));
    assertEquals(
        -2L * 0x7fff_ffff,
        IntLanes.i64x2ExtmulHighI32x4S(V128.ofI32(0, 0, 0, 0x7fff_ffff), V128.ofI32(0, 0, 0, -2))
            .i64(1));
  }
}
