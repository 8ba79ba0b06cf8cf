package dev.flarec.runtime.numeric;

import static dev.flarec.runtime.numeric.I32OpsTest.f64;
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
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Most rows come from the WebAssembly 2.0 spec test scripts f64.wast, float_misc.wast and
 * conversions.wast, in their literal syntax. An expected {@code nan:canonical} means a NaN whose
 * payload is exactly the quiet bit, of either sign; {@code nan:arithmetic} means any NaN with the
 * quiet bit set. Every other expected value is compared bit for bit, so signed zeros and NaN
 * payloads count.
 */
class F64OpsTest {

  private static final long QUIET_BIT = 0x0008_0000_0000_0000L;
  private static final long SIGN_BIT = 0x8000_0000_0000_0000L;

  // ---------------------------------------------------------------- min and max

  @ParameterizedTest(name = "f64.min({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,    -0x0p+0,        -0x0p+0
      -0x0p+0,    0x0p+0,         -0x0p+0
      0x0p+0,     -0x0p+0,        -0x0p+0
      0x0p+0,     0x0p+0,         0x0p+0
      -0x0p+0,    -0x0.0000000000001p-1022, -0x0.0000000000001p-1022
      -0x0p+0,    0x0.0000000000001p-1022,  -0x0p+0
      -0x0p+0,    -0x1p-1022,     -0x1p-1022
      -0x0p+0,    0x1p-1022,      -0x0p+0
      0x1p-1,     -0x1p-1,        -0x1p-1
      0x1p+0,     0x1.921fb54442d18p+2, 0x1p+0
      0x0p+0,     -0x1.fffffffffffffp+1023, -0x1.fffffffffffffp+1023
      0x0p+0,     -inf,           -inf
      0x0p+0,     inf,            0x0p+0
      -inf,       inf,            -inf
      -0x0p+0,    -nan,           nan:canonical
      -0x0p+0,    -nan:0x4000000000000, nan:arithmetic
      0x0p+0,     nan,            nan:canonical
      0x0p+0,     nan:0x4000000000000, nan:arithmetic
      nan,        0x1p+0,         nan:canonical
      nan:0x4000000000000, 0x1p+0, nan:arithmetic
      -nan,       -nan,           nan:canonical
      -nan:0x4000000000000, -nan, nan:arithmetic
      nan,        nan:0x4000000000000, nan:arithmetic
      nan:0x4000000000000, nan:0x4000000000000, nan:arithmetic
      nan,        nan,            nan:canonical
      """)
  void min(String a, String b, String expected) {
    assertF64(expected, F64Ops.min(f64(a), f64(b)));
  }

  @ParameterizedTest(name = "f64.max({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,    -0x0p+0,        -0x0p+0
      -0x0p+0,    0x0p+0,         0x0p+0
      0x0p+0,     -0x0p+0,        0x0p+0
      0x0p+0,     0x0p+0,         0x0p+0
      -0x0p+0,    -0x0.0000000000001p-1022, -0x0p+0
      -0x0p+0,    0x0.0000000000001p-1022,  0x0.0000000000001p-1022
      -0x0p+0,    -0x1p-1022,     -0x0p+0
      0x1p-1,     -0x1p-1,        0x1p-1
      0x1p+0,     0x1.921fb54442d18p+2, 0x1.921fb54442d18p+2
      -0x0p+0,    0x1.fffffffffffffp+1023, 0x1.fffffffffffffp+1023
      -0x0p+0,    -inf,           -0x0p+0
      0x0p+0,     inf,            inf
      -inf,       inf,            inf
      -0x0p+0,    -nan,           nan:canonical
      -0x0p+0,    -nan:0x4000000000000, nan:arithmetic
      0x0p+0,     nan,            nan:canonical
      0x0p+0,     nan:0x4000000000000, nan:arithmetic
      nan,        -inf,           nan:canonical
      nan:0x4000000000000, inf,   nan:arithmetic
      -nan,       -nan,           nan:canonical
      -nan,       nan:0x4000000000000, nan:arithmetic
      nan:0x4000000000000, nan:0x4000000000000, nan:arithmetic
      nan,        nan,            nan:canonical
      """)
  void max(String a, String b, String expected) {
    assertF64(expected, F64Ops.max(f64(a), f64(b)));
  }

