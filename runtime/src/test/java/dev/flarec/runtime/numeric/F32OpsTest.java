package dev.flarec.runtime.numeric;

import static dev.flarec.runtime.numeric.I32OpsTest.f32;
import static dev.flarec.runtime.numeric.I32OpsTest.i32;
import static dev.flarec.runtime.numeric.I32OpsTest.parseInteger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Most rows come from the WebAssembly 2.0 spec test scripts f32.wast, float_misc.wast and
 * conversions.wast, in their literal syntax. An expected {@code nan:canonical} means a NaN whose
 * payload is exactly the quiet bit, of either sign; {@code nan:arithmetic} means any NaN with the
 * quiet bit set. Every other expected value is compared bit for bit, so signed zeros and NaN
 * payloads count.
 */
class F32OpsTest {

  private static final int QUIET_BIT = 0x0040_0000;

  // ---------------------------------------------------------------- min and max

  @ParameterizedTest(name = "f32.min({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,    -0x0p+0,        -0x0p+0
      -0x0p+0,    0x0p+0,         -0x0p+0
      0x0p+0,     -0x0p+0,        -0x0p+0
      0x0p+0,     0x0p+0,         0x0p+0
      -0x0p+0,    -0x1p-149,      -0x1p-149
      -0x0p+0,    0x1p-149,       -0x0p+0
      0x0p+0,     -0x1p-149,      -0x1p-149
      0x1p-149,   0x0p+0,         0x0p+0
      -0x1p-126,  0x0p+0,         -0x1p-126
      0x1p-1,     -0x1p-1,        -0x1p-1
      0x1p+0,     0x1.921fb6p+2,  0x1p+0
      -0x0p+0,    -0x1.fffffep+127, -0x1.fffffep+127
      0x0p+0,     -inf,           -inf
      0x0p+0,     inf,            0x0p+0
      -inf,       inf,            -inf
      inf,        inf,            inf
      -0x0p+0,    -nan,           nan:canonical
      -0x0p+0,    -nan:0x200000,  nan:arithmetic
      0x0p+0,     nan,            nan:canonical
      0x0p+0,     nan:0x200000,   nan:arithmetic
      nan,        0x1p+0,         nan:canonical
      nan:0x200000, 0x1p+0,       nan:arithmetic
      -inf,       nan:0x200000,   nan:arithmetic
      inf,        nan,            nan:canonical
      -nan,       -nan,           nan:canonical
      -nan:0x200000, -nan,        nan:arithmetic
      -nan,       nan:0x200000,   nan:arithmetic
      nan:0x200000, nan:0x200000, nan:arithmetic
      nan,        nan,            nan:canonical
      """)
  void min(String a, String b, String expected) {
    assertF32(expected, F32Ops.min(f32(a), f32(b)));
  }

  @ParameterizedTest(name = "f32.max({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,    -0x0p+0,        -0x0p+0
      -0x0p+0,    0x0p+0,         0x0p+0
      0x0p+0,     -0x0p+0,        0x0p+0
      0x0p+0,     0x0p+0,         0x0p+0
      -0x0p+0,    -0x1p-149,      -0x0p+0
      -0x0p+0,    0x1p-149,       0x1p-149
      -0x1p-149,  0x0p+0,         0x0p+0
      0x1p-149,   -0x0p+0,        0x1p-149
      0x1p-1,     -0x1p-1,        0x1p-1
      0x1p+0,     0x1.921fb6p+2,  0x1.921fb6p+2
      -0x0p+0,    0x1.fffffep+127, 0x1.fffffep+127
      -0x0p+0,    -inf,           -0x0p+0
      0x0p+0,     inf,            inf
      -inf,       inf,            inf
      -inf,       -inf,           -inf
      -0x0p+0,    -nan,           nan:canonical
      -0x0p+0,    -nan:0x200000,  nan:arithmetic
      0x0p+0,     nan,            nan:canonical
      0x0p+0,     nan:0x200000,   nan:arithmetic
      nan,        -inf,           nan:canonical
      nan:0x200000, -inf,         nan:arithmetic
      nan:0x200000, inf,          nan:arithmetic
      -nan,       -nan,           nan:canonical
      -nan:0x200000, -nan,        nan:arithmetic
      -nan,       nan:0x200000,   nan:arithmetic
      nan:0x200000, nan:0x200000, nan:arithmetic
      nan,        nan,            nan:canonical
      """)
  void max(String a, String b, String expected) {
    assertF32(expected, F32Ops.max(f32(a), f32(b)));
  }

