package dev.flarec.testsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarec.runtime.types.ValueType;
import org.junit.jupiter.api.Test;

/**
 * The value comparison the whole suite rests on: a bug here would pass or fail thousands of
 * commands at once, so its three regimes (exact bits, canonical NaN, arithmetic NaN) are pinned
 * down on their boundary cases.
 */
class ExpectedTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Expected expected(String type, String value) throws Exception {
    JsonNode node =
        MAPPER.readTree(
            value == null
                ? "{\"type\":\"" + type + "\"}"
                : "{\"type\":\"" + type + "\",\"value\":\"" + value + "\"}");
    return ValueCodec.expected(node);
  }

  private static Float f32(int bits) {
    return Float.intBitsToFloat(bits);
  }

  private static Double f64(long bits) {
    return Double.longBitsToDouble(bits);
  }

  @Test
  void canonicalNanAcceptsOnlyTheQuietBitEitherSign() throws Exception {
    Expected f = expected("f32", "nan:canonical");
    assertInstanceOf(Expected.CanonicalNan.class, f);
    assertTrue(f.matches(f32(0x7fc0_0000)));
    assertTrue(f.matches(f32(0xffc0_0000)));
    assertFalse(f.matches(f32(0x7fc0_0001)), "extra payload bit");
    assertFalse(f.matches(f32(0x7fa0_0000)), "signalling NaN");
    assertFalse(f.matches(f32(0x7f80_0000)), "infinity");
    assertFalse(f.matches(1.0f));
    assertFalse(f.matches(f64(0x7ff8_0000_0000_0000L)), "f64 where f32 is expected");

    Expected d = expected("f64", "nan:canonical");
    assertTrue(d.matches(f64(0x7ff8_0000_0000_0000L)));
    assertTrue(d.matches(f64(0xfff8_0000_0000_0000L)));
    assertFalse(d.matches(f64(0x7ff8_0000_0000_0001L)));
    assertFalse(d.matches(f64(0x7ff4_0000_0000_0000L)));
    assertFalse(d.matches(f32(0x7fc0_0000)));
  }

  @Test
  void arithmeticNanAcceptsAnyQuietNan() throws Exception {
    Expected f = expected("f32", "nan:arithmetic");
    assertInstanceOf(Expected.ArithmeticNan.class, f);
    assertTrue(f.matches(f32(0x7fc0_0000)));
    assertTrue(f.matches(f32(0x7fc0_0001)));
    assertTrue(f.matches(f32(0xffff_ffff)));
    assertFalse(f.matches(f32(0x7fa0_0000)), "signalling NaN");
    assertFalse(f.matches(f32(0x7f80_0000)), "infinity");
    assertFalse(f.matches(0.0f));

    Expected d = expected("f64", "nan:arithmetic");
    assertTrue(d.matches(f64(0x7ff8_0000_0000_0001L)));
    assertTrue(d.matches(f64(0xfffc_0000_0000_0000L)));
    assertFalse(d.matches(f64(0x7ff0_0000_0000_0001L)), "signalling NaN");
    assertFalse(d.matches(f64(0x7ff0_0000_0000_0000L)), "infinity");
  }

  @Test
  void exactFloatsCompareRawBits() throws Exception {
    Expected negZero = expected("f32", Integer.toUnsignedString(0x8000_0000));
    assertTrue(negZero.matches(-0.0f));
    assertFalse(negZero.matches(0.0f), "-0 and +0 are == but differ");

    Expected nan = expected("f32", Integer.toUnsignedString(0x7fa0_0001));
    assertTrue(nan.matches(f32(0x7fa0_0001)), "a NaN equals itself bit for bit");
    assertFalse(nan.matches(f32(0x7fc0_0000)), "another NaN payload");

    Expected one = expected("f64", Long.toUnsignedString(Double.doubleToRawLongBits(1.0)));
    assertTrue(one.matches(1.0));
    assertFalse(one.matches(1.0f), "f32 where f64 is expected");
    assertFalse(expected("f64", "0").matches(-0.0));
  }

  @Test
  void integersAreUnsignedDecimalNarrowedToBits() throws Exception {
    assertTrue(expected("i32", "4294967295").matches(-1));
    assertTrue(expected("i32", "2147483648").matches(Integer.MIN_VALUE));
    assertFalse(expected("i32", "1").matches(1L), "i64 where i32 is expected");
    assertTrue(expected("i64", "18446744073709551615").matches(-1L));
    assertFalse(expected("i64", "1").matches(1));
    assertEquals(-1, ValueCodec.value(ValueType.I32, "4294967295").boxed());
  }

  @Test
  void referencesCompareByIdentityOfTheirHostValue() throws Exception {
    assertTrue(expected("externref", "1").matches(new ExternValue(1)));
    assertFalse(expected("externref", "1").matches(new ExternValue(2)));
    assertFalse(expected("externref", "1").matches(null));
    assertTrue(expected("externref", "null").matches(null));
    assertFalse(expected("externref", "null").matches(new ExternValue(0)));
    assertTrue(expected("funcref", "null").matches(null));
    assertInstanceOf(Expected.NonNullRef.class, expected("externref", null));
    assertTrue(expected("externref", null).matches(new ExternValue(7)));
    assertNull(ValueCodec.value(ValueType.FUNCREF, "null").boxed());
  }

  @Test
  void describesFloatsWithTheirBits() {
    assertEquals("f32:NaN(0x7fc00000)", ValueCodec.describe(f32(0x7fc0_0000)));
    assertEquals("f64:-0.0(0x8000000000000000)", ValueCodec.describe(-0.0));
    assertEquals("i32:-1", ValueCodec.describe(-1));
    assertEquals(
        "externref:ref.extern 3", ValueCodec.describe(ValueType.EXTERNREF, new ExternValue(3)));
  }
}