  @Test
  void minAndMaxQuietASignallingNan() {
    double signalling = Double.longBitsToDouble(0x7ff4_0000_0000_0000L);
    for (double other : new double[] {0.0, -0.0, 1.0, Double.NEGATIVE_INFINITY, signalling}) {
      assertQuietNan(F64Ops.min(signalling, other));
      assertQuietNan(F64Ops.min(other, signalling));
      assertQuietNan(F64Ops.max(signalling, other));
      assertQuietNan(F64Ops.max(other, signalling));
    }
  }

  @Test
  void minAndMaxAgreeWithAnIndependentReferenceOnRandomPairs() {
    SplittableRandom random = new SplittableRandom(0x5eed_0301L);
    double[] specials = {
      0.0,
      -0.0,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN,
      Double.longBitsToDouble(0x7ff4_0000_0000_0000L),
      Double.longBitsToDouble(0xfff8_0000_0000_0001L),
      1.0,
      -1.0
    };
    for (int i = 0; i < 200_000; i++) {
      double a = (i & 3) == 0 ? specials[random.nextInt(specials.length)] : randomDouble(random);
      double b = (i & 5) == 0 ? specials[random.nextInt(specials.length)] : randomDouble(random);
      long ab = Double.doubleToRawLongBits(a);
      long bb = Double.doubleToRawLongBits(b);
      if (Double.isNaN(a) || Double.isNaN(b)) {
        assertQuietNan(F64Ops.min(a, b));
        assertQuietNan(F64Ops.max(a, b));
      } else if (a == b) {
        // Equal values differ at most in the sign of a zero: min takes the negative, max the
        // positive, which is an OR and an AND of the bits.
        assertEquals(ab | bb, Double.doubleToRawLongBits(F64Ops.min(a, b)));
        assertEquals(ab & bb, Double.doubleToRawLongBits(F64Ops.max(a, b)));
      } else {
        assertEquals(a < b ? ab : bb, Double.doubleToRawLongBits(F64Ops.min(a, b)));
        assertEquals(a > b ? ab : bb, Double.doubleToRawLongBits(F64Ops.max(a, b)));
      }
    }
  }

  // ---------------------------------------------------------------- sign-bit operations

  @ParameterizedTest(name = "f64.abs({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0x0p+0,                   0x0p+0
      -0x0p+0,                  0x0p+0
      -0x0.0000000000001p-1022, 0x0.0000000000001p-1022
      -0x1.fffffffffffffp+1023, 0x1.fffffffffffffp+1023
      -inf,                     inf
      inf,                      inf
      nan,                      nan
      -nan,                     nan
      nan:0x0f1e27a6b,          nan:0x0f1e27a6b
      -nan:0x0f1e27a6b,         nan:0x0f1e27a6b
      # a signalling NaN stays signalling
      -nan:0x4000000000000,     nan:0x4000000000000
      -nan:0x1,                 nan:0x1
      """)
  void abs(String x, String expected) {
    assertF64(expected, F64Ops.abs(f64(x)));
  }

  @ParameterizedTest(name = "f64.neg({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0x0p+0,                   -0x0p+0
      -0x0p+0,                  0x0p+0
      0x0.0000000000001p-1022,  -0x0.0000000000001p-1022
      -0x1.fffffffffffffp+1023, 0x1.fffffffffffffp+1023
      -inf,                     inf
      inf,                      -inf
      nan,                      -nan
      -nan,                     nan
      nan:0x0f1e27a6b,          -nan:0x0f1e27a6b
      -nan:0x0f1e27a6b,         nan:0x0f1e27a6b
      # 0x7ff4000000000000 becomes 0xfff4000000000000: still signalling, payload intact
      nan:0x4000000000000,      -nan:0x4000000000000
      -nan:0xfffffffffffff,     nan:0xfffffffffffff
      """)
  void neg(String x, String expected) {
    assertF64(expected, F64Ops.neg(f64(x)));
  }

