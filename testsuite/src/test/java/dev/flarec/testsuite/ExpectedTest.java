package dev.flarec.testsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.simd.V128;
import org.junit.jupiter.api.Test;

/**
 * The value comparison the whole suite rests on: a bug here would pass or fail thousands of
 * commands at once, so its regimes (exact bits, canonical NaN, arithmetic NaN, references,
 * alternatives) are pinned down on their boundary cases, read from the scripts' own notation.
 */
class ExpectedTest {
  private static Expected expected(String result) {
    return ValueCodec.expected((SExpression.Parens) SExpression.parseAll(result).get(0));
  }

  private static Object argument(String value) {
    return ValueCodec.argument((SExpression.Parens) SExpression.parseAll(value).get(0)).boxed();
  }

  private static Float f32(int bits) {
    return Float.intBitsToFloat(bits);
  }

  private static Double f64(long bits) {
    return Double.longBitsToDouble(bits);
  }

  @Test
  void canonicalNanAcceptsOnlyTheQuietBitEitherSign() {
    Expected f = expected("(f32.const nan:canonical)");
    assertInstanceOf(Expected.CanonicalNan.class, f);
    assertTrue(f.matches(f32(0x7fc0_0000)));
    assertTrue(f.matches(f32(0xffc0_0000)));
    assertFalse(f.matches(f32(0x7fc0_0001)), "extra payload bit");
    assertFalse(f.matches(f32(0x7fa0_0000)), "signalling NaN");
    assertFalse(f.matches(f32(0x7f80_0000)), "infinity");
    assertFalse(f.matches(1.0f));
    assertFalse(f.matches(f64(0x7ff8_0000_0000_0000L)), "f64 where f32 is expected");

    Expected d = expected("(f64.const nan:canonical)");
    assertTrue(d.matches(f64(0x7ff8_0000_0000_0000L)));
    assertTrue(d.matches(f64(0xfff8_0000_0000_0000L)));
    assertFalse(d.matches(f64(0x7ff8_0000_0000_0001L)));
    assertFalse(d.matches(f64(0x7ff4_0000_0000_0000L)));
    assertFalse(d.matches(f32(0x7fc0_0000)));
  }

  @Test
  void arithmeticNanAcceptsAnyQuietNan() {
    Expected f = expected("(f32.const nan:arithmetic)");
    assertInstanceOf(Expected.ArithmeticNan.class, f);
    assertTrue(f.matches(f32(0x7fc0_0000)));
    assertTrue(f.matches(f32(0x7fc0_0001)));
    assertTrue(f.matches(f32(0xffff_ffff)));
    assertFalse(f.matches(f32(0x7fa0_0000)), "signalling NaN");
    assertFalse(f.matches(f32(0x7f80_0000)), "infinity");
    assertFalse(f.matches(0.0f));

    Expected d = expected("(f64.const nan:arithmetic)");
    assertTrue(d.matches(f64(0x7ff8_0000_0000_0001L)));
    assertTrue(d.matches(f64(0xfffc_0000_0000_0000L)));
    assertFalse(d.matches(f64(0x7ff0_0000_0000_0001L)), "signalling NaN");
    assertFalse(d.matches(f64(0x7ff0_0000_0000_0000L)), "infinity");
  }

  @Test
  void floatsAreReadExactlyFromHexNotation() {
    assertEquals(5.0f, argument("(f32.const 0x1.4p+2)"));
    assertEquals(f32(0x0000_0001), argument("(f32.const 0x1p-149)"), "smallest subnormal");
    assertEquals(f32(0xff7f_ffff), argument("(f32.const -0x1.ff_ff_fep+127)"));
    assertEquals(f64(0x3ff8_0000_0000_0000L), argument("(f64.const 0x1.8)"), "no exponent");
    assertEquals(f32(0x7fa0_0001), argument("(f32.const nan:0x20_0001)"), "payload kept");
    assertEquals(f64(0xfff8_0000_0000_0000L), argument("(f64.const -nan)"));
    assertEquals(Float.NEGATIVE_INFINITY, argument("(f32.const -inf)"));
  }