  @Test
  void minAndMaxQuietASignallingNan() {
    float signalling = Float.intBitsToFloat(0x7fa0_0000);
    for (float other : new float[] {0.0f, -0.0f, 1.0f, Float.NEGATIVE_INFINITY, signalling}) {
      assertQuietNan(F32Ops.min(signalling, other));
      assertQuietNan(F32Ops.min(other, signalling));
      assertQuietNan(F32Ops.max(signalling, other));
      assertQuietNan(F32Ops.max(other, signalling));
    }
  }

  @Test
  void minAndMaxAgreeWithAnIndependentReferenceOnRandomPairs() {
    SplittableRandom random = new SplittableRandom(0x5eed_0201L);
    float[] specials = {
      0.0f,
      -0.0f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.NaN,
      Float.intBitsToFloat(0x7fa0_0000),
      Float.intBitsToFloat(0xffc0_0001),
      1.0f,
      -1.0f
    };
    for (int i = 0; i < 200_000; i++) {
      float a = (i & 3) == 0 ? specials[random.nextInt(specials.length)] : randomFloat(random);
      float b = (i & 5) == 0 ? specials[random.nextInt(specials.length)] : randomFloat(random);
      int ab = Float.floatToRawIntBits(a);
      int bb = Float.floatToRawIntBits(b);
      if (Float.isNaN(a) || Float.isNaN(b)) {
        assertQuietNan(F32Ops.min(a, b));
        assertQuietNan(F32Ops.max(a, b));
      } else if (a == b) {
        // Equal values differ at most in the sign of a zero: min takes the negative, max the
        // positive, which is an OR and an AND of the bits.
        assertEquals(ab | bb, Float.floatToRawIntBits(F32Ops.min(a, b)));
        assertEquals(ab & bb, Float.floatToRawIntBits(F32Ops.max(a, b)));
      } else {
        assertEquals(a < b ? ab : bb, Float.floatToRawIntBits(F32Ops.min(a, b)));
        assertEquals(a > b ? ab : bb, Float.floatToRawIntBits(F32Ops.max(a, b)));
      }
    }
  }

  // ---------------------------------------------------------------- sign-bit operations

  @ParameterizedTest(name = "f32.abs({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0x0p+0,          0x0p+0
      -0x0p+0,         0x0p+0
      -0x1p-149,       0x1p-149
      -0x1.fffffep+127, 0x1.fffffep+127
      -inf,            inf
      inf,             inf
      nan,             nan
      -nan,            nan
      nan:0x0f1e2,     nan:0x0f1e2
      -nan:0x0f1e2,    nan:0x0f1e2
      # a signalling NaN stays signalling
      -nan:0x200000,   nan:0x200000
      -nan:0x1,        nan:0x1
      """)
  void abs(String x, String expected) {
    assertF32(expected, F32Ops.abs(f32(x)));
  }

  @ParameterizedTest(name = "f32.neg({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0x0p+0,          -0x0p+0
      -0x0p+0,         0x0p+0
      0x1p-149,        -0x1p-149
      -0x1.fffffep+127, 0x1.fffffep+127
      -inf,            inf
      inf,             -inf
      nan,             -nan
      -nan,            nan
      nan:0x0f1e2,     -nan:0x0f1e2
      -nan:0x0f1e2,    nan:0x0f1e2
      # 0x7fa00000 becomes 0xffa00000: still signalling, payload intact
      nan:0x200000,    -nan:0x200000
      -nan:0x7fffff,   nan:0x7fffff
      """)
  void neg(String x, String expected) {
    assertF32(expected, F32Ops.neg(f32(x)));
  }

  @Test
  void negOfSignallingNanFlipsOnlyTheSignBit() {
    float signalling = Float.intBitsToFloat(0x7fa0_0000);
    assertEquals(0xffa0_0000, Float.floatToRawIntBits(F32Ops.neg(signalling)));
  }