  @ParameterizedTest(name = "f64.copysign({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      0x1p+0,                   -0x0p+0,              -0x1p+0
      -0x1p+0,                  0x0p+0,               0x1p+0
      0x0p+0,                   -inf,                 -0x0p+0
      -0x0p+0,                  0x0.0000000000001p-1022, 0x0p+0
      inf,                      -0x1p+0,              -inf
      -0x1.fffffffffffffp+1023, inf,                  0x1.fffffffffffffp+1023
      0x1p+0,                   -nan,                 -0x1p+0
      0x1p+0,                   nan:0x4000000000000,  0x1p+0
      nan:0x0f1e27a6b,          nan,                  nan:0x0f1e27a6b
      nan:0x0f1e27a6b,          -nan,                 -nan:0x0f1e27a6b
      -nan:0x0f1e27a6b,         nan,                  nan:0x0f1e27a6b
      -nan:0x0f1e27a6b,         -nan,                 -nan:0x0f1e27a6b
      nan:0x4000000000000,      -0x1p+0,              -nan:0x4000000000000
      -nan:0x1,                 0x0p+0,               nan:0x1
      """)
  void copysign(String magnitude, String sign, String expected) {
    assertF64(expected, F64Ops.copysign(f64(magnitude), f64(sign)));
  }

  @Test
  void signBitOperationsKeepEveryOtherBitForAllPayloads() {
    SplittableRandom random = new SplittableRandom(0x5eed_0302L);
    for (int i = 0; i < 100_000; i++) {
      // Half of them NaNs with random payloads, signalling or quiet.
      long bits = (i & 1) == 0 ? random.nextLong() : random.nextLong() | 0x7ff0_0000_0000_0001L;
      long signBits = random.nextLong();
      double x = Double.longBitsToDouble(bits);
      assertEquals(bits & ~SIGN_BIT, Double.doubleToRawLongBits(F64Ops.abs(x)));
      assertEquals(bits ^ SIGN_BIT, Double.doubleToRawLongBits(F64Ops.neg(x)));
      assertEquals(
          (bits & ~SIGN_BIT) | (signBits & SIGN_BIT),
          Double.doubleToRawLongBits(F64Ops.copysign(x, Double.longBitsToDouble(signBits))));
    }
  }

  // ---------------------------------------------------------------- rounding

  @ParameterizedTest(name = "f64.ceil({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,                  -0x0p+0
      0x0p+0,                   0x0p+0
      -0x0.0000000000001p-1022, -0x0p+0
      0x0.0000000000001p-1022,  0x1p+0
      -0x1p-1022,               -0x0p+0
      0x1p-1022,                0x1p+0
      -0x1p-1,                  -0x0p+0
      0x1p-1,                   0x1p+0
      -0x1p+0,                  -0x1p+0
      0x1p+0,                   0x1p+0
      -0x1.921fb54442d18p+2,    -0x1.8p+2
      0x1.921fb54442d18p+2,     0x1.cp+2
      -0x1.fffffffffffffp+1023, -0x1.fffffffffffffp+1023
      0x1.fffffffffffffp+1023,  0x1.fffffffffffffp+1023
      0x1.fffffffffffffp-1,     1.0
      0x1.0000000000001p+0,     2.0
      0x1.fffffffffffffp+51,    0x1p+52
      -0x1.fffffffffffffp+51,   -0x1.ffffffffffffep+51
      0x1.fffffffffffffp+52,    0x1.fffffffffffffp+52
      -0x1.fffffffffffffp+52,   -0x1.fffffffffffffp+52
      -inf,                     -inf
      inf,                      inf
      -nan,                     nan:canonical
      -nan:0x4000000000000,     nan:arithmetic
      nan,                      nan:canonical
      nan:0x4000000000000,      nan:arithmetic
      """)
  void ceil(String x, String expected) {
    assertF64(expected, F64Ops.ceil(f64(x)));
  }