  @Test
  void exactFloatsCompareRawBits() {
    Expected negZero = expected("(f32.const -0x0p+0)");
    assertTrue(negZero.matches(-0.0f));
    assertFalse(negZero.matches(0.0f), "-0 and +0 are == but differ");

    Expected nan = expected("(f32.const nan:0x200001)");
    assertTrue(nan.matches(f32(0x7fa0_0001)), "a NaN equals itself bit for bit");
    assertFalse(nan.matches(f32(0x7fc0_0000)), "another NaN payload");

    Expected one = expected("(f64.const 0x1p+0)");
    assertTrue(one.matches(1.0));
    assertFalse(one.matches(1.0f), "f32 where f64 is expected");
    assertFalse(expected("(f64.const 0x0p+0)").matches(-0.0));
  }

  @Test
  void integersWrapToTheirWidth() {
    assertTrue(expected("(i32.const 0xffff_ffff)").matches(-1));
    assertTrue(expected("(i32.const -0x8000_0000)").matches(Integer.MIN_VALUE));
    assertFalse(expected("(i32.const 0x1)").matches(1L), "i64 where i32 is expected");
    assertTrue(expected("(i64.const 0xffff_ffff_ffff_ffff)").matches(-1L));
    assertFalse(expected("(i64.const 0x1)").matches(1));
    assertEquals(-1, argument("(i32.const 4294967295)"), "decimal notation");
  }

  @Test
  void vectorsAreReadLaneByLaneInTheirShape() {
    assertEquals(
        V128.ofI32(1, -1, 0, 0x7fff_ffff),
        argument("(v128.const i32x4 1 0xffff_ffff 0 0x7fff_ffff)"));
    assertEquals(
        new V128(0xffL, 0x8000_0000_0000_0000L),
        argument("(v128.const i8x16 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0x80)"));
    Expected lanes = expected("(v128.const f32x4 nan:canonical 0x1p+0 -0x0p+0 nan:arithmetic)");
    assertInstanceOf(Expected.Lanes.class, lanes);
    assertTrue(lanes.matches(V128.ofF32(Float.NaN, 1.0f, -0.0f, f32(0x7fc0_0001))));
    assertFalse(lanes.matches(V128.ofF32(Float.NaN, 1.0f, 0.0f, Float.NaN)), "sign of zero lane");
  }

  @Test
  void eitherAcceptsAnyAlternative() {
    Expected e = expected("(either (i32.const 1) (i32.const 0x2))");
    assertTrue(e.matches(1));
    assertTrue(e.matches(2));
    assertFalse(e.matches(3));
  }

  @Test
  void referencesCompareByIdentityOfTheirHostValue() {
    assertTrue(expected("(ref.extern 1)").matches(new ExternValue(1)));
    assertFalse(expected("(ref.extern 1)").matches(new ExternValue(2)));
    assertFalse(expected("(ref.extern 1)").matches(null));
    assertTrue(expected("(ref.null extern)").matches(null));
    assertFalse(expected("(ref.null extern)").matches(new ExternValue(0)));
    assertTrue(expected("(ref.null)").matches(null), "a null of any heap type");
    assertTrue(expected("(ref.extern)").matches(new ExternValue(7)));
    assertFalse(expected("(ref.func)").matches(new ExternValue(7)), "not a function");
    assertNull(argument("(ref.null func)"));
    assertEquals(new ExternValue(3), argument("(ref.extern 3)"));
  }

  @Test
  void describesFloatsWithTheirBits() {
    assertEquals("f32:NaN(0x7fc00000)", ValueCodec.describe(f32(0x7fc0_0000)));
    assertEquals("f64:-0.0(0x8000000000000000)", ValueCodec.describe(-0.0));
    assertEquals("i32:-1", ValueCodec.describe(-1));
    assertEquals("ref.extern:ref.extern 3", ValueCodec.describe("ref.extern", new ExternValue(3)));
  }
}