  @ParameterizedTest(name = "f32.copysign({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      0x1p+0,          -0x0p+0,       -0x1p+0
      -0x1p+0,         0x0p+0,        0x1p+0
      0x0p+0,          -inf,          -0x0p+0
      -0x0p+0,         0x1p-149,      0x0p+0
      inf,             -0x1p+0,       -inf
      -0x1.fffffep+127, inf,          0x1.fffffep+127
      0x1p+0,          -nan,          -0x1p+0
      0x1p+0,          nan:0x200000,  0x1p+0
      nan:0x0f1e2,     nan,           nan:0x0f1e2
      nan:0x0f1e2,     -nan,          -nan:0x0f1e2
      -nan:0x0f1e2,    nan,           nan:0x0f1e2
      -nan:0x0f1e2,    -nan,          -nan:0x0f1e2
      nan:0x200000,    -0x1p+0,       -nan:0x200000
      -nan:0x1,        0x0p+0,        nan:0x1
      """)
  void copysign(String magnitude, String sign, String expected) {
    assertF32(expected, F32Ops.copysign(f32(magnitude), f32(sign)));
  }

  @Test
  void signBitOperationsKeepEveryOtherBitForAllPayloads() {
    SplittableRandom random = new SplittableRandom(0x5eed_0202L);
    for (int i = 0; i < 100_000; i++) {
      // Half of them NaNs with random payloads, signalling or quiet.
      int bits = (i & 1) == 0 ? random.nextInt() : random.nextInt() | 0x7f80_0001;
      int signBits = random.nextInt();
      float x = Float.intBitsToFloat(bits);
      assertEquals(bits & 0x7fff_ffff, Float.floatToRawIntBits(F32Ops.abs(x)));
      assertEquals(bits ^ 0x8000_0000, Float.floatToRawIntBits(F32Ops.neg(x)));
      assertEquals(
          (bits & 0x7fff_ffff) | (signBits & 0x8000_0000),
          Float.floatToRawIntBits(F32Ops.copysign(x, Float.intBitsToFloat(signBits))));
    }
  }

  // ---------------------------------------------------------------- rounding

  @ParameterizedTest(name = "f32.ceil({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,          -0x0p+0
      0x0p+0,           0x0p+0
      -0x1p-149,        -0x0p+0
      0x1p-149,         0x1p+0
      -0x1p-126,        -0x0p+0
      0x1p-126,         0x1p+0
      -0x1p-1,          -0x0p+0
      0x1p-1,           0x1p+0
      -0x1p+0,          -0x1p+0
      0x1p+0,           0x1p+0
      -0x1.921fb6p+2,   -0x1.8p+2
      0x1.921fb6p+2,    0x1.cp+2
      -0x1.fffffep+127, -0x1.fffffep+127
      0x1.fffffep+127,  0x1.fffffep+127
      0x1.fffffep-1,    1.0
      0x1.000002p+0,    2.0
      0x1.fffffep+22,   0x1p+23
      -0x1.fffffep+22,  -0x1.fffffcp+22
      0x1.fffffep+23,   0x1.fffffep+23
      -0x1.fffffep+23,  -0x1.fffffep+23
      -inf,             -inf
      inf,              inf
      -nan,             nan:canonical
      -nan:0x200000,    nan:arithmetic
      nan,              nan:canonical
      nan:0x200000,     nan:arithmetic
      """)
  void ceil(String x, String expected) {
    assertF32(expected, F32Ops.ceil(f32(x)));
  }

  @ParameterizedTest(name = "f32.floor({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,          -0x0p+0
      0x0p+0,           0x0p+0
      -0x1p-149,        -0x1p+0
      0x1p-149,         0x0p+0
      -0x1p-126,        -0x1p+0
      0x1p-126,         0x0p+0
      -0x1p-1,          -0x1p+0
      0x1p-1,           0x0p+0
      -0x1p+0,          -0x1p+0
      0x1p+0,           0x1p+0
      -0x1.921fb6p+2,   -0x1.cp+2
      0x1.921fb6p+2,    0x1.8p+2
      -0x1.fffffep+127, -0x1.fffffep+127
      0x1.fffffep+127,  0x1.fffffep+127
      -0x1.fffffep-1,   -1.0
      -0x1.000002p+0,   -2.0
      -0x1.fffffep+22,  -0x1p+23
      0x1.fffffep+22,   0x1.fffffcp+22
      88607.0,          88607.0
      -inf,             -inf
      inf,              inf
      -nan,             nan:canonical
      -nan:0x200000,    nan:arithmetic
      nan,              nan:canonical
      nan:0x200000,     nan:arithmetic
      """)
  void floor(String x, String expected) {
    assertF32(expected, F32Ops.floor(f32(x)));
  }

  @ParameterizedTest(name = "f32.trunc({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,          -0x0p+0
      0x0p+0,           0x0p+0
      -0x1p-149,        -0x0p+0
      0x1p-149,         0x0p+0
      -0x1p-126,        -0x0p+0
      0x1p-126,         0x0p+0
      -0x1p-1,          -0x0p+0
      0x1p-1,           0x0p+0
      -0x1p+0,          -0x1p+0
      0x1p+0,           0x1p+0
      -0x1.921fb6p+2,   -0x1.8p+2
      0x1.921fb6p+2,    0x1.8p+2
      -0x1.fffffep+127, -0x1.fffffep+127
      0x1.fffffep+127,  0x1.fffffep+127
      -0x1.fffffep+22,  -0x1.fffffcp+22
      0x1.fffffep+22,   0x1.fffffcp+22
      -inf,             -inf
      inf,              inf
      -nan,             nan:canonical
      -nan:0x200000,    nan:arithmetic
      nan,              nan:canonical
      nan:0x200000,     nan:arithmetic
      """)
  void trunc(String x, String expected) {
    assertF32(expected, F32Ops.trunc(f32(x)));
  }