  @ParameterizedTest(name = "f64.floor({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,                  -0x0p+0
      0x0p+0,                   0x0p+0
      -0x0.0000000000001p-1022, -0x1p+0
      0x0.0000000000001p-1022,  0x0p+0
      -0x1p-1022,               -0x1p+0
      0x1p-1022,                0x0p+0
      -0x1p-1,                  -0x1p+0
      0x1p-1,                   0x0p+0
      -0x1p+0,                  -0x1p+0
      0x1p+0,                   0x1p+0
      -0x1.921fb54442d18p+2,    -0x1.cp+2
      0x1.921fb54442d18p+2,     0x1.8p+2
      -0x1.fffffffffffffp+1023, -0x1.fffffffffffffp+1023
      0x1.fffffffffffffp+1023,  0x1.fffffffffffffp+1023
      -0x1.fffffffffffffp-1,    -1.0
      -0x1.0000000000001p+0,    -2.0
      -0x1.fffffffffffffp+51,   -0x1p+52
      0x1.fffffffffffffp+51,    0x1.ffffffffffffep+51
      88607.0,                  88607.0
      -inf,                     -inf
      inf,                      inf
      -nan,                     nan:canonical
      -nan:0x4000000000000,     nan:arithmetic
      nan,                      nan:canonical
      nan:0x4000000000000,      nan:arithmetic
      """)
  void floor(String x, String expected) {
    assertF64(expected, F64Ops.floor(f64(x)));
  }

  @ParameterizedTest(name = "f64.trunc({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,                  -0x0p+0
      0x0p+0,                   0x0p+0
      -0x0.0000000000001p-1022, -0x0p+0
      0x0.0000000000001p-1022,  0x0p+0
      -0x1p-1022,               -0x0p+0
      0x1p-1022,                0x0p+0
      -0x1p-1,                  -0x0p+0
      0x1p-1,                   0x0p+0
      -0x1p+0,                  -0x1p+0
      0x1p+0,                   0x1p+0
      -0x1.921fb54442d18p+2,    -0x1.8p+2
      0x1.921fb54442d18p+2,     0x1.8p+2
      -0x1.fffffffffffffp+1023, -0x1.fffffffffffffp+1023
      0x1.fffffffffffffp+1023,  0x1.fffffffffffffp+1023
      -0x1.fffffffffffffp+51,   -0x1.ffffffffffffep+51
      0x1.fffffffffffffp+51,    0x1.ffffffffffffep+51
      -inf,                     -inf
      inf,                      inf
      -nan,                     nan:canonical
      -nan:0x4000000000000,     nan:arithmetic
      nan,                      nan:canonical
      nan:0x4000000000000,      nan:arithmetic
      """)
  void trunc(String x, String expected) {
    assertF64(expected, F64Ops.trunc(f64(x)));
  }

