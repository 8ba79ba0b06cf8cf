package dev.flarec.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.types.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueFormatTest {

  @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # type | input                 | printed
          I32    | 0                     | 0
          I32    | -7                    | -7
          I32    | +7                    | 7
          I32    | 2147483647            | 2147483647
          I32    | -2147483648           | -2147483648
          I32    | 2147483648            | -2147483648
          I32    | 4294967295            | -1
          I32    | 0x10                  | 16
          I32    | 0XfF                  | 255
          I32    | 0xffffffff            | -1
          I32    | -0x80000000           | -2147483648
          I64    | 18446744073709551615  | -1
          I64    | -9223372036854775808  | -9223372036854775808
          I64    | 0x7fffffffffffffff    | 9223372036854775807
          I64    | 2432902008176640000   | 2432902008176640000
          F32    | 1.5                   | 1.5
          F32    | -0.0                  | -0
          F32    | -0                    | -0
          F32    | 1e3                   | 1000
          F32    | .5                    | 0.5
          F32    | 0x1.8p1               | 3
          F32    | 0x10                  | 16
          F32    | 0x1p-149              | 1e-45
          F32    | 3.4028235E38          | 3.4028235e38
          F32    | inf                   | inf
          F32    | -inf                  | -inf
          F32    | Infinity              | inf
          F32    | nan                   | nan
          F32    | -nan                  | -nan
          F32    | nan:0x400000          | nan
          F32    | nan:0x200000          | nan:0x200000
          F32    | -nan:0x1              | -nan:0x1
          F32    | nan:0x7fffff          | nan:0x7fffff
          F64    | 0.1                   | 0.1
          F64    | 1e308                 | 1e308
          F64    | 1.0E308               | 1e308
          F64    | 123456789012345678901 | 123456789012345680000
          F64    | 1e21                  | 1e21
          F64    | 0.000001              | 0.000001
          F64    | 1e-7                  | 1e-7
          F64    | -2.5                  | -2.5
          F32    | 0.1                   | 0.1
          F32    | 16777217              | 16777216
          F64    | -0.0                  | -0
          F64    | 4.9E-324              | 5e-324
          F64    | 0x1p-1074             | 5e-324
          F64    | 1.7976931348623157E308 | 1.7976931348623157e308
          F64    | -INF                  | -inf
          F64    | nan                   | nan
          F64    | nan:0x8000000000000   | nan
          F64    | nan:0x4000000000000   | nan:0x4000000000000
          F64    | -nan:0xfffffffffffff  | -nan:0xfffffffffffff
          FUNCREF | null                 | null
          EXTERNREF | null               | null
          """)
  void parsesAndPrints(ValueType type, String input, String printed) {
    assertEquals(printed, ValueFormat.format(type, ValueFormat.parse(type, input)));
  }

  @ParameterizedTest(name = "{0} \"{1}\" is rejected")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          I32 | 4294967296
          I32 | -2147483649
          I32 | 0x100000000
          I32 | 1.0
          I32 | ''
          I32 | ' 1'
          I32 | 1_000
          I32 | 0x
          I64 | 18446744073709551616
          I64 | -9223372036854775809
          F32 | abc
          F32 | 1.0f
          F32 | 1d
          F32 | 1e39
          F32 | NaN:0x0
          F32 | nan:0x800000
          F64 | 1e400
          F64 | nan:0x10000000000000
          F64 | 0x1.8p
          FUNCREF | ref
          EXTERNREF | 0
          """)
  void rejects(ValueType type, String input) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ValueFormat.parse(type, input));
    assertTrue(e.getMessage().contains(type.toString()), e.getMessage());
  }

  /** Every bit pattern must survive format-then-parse, including every NaN. */
  @ParameterizedTest(name = "f32 bits 0x{0}")
  @ValueSource(
      strings = {
        "00000000", "80000000", "00000001", "807fffff", "3f800000", "7f7fffff", "7f800000",
        "ff800000", "7fc00000", "ffc00000", "7f800001", "7fa00000", "ffffffff", "3dcccccd"
      })
  void f32RoundTripsBits(String hexBits) {
    int bits = Integer.parseUnsignedInt(hexBits, 16);
    String text = ValueFormat.formatF32(Float.intBitsToFloat(bits));
    assertEquals(bits, Float.floatToRawIntBits(ValueFormat.parseF32(text)), text);
  }

  @ParameterizedTest(name = "f64 bits 0x{0}")
  @ValueSource(
      strings = {
        "0000000000000000", "8000000000000000", "0000000000000001", "3fb999999999999a",
        "7fefffffffffffff", "7ff0000000000000", "fff0000000000000", "7ff8000000000000",
        "fff8000000000000", "7ff0000000000001", "7ff4000000000000", "ffffffffffffffff",
        "44b52d02c7e14af6"
      })
  void f64RoundTripsBits(String hexBits) {
    long bits = Long.parseUnsignedLong(hexBits, 16);
    String text = ValueFormat.formatF64(Double.longBitsToDouble(bits));
    assertEquals(bits, Double.doubleToRawLongBits(ValueFormat.parseF64(text)), text);
  }

  @ParameterizedTest(name = "i32 {0}")
  @ValueSource(ints = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 123456789})
  void i32RoundTrips(int value) {
    assertEquals(value, ValueFormat.parseI32(ValueFormat.format(ValueType.I32, value)));
  }

  @ParameterizedTest(name = "i64 {0}")
  @ValueSource(longs = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 2432902008176640000L})
  void i64RoundTrips(long value) {
    assertEquals(value, ValueFormat.parseI64(ValueFormat.format(ValueType.I64, value)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"abc", "1.5"})
  void messageQuotesTheInputAndSaysWhatWasExpected(String input) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ValueFormat.parseI32(input));
    assertEquals(
        "\"" + input + "\" is not an i32 (expected a decimal or 0x hex integer)", e.getMessage());
  }

  @Test
  void printsTheTextFormatsNotationAndReadsBackTheSameBits() {
    java.util.Random random = new java.util.Random(15);
    for (int i = 0; i < 5_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      float f = Float.intBitsToFloat(random.nextInt());
      for (String printed : new String[] {ValueFormat.formatF64(d), ValueFormat.formatF32(f)}) {
        assertTrue(
            printed.matches("-?(inf|nan(:0x[0-9a-f]+)?|[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?)"), printed);
      }
      assertEquals(
          Double.doubleToRawLongBits(d),
          Double.doubleToRawLongBits(ValueFormat.parseF64(ValueFormat.formatF64(d))));
      assertEquals(
          Float.floatToRawIntBits(f),
          Float.floatToRawIntBits(ValueFormat.parseF32(ValueFormat.formatF32(f))));
    }
  }

  @Test
  void v128ReadsEveryShapeAndPrintsAsI32x4() {
    Object v = ValueFormat.parse(ValueType.V128, "i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 255");
    assertEquals(
        "i32x4 50462976 117835012 185207048 -15856372", ValueFormat.format(ValueType.V128, v));
    assertEquals(
        ValueFormat.parse(ValueType.V128, "i32x4 1 2 3 4"),
        ValueFormat.parse(ValueType.V128, "i64x2 0x200000001 0x400000003"));
    Object f = ValueFormat.parse(ValueType.V128, "f32x4 1.5 -0 nan inf");
    assertEquals(f, ValueFormat.parse(ValueType.V128, ValueFormat.format(ValueType.V128, f)));
  }

  @Test
  void v128WithTheWrongLaneCountOrRangeIsAOneLineError() {
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class, () -> ValueFormat.parse(ValueType.V128, "i32x4 1 2 3"));
    assertTrue(count.getMessage().contains("4 lanes, got 3"), count.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ValueFormat.parse(ValueType.V128, "i8x16 256 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"));
    assertThrows(
        IllegalArgumentException.class, () -> ValueFormat.parse(ValueType.V128, "1 2 3 4"));
  }
}