  @ParameterizedTest(name = "f32.nearest({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,          -0x0p+0
      0x0p+0,           0x0p+0
      -0x1p-149,        -0x0p+0
      0x1p-149,         0x0p+0
      -0x1p-126,        -0x0p+0
      0x1p-126,         0x0p+0
      -0x1p-1,          -0x0p+0
      0x1p-1,           0x0p+0
      -0.4,             -0x0p+0
      -0x1p+0,          -0x1p+0
      0x1p+0,           0x1p+0
      -0x1.921fb6p+2,   -0x1.8p+2
      0x1.921fb6p+2,    0x1.8p+2
      -0x1.fffffep+127, -0x1.fffffep+127
      0x1.fffffep+127,  0x1.fffffep+127
      # not naive: floor(x + 0.5) gets these wrong
      0x1.000002p+23,   0x1.000002p+23
      0x1.000004p+23,   0x1.000004p+23
      0x1.fffffep-2,    0.0
      0x1.fffffep+47,   0x1.fffffep+47
      # ties go to even
      4.5,              4.0
      -4.5,             -4.0
      -3.5,             -4.0
      2.5,              2.0
      -0.5,             -0x0p+0
      1.5,              2.0
      -0x1.fffffep+22,  -0x1p+23
      0x1.fffffep+22,   0x1p+23
      # above 2^23 every float is an integer
      8388609.0,        8388609.0
      -16777215.0,      -16777215.0
      -inf,             -inf
      inf,              inf
      -nan,             nan:canonical
      -nan:0x200000,    nan:arithmetic
      nan,              nan:canonical
      nan:0x200000,     nan:arithmetic
      """)
  void nearest(String x, String expected) {
    assertF32(expected, F32Ops.nearest(f32(x)));
  }

  /**
   * Each rounding operation against BigDecimal on a stride through all float bit patterns, on every
   * third float of either sign in [2^22, 2^23] (where only the last fraction bits are left), and on
   * and next to every small half-integer.
   */
  @ParameterizedTest(name = "f32.{0} matches BigDecimal rounding mode {1}")
  @MethodSource("roundings")
  void roundingMatchesBigDecimal(String op, RoundingMode mode) {
    RoundingOp f =
        switch (op) {
          case "ceil" -> F32Ops::ceil;
          case "floor" -> F32Ops::floor;
          case "trunc" -> F32Ops::trunc;
          case "nearest" -> F32Ops::nearest;
          default -> throw new IllegalArgumentException(op);
        };
    for (long bits = 0; bits <= 0xFFFF_FFFFL; bits += 7919) {
      checkRounding(op, f, mode, Float.intBitsToFloat((int) bits));
    }
    for (int bits = Float.floatToRawIntBits(0x1p22f);
        bits <= Float.floatToRawIntBits(0x1p23f);
        bits += 3) {
      checkRounding(op, f, mode, Float.intBitsToFloat(bits));
      checkRounding(op, f, mode, Float.intBitsToFloat(bits | 0x8000_0000));
    }
    for (int i = -1000; i <= 1000; i++) {
      float half = i + 0.5f;
      checkRounding(op, f, mode, half);
      checkRounding(op, f, mode, Math.nextUp(half));
      checkRounding(op, f, mode, Math.nextDown(half));
    }
  }

  static Stream<Arguments> roundings() {
    return Stream.of(
        Arguments.of("ceil", RoundingMode.CEILING),
        Arguments.of("floor", RoundingMode.FLOOR),
        Arguments.of("trunc", RoundingMode.DOWN),
        Arguments.of("nearest", RoundingMode.HALF_EVEN));
  }

  private interface RoundingOp {
    float apply(float x);
  }

  private static void checkRounding(String op, RoundingOp f, RoundingMode mode, float x) {
    float actual = f.apply(x);
    Supplier<String> what =
        () -> "f32." + op + "(" + Float.toHexString(x) + ") was " + Float.toHexString(actual);
    if (Float.isNaN(x)) {
      assertQuietNan(actual);
      return;
    }
    float expected;
    if (Float.isInfinite(x)) {
      expected = x;
    } else {
      expected = new BigDecimal(x).setScale(0, mode).floatValue();
      if (expected == 0.0f) {
        // IEEE: a zero result keeps the operand's sign.
        expected = Math.copySign(0.0f, x);
      }
    }
    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), what);
  }

  // ---------------------------------------------------------------- sqrt

  @ParameterizedTest(name = "f32.sqrt({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,          -0x0p+0
      0x0p+0,           0x0p+0
      -0x1p-149,        nan:canonical
      0x1p-149,         0x1.6a09e6p-75
      -0x1p-126,        nan:canonical
      0x1p-126,         0x1p-63
      0x1p-1,           0x1.6a09e6p-1
      -0x1p+0,          nan:canonical
      0x1p+0,           0x1p+0
      0x1.921fb6p+2,    0x1.40d932p+1
      0x1.fffffep+127,  0x1.fffffep+63
      -inf,             nan:canonical
      inf,              inf
      -nan,             nan:canonical
      -nan:0x200000,    nan:arithmetic
      nan,              nan:canonical
      nan:0x200000,     nan:arithmetic
      0x1.56p+7,        0x1.a2744cp+3
      0x1.594dfcp-23,   0x1.a4789cp-12
      0x1.098064p-3,    0x1.70b23p-2
      0x1.d9befp+100,   0x1.5c4052p+50
      0x1.000002p+0,    0x1p+0
      0x1.000004p+0,    0x1.000002p+0
      0x1.fffffcp-1,    0x1.fffffep-1
      0x1.fffffap-1,    0x1.fffffcp-1
      0x1.fffffep-3,    0x1.fffffep-2
      0x1.000002p-2,    0x1p-1
      0x1.000004p-2,    0x1.000002p-1
      0x1.fb41d4p+37,   0x1.fd9f8p+18
      0x1.3c61b2p+33,   0x1.927ap+16
      0x1.56bd4ep+51,   0x1.a2e80cp+25
      0x1.0817fcp-1,    0x1.6fb79ep-1
      0x1.2p+3,         0x1.8p+1
      """)
  void sqrt(String x, String expected) {
    assertF32(expected, F32Ops.sqrt(f32(x)));
  }