  @ParameterizedTest(name = "f64.nearest({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,                  -0x0p+0
      0x0p+0,                   0x0p+0
      -0x0.0000000000001p-1022, -0x0p+0
      0x0.0000000000001p-1022,  0x0p+0
      -0x1p-1022,               -0x0p+0
      0x1p-1022,                0x0p+0
      -0x1p-1,                  -0x0p+0
      0x1p-1,                   0x0p+0
      -0.4,                     -0x0p+0
      -0x1p+0,                  -0x1p+0
      0x1p+0,                   0x1p+0
      -0x1.921fb54442d18p+2,    -0x1.8p+2
      0x1.921fb54442d18p+2,     0x1.8p+2
      -0x1.fffffffffffffp+1023, -0x1.fffffffffffffp+1023
      0x1.fffffffffffffp+1023,  0x1.fffffffffffffp+1023
      # not naive: floor(x + 0.5) gets these wrong
      0x1.0000000000001p+52,    0x1.0000000000001p+52
      0x1.0000000000002p+52,    0x1.0000000000002p+52
      0x1.fffffffffffffp-2,     0.0
      0x1.fffffffffffffp+105,   0x1.fffffffffffffp+105
      # ties go to even
      4.5,                      4.0
      -4.5,                     -4.0
      -3.5,                     -4.0
      2.5,                      2.0
      -0.5,                     -0x0p+0
      1.5,                      2.0
      -0x1.fffffffffffffp+51,   -0x1p+52
      0x1.fffffffffffffp+51,    0x1p+52
      # above 2^52 every double is an integer
      4503599627370497.0,       4503599627370497.0
      -9007199254740991.0,      -9007199254740991.0
      -inf,                     -inf
      inf,                      inf
      -nan,                     nan:canonical
      -nan:0x4000000000000,     nan:arithmetic
      nan,                      nan:canonical
      nan:0x4000000000000,      nan:arithmetic
      """)
  void nearest(String x, String expected) {
    assertF64(expected, F64Ops.nearest(f64(x)));
  }

  /**
   * Each rounding operation against BigDecimal on random doubles of every magnitude, on random
   * doubles in [2^51, 2^53) (where only the last fraction bits are left), and on and next to every
   * small half-integer.
   */
  @ParameterizedTest(name = "f64.{0} matches BigDecimal rounding mode {1}")
  @MethodSource("roundings")
  void roundingMatchesBigDecimal(String op, RoundingMode mode) {
    DoubleUnaryOperator f =
        switch (op) {
          case "ceil" -> F64Ops::ceil;
          case "floor" -> F64Ops::floor;
          case "trunc" -> F64Ops::trunc;
          case "nearest" -> F64Ops::nearest;
          default -> throw new IllegalArgumentException(op);
        };
    SplittableRandom random = new SplittableRandom(0x5eed_0303L);
    for (int i = 0; i < 100_000; i++) {
      checkRounding(op, f, mode, randomDouble(random));
      double band = 0x1p51 + random.nextLong(1L << 52);
      checkRounding(op, f, mode, band);
      checkRounding(op, f, mode, -band);
      // Small magnitudes with every fraction: where ties and signed zeros happen.
      checkRounding(op, f, mode, (random.nextDouble() - 0.5) * 64);
    }
    for (int i = -1000; i <= 1000; i++) {
      double half = i + 0.5;
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

  private static void checkRounding(String op, DoubleUnaryOperator f, RoundingMode mode, double x) {
    double actual = f.applyAsDouble(x);
    Supplier<String> what =
        () -> "f64." + op + "(" + Double.toHexString(x) + ") was " + Double.toHexString(actual);
    if (Double.isNaN(x)) {
      assertQuietNan(actual);
      return;
    }
    double expected;
    if (Double.isInfinite(x) || Math.abs(x) >= 0x1p52) {
      // Already an integer; also spares BigDecimal numbers with hundreds of digits.
      expected = x;
    } else {
      expected = new BigDecimal(x).setScale(0, mode).doubleValue();
      if (expected == 0.0) {
        // IEEE: a zero result keeps the operand's sign.
        expected = Math.copySign(0.0, x);
      }
    }
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what);
  }

  // ---------------------------------------------------------------- sqrt

  @ParameterizedTest(name = "f64.sqrt({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      -0x0p+0,                  -0x0p+0
      0x0p+0,                   0x0p+0
      -0x0.0000000000001p-1022, nan:canonical
      0x0.0000000000001p-1022,  0x1p-537
      -0x1p-1022,               nan:canonical
      0x1p-1022,                0x1p-511
      0x1p-1,                   0x1.6a09e667f3bcdp-1
      -0x1p+0,                  nan:canonical
      0x1p+0,                   0x1p+0
      0x1.921fb54442d18p+2,     0x1.40d931ff62705p+1
      0x1.fffffffffffffp+1023,  0x1.fffffffffffffp+511
      -inf,                     nan:canonical
      inf,                      inf
      -nan,                     nan:canonical
      -nan:0x4000000000000,     nan:arithmetic
      nan,                      nan:canonical
      nan:0x4000000000000,      nan:arithmetic
      0x1.56p+7,                0x1.a2744ce9674f5p+3
      0x1.594dfc70aa105p-23,    0x1.a4789c0e37f99p-12
      0x1.0263fcc94f259p-164,   0x1.0131485de579fp-82
      0x1.352dfa278c43dp+338,   0x1.195607dac5417p+169
      -0x1.360e8d0032adp-963,   nan:canonical
      0x1.0000000000001p+0,     0x1p+0
      0x1.0000000000002p+0,     0x1.0000000000001p+0
      0x1.ffffffffffffep-1,     0x1.fffffffffffffp-1
      0x1.ffffffffffffdp-1,     0x1.ffffffffffffep-1
      0x1.fffffffffffffp-3,     0x1.fffffffffffffp-2
      0x1.0000000000001p-2,     0x1p-1
      0x1.0000000000002p-2,     0x1.0000000000001p-1
      0x1.fb41d442eeb1bp+37,    0x1.fd9f808a0b68dp+18
      0x1.56bd4e65c8548p+51,    0x1.a2e80dp+25
      0x1.0817fcp-1,            0x1.6fb79d0dfaffap-1
      """)
  void sqrt(String x, String expected) {
    assertF64(expected, F64Ops.sqrt(f64(x)));
  }

  @Test
  void sqrtIsCorrectlyRoundedOnRandomPositiveDoubles() {
    SplittableRandom random = new SplittableRandom(0x5eed_0304L);
    MathContext wide = new MathContext(100);
    for (int i = 0; i < 20_000; i++) {
      double x = Double.longBitsToDouble(random.nextLong(1L, 0x7ff0_0000_0000_0000L));
      double expected = new BigDecimal(x).sqrt(wide).doubleValue();
      assertEquals(
          Double.doubleToRawLongBits(expected),
          Double.doubleToRawLongBits(F64Ops.sqrt(x)),
          () -> "f64.sqrt(" + Double.toHexString(x) + ")");
    }
  }

  // ---------------------------------------------------------------- unsigned conversions

  @ParameterizedTest(name = "f64.convert_i32_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      1,           1.0
      0,           0.0
      2147483647,  2147483647
      -2147483648, 2147483648
      0xffffffff,  4294967295.0
      0x80000001,  2147483649.0
      """)
  void convertI32U(String x, String expected) {
    assertF64(expected, F64Ops.convertI32U(i32(x)));
  }

  @ParameterizedTest(name = "f64.convert_i64_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      1,                    1.0
      0,                    0.0
      9223372036854775807,  9223372036854775807
      -9223372036854775808, 9223372036854775808
      0xffffffffffffffff,   18446744073709551616.0
      -1,                   1.8446744073709552e19
      0x8000000000000400,   0x1.0000000000000p+63
      0x8000000000000401,   0x1.0000000000001p+63
      0x8000000000000402,   0x1.0000000000001p+63
      0x8000000000000c00,   0x1.0000000000002p+63
      0xfffffffffffff400,   0x1.ffffffffffffep+63
      0xfffffffffffff401,   0x1.fffffffffffffp+63
      0xfffffffffffff402,   0x1.fffffffffffffp+63
      0xfffffffffffffbff,   0x1.fffffffffffffp+63
      0xfffffffffffffc00,   0x1p+64
      9007199254740993,     9007199254740992
      9007199254740995,     9007199254740996
      """)
  void convertI64U(String x, String expected) {
    assertF64(expected, F64Ops.convertI64U(parseInteger(x).longValue()));
  }