  @Test
  void sqrtIsCorrectlyRoundedOnRandomPositiveFloats() {
    SplittableRandom random = new SplittableRandom(0x5eed_0203L);
    MathContext wide = new MathContext(60);
    for (int i = 0; i < 50_000; i++) {
      float x = Float.intBitsToFloat(random.nextInt(1, 0x7f80_0000));
      float expected = new BigDecimal(x).sqrt(wide).floatValue();
      assertEquals(
          Float.floatToRawIntBits(expected),
          Float.floatToRawIntBits(F32Ops.sqrt(x)),
          () -> "f32.sqrt(" + Float.toHexString(x) + ")");
    }
  }

  // ---------------------------------------------------------------- unsigned conversions

  @ParameterizedTest(name = "f32.convert_i32_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      1,           1.0
      0,           0.0
      2147483647,  2147483648
      -2147483648, 2147483648
      0x12345678,  0x1.234568p+28
      0xffffffff,  4294967296.0
      0x80000080,  0x1.000000p+31
      0x80000081,  0x1.000002p+31
      0x80000082,  0x1.000002p+31
      0xfffffe80,  0x1.fffffcp+31
      0xfffffe81,  0x1.fffffep+31
      0xfffffe82,  0x1.fffffep+31
      16777217,    16777216.0
      16777219,    16777220.0
      """)
  void convertI32U(String x, String expected) {
    assertF32(expected, F32Ops.convertI32U(i32(x)));
  }

  @ParameterizedTest(name = "f32.convert_i64_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      1,                    1.0
      0,                    0.0
      9223372036854775807,  9223372036854775807
      -9223372036854775808, 9223372036854775808
      0xffffffffffffffff,   18446744073709551616.0
      16777217,             16777216.0
      16777219,             16777220.0
      0x0020000020000001,   0x1.000002p+53
      0x7fffffbfffffffff,   0x1.fffffep+62
      # one above the midpoint between 2^63 and the next float: a detour through double would
      # land exactly on the midpoint and then round to even, down to 2^63
      0x8000008000000001,   0x1.000002p+63
      0x8000008000000000,   0x1p+63
      0x8000018000000000,   0x1.000004p+63
      0xfffffe8000000001,   0x1.fffffep+63
      0xffffff7fffffffff,   0x1.fffffep+63
      0xffffff8000000000,   0x1p+64
      """)
  void convertI64U(String x, String expected) {
    assertF32(expected, F32Ops.convertI64U(parseInteger(x).longValue()));
  }

  @Test
  void convertI64UAvoidsDoubleRounding() {
    long x = 0x8000_0080_0000_0001L;
    assertEquals(0x5f00_0001, Float.floatToRawIntBits(F32Ops.convertI64U(x)));
    assertEquals(9.223373e18f, F32Ops.convertI64U(x));
    // The naive route really is wrong here, so the row above does test the rounding.
    float naive = (float) new BigDecimal(Long.toUnsignedString(x)).doubleValue();
    assertNotEquals(Float.floatToRawIntBits(naive), Float.floatToRawIntBits(F32Ops.convertI64U(x)));
  }

  /**
   * Against BigInteger's correctly rounded conversion, on random values and on the integers at and
   * next to every rounding midpoint for every bit length.
   */
  @Test
  void unsignedConversionsAreCorrectlyRounded() {
    SplittableRandom random = new SplittableRandom(0x5eed_0204L);
    for (int i = 0; i < 200_000; i++) {
      long x = random.nextLong() >>> random.nextInt(64);
      checkConvertI64U(x);
      checkConvertI32U((int) x);
    }
    for (int length = 25; length <= 64; length++) {
      long roundBit = 1L << (length - 25);
      for (int i = 0; i < 200; i++) {
        long top = random.nextLong() | Long.MIN_VALUE;
        // The kept bits at random, the rounding bit set and everything below it clear.
        long midpoint = ((top >>> (64 - length)) & -(roundBit << 1)) | roundBit;
        for (long delta = -2; delta <= 2; delta++) {
          checkConvertI64U(midpoint + delta);
          if (length <= 32) {
            checkConvertI32U((int) (midpoint + delta));
          }
        }
      }
    }
  }

  private static void checkConvertI64U(long x) {
    float expected = new BigInteger(Long.toUnsignedString(x)).floatValue();
    assertEquals(
        Float.floatToRawIntBits(expected),
        Float.floatToRawIntBits(F32Ops.convertI64U(x)),
        () -> "f32.convert_i64_u(0x" + Long.toHexString(x) + ")");
  }

  private static void checkConvertI32U(int x) {
    float expected = BigInteger.valueOf(x & 0xFFFF_FFFFL).floatValue();
    assertEquals(
        Float.floatToRawIntBits(expected),
        Float.floatToRawIntBits(F32Ops.convertI32U(x)),
        () -> "f32.convert_i32_u(0x" + Integer.toHexString(x) + ")");
  }

  // ---------------------------------------------------------------- helpers

  private static float randomFloat(SplittableRandom random) {
    return Float.intBitsToFloat(random.nextInt());
  }

  private static void assertQuietNan(float actual) {
    int bits = Float.floatToRawIntBits(actual);
    assertTrue(
        Float.isNaN(actual) && (bits & QUIET_BIT) != 0,
        () -> "expected a quiet NaN but was 0x" + Integer.toHexString(bits));
  }

  /** Checks {@code actual} against an expected value written as in the spec scripts. */
  private static void assertF32(String expected, float actual) {
    int bits = Float.floatToRawIntBits(actual);
    switch (expected) {
      case "nan:canonical" ->
          assertEquals(
              0x7fc0_0000,
              bits & 0x7fff_ffff,
              () -> "expected a canonical NaN but was 0x" + Integer.toHexString(bits));
      case "nan:arithmetic" -> assertQuietNan(actual);
      default -> {
        int expectedBits = Float.floatToRawIntBits(f32(expected));
        assertEquals(
            expectedBits,
            bits,
            () ->
                "expected "
                    + expected
                    + " (0x"
                    + Integer.toHexString(expectedBits)
                    + ") but was "
                    + Float.toHexString(actual)
                    + " (0x"
                    + Integer.toHexString(bits)
                    + ")");
      }
    }
  }
}