  @Test
  void convertI64UOfAllOnesIsTwoToThe64() {
    assertEquals(1.8446744073709552e19, F64Ops.convertI64U(-1L));
    assertEquals(0x1p64, F64Ops.convertI64U(-1L));
  }

  @Test
  void convertI64UKeepsTheShiftedOutBit() {
    // 2^63 + 2^10 + 1 is just above the midpoint between two doubles. Halving without the
    // sticky bit would make it the midpoint itself, which rounds to even: down, to 2^63.
    long x = 0x8000_0000_0000_0401L;
    double withoutSticky = (double) (x >>> 1) * 2;
    assertNotEquals(withoutSticky, F64Ops.convertI64U(x));
    assertEquals(0x1.0000000000001p+63, F64Ops.convertI64U(x));
  }

  /**
   * Against BigInteger's correctly rounded conversion, on random values and on the integers at and
   * next to every rounding midpoint for every bit length that needs rounding.
   */
  @Test
  void unsignedConversionsAreCorrectlyRounded() {
    SplittableRandom random = new SplittableRandom(0x5eed_0305L);
    for (int i = 0; i < 200_000; i++) {
      long x = random.nextLong() >>> random.nextInt(64);
      checkConvertI64U(x);
      int y = (int) x;
      assertEquals((double) (y & 0xFFFF_FFFFL), F64Ops.convertI32U(y));
    }
    for (int length = 54; length <= 64; length++) {
      long roundBit = 1L << (length - 54);
      for (int i = 0; i < 2000; i++) {
        long top = random.nextLong() | Long.MIN_VALUE;
        // The kept bits at random, the rounding bit set and everything below it clear.
        long midpoint = ((top >>> (64 - length)) & -(roundBit << 1)) | roundBit;
        for (long delta = -2; delta <= 2; delta++) {
          checkConvertI64U(midpoint + delta);
        }
      }
    }
  }

  private static void checkConvertI64U(long x) {
    double expected = new BigInteger(Long.toUnsignedString(x)).doubleValue();
    assertEquals(
        Double.doubleToRawLongBits(expected),
        Double.doubleToRawLongBits(F64Ops.convertI64U(x)),
        () -> "f64.convert_i64_u(0x" + Long.toHexString(x) + ")");
  }

  // ---------------------------------------------------------------- helpers

  private static double randomDouble(SplittableRandom random) {
    return Double.longBitsToDouble(random.nextLong());
  }

  private static void assertQuietNan(double actual) {
    long bits = Double.doubleToRawLongBits(actual);
    assertTrue(
        Double.isNaN(actual) && (bits & QUIET_BIT) != 0,
        () -> "expected a quiet NaN but was 0x" + Long.toHexString(bits));
  }

  /** Checks {@code actual} against an expected value written as in the spec scripts. */
  private static void assertF64(String expected, double actual) {
    long bits = Double.doubleToRawLongBits(actual);
    switch (expected) {
      case "nan:canonical" ->
          assertEquals(
              0x7ff8_0000_0000_0000L,
              bits & ~SIGN_BIT,
              () -> "expected a canonical NaN but was 0x" + Long.toHexString(bits));
      case "nan:arithmetic" -> assertQuietNan(actual);
      default -> {
        long expectedBits = Double.doubleToRawLongBits(f64(expected));
        assertEquals(
            expectedBits,
            bits,
            () ->
                "expected "
                    + expected
                    + " (0x"
                    + Long.toHexString(expectedBits)
                    + ") but was "
                    + Double.toHexString(actual)
                    + " (0x"
                    + Long.toHexString(bits)
                    + ")");
      }
    }
  }
}
