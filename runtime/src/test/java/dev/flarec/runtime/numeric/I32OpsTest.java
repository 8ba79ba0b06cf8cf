package dev.flarec.runtime.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.function.DoubleToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Most rows come from the WebAssembly 2.0 spec test scripts i32.wast and conversions.wast, written
 * in the same literal syntax (hex floats, {@code nan:0x...}, {@code inf}) so that they can be
 * checked against the scripts by eye.
 */
class I32OpsTest {

  // ---------------------------------------------------------------- division and remainder

  @ParameterizedTest(name = "i32.div_s({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      1,          1,    1
      0,          1,    0
      0,          -1,   0
      -1,         -1,   1
      0x80000000, 2,    0xc0000000
      0x80000001, 1000, 0xffdf3b65
      0x80000000, 1,    0x80000000
      0x7fffffff, -1,   0x80000001
      5,          2,    2
      -5,         2,    -2
      5,          -2,   -2
      -5,         -2,   2
      7,          3,    2
      -7,         3,    -2
      7,          -3,   -2
      -7,         -3,   2
      11,         5,    2
      17,         7,    2
      """)
  void divS(String a, String b, String expected) {
    assertEquals(i32(expected), I32Ops.divS(i32(a), i32(b)));
  }

  @ParameterizedTest(name = "i32.div_u({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      1,          1,       1
      0,          1,       0
      -1,         -1,      1
      0x80000000, -1,      0
      0x80000000, 2,       0x40000000
      0x8ff00ff0, 0x10001, 0x8fef
      0x80000001, 1000,    0x20c49b
      0xffffffff, 1,       0xffffffff
      0xffffffff, 0xfffffffe, 1
      5,          2,       2
      -5,         2,       0x7ffffffd
      5,          -2,      0
      -5,         -2,      0
      7,          3,       2
      11,         5,       2
      17,         7,       2
      """)
  void divU(String a, String b, String expected) {
    assertEquals(i32(expected), I32Ops.divU(i32(a), i32(b)));
  }

  @ParameterizedTest(name = "i32.rem_s({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      0x7fffffff, -1,   0
      1,          1,    0
      0,          1,    0
      0,          -1,   0
      -1,         -1,   0
      # the quotient overflows but the remainder is defined and 0
      0x80000000, -1,   0
      0x80000000, 2,    0
      0x80000001, 1000, -647
      5,          2,    1
      -5,         2,    -1
      5,          -2,   1
      -5,         -2,   -1
      7,          3,    1
      -7,         3,    -1
      7,          -3,   1
      -7,         -3,   -1
      11,         5,    1
      17,         7,    3
      """)
  void remS(String a, String b, String expected) {
    assertEquals(i32(expected), I32Ops.remS(i32(a), i32(b)));
  }

  @ParameterizedTest(name = "i32.rem_u({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      1,          1,       0
      0,          1,       0
      -1,         -1,      0
      0x80000000, -1,      0x80000000
      0x80000000, 2,       0
      0x8ff00ff0, 0x10001, 0x8001
      0x80000001, 1000,    649
      0xffffffff, 0xfffffffe, 1
      5,          2,       1
      -5,         2,       1
      5,          -2,      5
      -5,         -2,      -5
      7,          3,       1
      11,         5,       1
      17,         7,       3
      """)
  void remU(String a, String b, String expected) {
    assertEquals(i32(expected), I32Ops.remU(i32(a), i32(b)));
  }

  @ParameterizedTest(name = "i32.{0}({1}, {2}) traps: {3}")
  @CsvSource(
      textBlock =
          """
      div_s, 1,          0,  INTEGER_DIVIDE_BY_ZERO
      div_s, 0,          0,  INTEGER_DIVIDE_BY_ZERO
      div_s, 0x80000000, 0,  INTEGER_DIVIDE_BY_ZERO
      div_s, 0x80000000, -1, INTEGER_OVERFLOW
      div_u, 1,          0,  INTEGER_DIVIDE_BY_ZERO
      div_u, 0,          0,  INTEGER_DIVIDE_BY_ZERO
      div_u, 0xffffffff, 0,  INTEGER_DIVIDE_BY_ZERO
      rem_s, 1,          0,  INTEGER_DIVIDE_BY_ZERO
      rem_s, 0,          0,  INTEGER_DIVIDE_BY_ZERO
      rem_s, 0x80000000, 0,  INTEGER_DIVIDE_BY_ZERO
      rem_u, 1,          0,  INTEGER_DIVIDE_BY_ZERO
      rem_u, 0,          0,  INTEGER_DIVIDE_BY_ZERO
      rem_u, 0xffffffff, 0,  INTEGER_DIVIDE_BY_ZERO
      """)
  void divisionTraps(String op, String a, String b, TrapKind expected) {
    int x = i32(a);
    int y = i32(b);
    Executable call =
        switch (op) {
          case "div_s" -> () -> I32Ops.divS(x, y);
          case "div_u" -> () -> I32Ops.divU(x, y);
          case "rem_s" -> () -> I32Ops.remS(x, y);
          case "rem_u" -> () -> I32Ops.remU(x, y);
          default -> throw new IllegalArgumentException(op);
        };
    assertEquals(expected, assertThrows(WasmTrap.class, call).kind());
  }

  @Test
  void unsignedDivisionAgreesWithLongArithmeticOnRandomOperands() {
    SplittableRandom random = new SplittableRandom(0x5eed_0001L);
    for (int i = 0; i < 100_000; i++) {
      int a = random.nextInt();
      // Mix in small divisors, which produce large quotients.
      int b = (i & 1) == 0 ? random.nextInt() : random.nextInt(1, 1000);
      if (b == 0) {
        continue;
      }
      long ua = a & 0xFFFF_FFFFL;
      long ub = b & 0xFFFF_FFFFL;
      assertEquals((int) (ua / ub), I32Ops.divU(a, b), () -> "div_u " + a + ", " + b);
      assertEquals((int) (ua % ub), I32Ops.remU(a, b), () -> "rem_u " + a + ", " + b);
    }
  }

  // ---------------------------------------------------------------- trapping truncation

  @ParameterizedTest(name = "i32.trunc_f32_s({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,             0
      -0.0,            0
      0x1p-149,        0
      -0x1p-149,       0
      1.0,             1
      0x1.19999ap+0,   1
      1.5,             1
      -1.0,            -1
      -0x1.19999ap+0,  -1
      -1.5,            -1
      -1.9,            -1
      -2.0,            -2
      # the largest f32 below 2^31
      2147483520.0,    2147483520
      -2147483648.0,   -2147483648
      """)
  void truncF32S(String x, String expected) {
    assertEquals(i32(expected), I32Ops.truncF32S(f32(x)));
  }

  @ParameterizedTest(name = "i32.trunc_f32_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,             0
      -0.0,            0
      0x1p-149,        0
      -0x1p-149,       0
      1.0,             1
      0x1.19999ap+0,   1
      1.5,             1
      1.9,             1
      2.0,             2
      2147483648,      -2147483648
      # the largest f32 below 2^32
      4294967040.0,    -256
      -0x1.ccccccp-1,  0
      -0x1.fffffep-1,  0
      """)
  void truncF32U(String x, String expected) {
    assertEquals(i32(expected), I32Ops.truncF32U(f32(x)));
  }

  @ParameterizedTest(name = "i32.trunc_f64_s({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,                        0
      -0.0,                       0
      0x0.0000000000001p-1022,    0
      -0x0.0000000000001p-1022,   0
      1.0,                        1
      0x1.199999999999ap+0,       1
      1.5,                        1
      -1.0,                       -1
      -0x1.199999999999ap+0,      -1
      -1.5,                       -1
      -1.9,                       -1
      -2.0,                       -2
      2147483647.0,               2147483647
      -2147483648.0,              -2147483648
      -2147483648.9,              -2147483648
      2147483647.9,               2147483647
      """)
  void truncF64S(String x, String expected) {
    assertEquals(i32(expected), I32Ops.truncF64S(f64(x)));
  }

  @ParameterizedTest(name = "i32.trunc_f64_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,                        0
      -0.0,                       0
      0x0.0000000000001p-1022,    0
      -0x0.0000000000001p-1022,   0
      1.0,                        1
      0x1.199999999999ap+0,       1
      1.5,                        1
      1.9,                        1
      2.0,                        2
      2147483648,                 -2147483648
      4294967295.0,               -1
      -0x1.ccccccccccccdp-1,      0
      -0x1.fffffffffffffp-1,      0
      1e8,                        100000000
      -0.9,                       0
      4294967295.9,               4294967295
      """)
  void truncF64U(String x, String expected) {
    assertEquals(i32(expected), I32Ops.truncF64U(f64(x)));
  }

  @ParameterizedTest(name = "i32.{0}({1}) traps: {2}")
  @CsvSource(
      textBlock =
          """
      trunc_f32_s, 2147483648.0,          INTEGER_OVERFLOW
      # the f32 just below -2^31; -2^31 itself converts
      trunc_f32_s, -2147483904.0,         INTEGER_OVERFLOW
      trunc_f32_s, inf,                   INTEGER_OVERFLOW
      trunc_f32_s, -inf,                  INTEGER_OVERFLOW
      trunc_f32_s, 0x1.fffffep+127,       INTEGER_OVERFLOW
      trunc_f32_s, nan,                   INVALID_CONVERSION_TO_INTEGER
      trunc_f32_s, nan:0x200000,          INVALID_CONVERSION_TO_INTEGER
      trunc_f32_s, -nan,                  INVALID_CONVERSION_TO_INTEGER
      trunc_f32_s, -nan:0x200000,         INVALID_CONVERSION_TO_INTEGER
      trunc_f32_u, 4294967296.0,          INTEGER_OVERFLOW
      trunc_f32_u, -1.0,                  INTEGER_OVERFLOW
      trunc_f32_u, inf,                   INTEGER_OVERFLOW
      trunc_f32_u, -inf,                  INTEGER_OVERFLOW
      trunc_f32_u, nan,                   INVALID_CONVERSION_TO_INTEGER
      trunc_f32_u, nan:0x200000,          INVALID_CONVERSION_TO_INTEGER
      trunc_f32_u, -nan,                  INVALID_CONVERSION_TO_INTEGER
      trunc_f32_u, -nan:0x200000,         INVALID_CONVERSION_TO_INTEGER
      trunc_f64_s, 2147483648.0,          INTEGER_OVERFLOW
      trunc_f64_s, -2147483649.0,         INTEGER_OVERFLOW
      trunc_f64_s, inf,                   INTEGER_OVERFLOW
      trunc_f64_s, -inf,                  INTEGER_OVERFLOW
      trunc_f64_s, nan,                   INVALID_CONVERSION_TO_INTEGER
      trunc_f64_s, nan:0x4000000000000,   INVALID_CONVERSION_TO_INTEGER
      trunc_f64_s, -nan,                  INVALID_CONVERSION_TO_INTEGER
      trunc_f64_s, -nan:0x4000000000000,  INVALID_CONVERSION_TO_INTEGER
      trunc_f64_u, 4294967296.0,          INTEGER_OVERFLOW
      trunc_f64_u, -1.0,                  INTEGER_OVERFLOW
      trunc_f64_u, 1e16,                  INTEGER_OVERFLOW
      trunc_f64_u, 1e30,                  INTEGER_OVERFLOW
      trunc_f64_u, 9223372036854775808,   INTEGER_OVERFLOW
      trunc_f64_u, inf,                   INTEGER_OVERFLOW
      trunc_f64_u, -inf,                  INTEGER_OVERFLOW
      trunc_f64_u, nan,                   INVALID_CONVERSION_TO_INTEGER
      trunc_f64_u, nan:0x4000000000000,   INVALID_CONVERSION_TO_INTEGER
      trunc_f64_u, -nan,                  INVALID_CONVERSION_TO_INTEGER
      trunc_f64_u, -nan:0x4000000000000,  INVALID_CONVERSION_TO_INTEGER
      """)
  void truncTraps(String op, String x, TrapKind expected) {
    Executable call =
        switch (op) {
          case "trunc_f32_s" -> () -> I32Ops.truncF32S(f32(x));
          case "trunc_f32_u" -> () -> I32Ops.truncF32U(f32(x));
          case "trunc_f64_s" -> () -> I32Ops.truncF64S(f64(x));
          case "trunc_f64_u" -> () -> I32Ops.truncF64U(f64(x));
          default -> throw new IllegalArgumentException(op);
        };
    assertEquals(expected, assertThrows(WasmTrap.class, call).kind());
  }

  /**
   * Each trapping truncation against an exact BigDecimal reference, on the representable values
   * nearest to each edge of the valid range and on random bit patterns.
   */
  @ParameterizedTest(name = "i32.{0} matches the exact reference near its bounds")
  @MethodSource("truncations")
  void truncMatchesExactReference(
      String op, DoubleToIntFunction trunc, boolean f32, boolean signed) {
    BigInteger lo = signed ? BigInteger.valueOf(Integer.MIN_VALUE) : BigInteger.ZERO;
    BigInteger hi =
        signed ? BigInteger.valueOf(Integer.MAX_VALUE) : BigInteger.valueOf(0xFFFF_FFFFL);
    for (double x : probes(f32)) {
      if (Double.isNaN(x)) {
        assertTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER, () -> trunc.applyAsInt(x));
        continue;
      }
      BigInteger exact =
          Double.isInfinite(x)
              ? (x > 0 ? hi.add(BigInteger.ONE) : lo.subtract(BigInteger.ONE))
              : new BigDecimal(x).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
      if (exact.compareTo(lo) < 0 || exact.compareTo(hi) > 0) {
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> trunc.applyAsInt(x));
      } else {
        int actual;
        try {
          actual = trunc.applyAsInt(x);
        } catch (WasmTrap t) {
          fail(op + "(" + x + ") trapped with " + t.kind() + ", expected " + exact);
          return;
        }
        assertEquals(exact.intValue(), actual, () -> op + "(" + x + ")");
      }
    }
  }

  static Stream<Arguments> truncations() {
    return Stream.of(
        Arguments.of(
            "trunc_f32_s", (DoubleToIntFunction) x -> I32Ops.truncF32S((float) x), true, true),
        Arguments.of(
            "trunc_f32_u", (DoubleToIntFunction) x -> I32Ops.truncF32U((float) x), true, false),
        Arguments.of("trunc_f64_s", (DoubleToIntFunction) I32Ops::truncF64S, false, true),
        Arguments.of("trunc_f64_u", (DoubleToIntFunction) I32Ops::truncF64U, false, false));
  }

  /** The values a conversion's edges are found among: neighbours of the bounds, then noise. */
  private static double[] probes(boolean f32) {
    double[] edges = {
      0.0,
      -1.0,
      1.0,
      0x1p31,
      -0x1p31,
      0x1p32,
      -0x1p32,
      0x1p31 + 1,
      -0x1p31 - 1,
      0x1p32 - 1,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    SplittableRandom random = new SplittableRandom(0x5eed_0002L);
    double[] out = new double[edges.length * 17 + 20_000];
    int n = 0;
    for (double edge : edges) {
      double e = f32 ? (double) (float) edge : edge;
      double up = e;
      double down = e;
      out[n++] = e;
      for (int i = 0; i < 8; i++) {
        up = f32 ? Math.nextUp((float) up) : Math.nextUp(up);
        down = f32 ? Math.nextDown((float) down) : Math.nextDown(down);
        out[n++] = up;
        out[n++] = down;
      }
    }
    while (n < out.length) {
      // Random magnitudes around the i32 range, plus the odd fully random bit pattern (NaNs too).
      double x =
          (n % 10 == 0)
              ? Double.longBitsToDouble(random.nextLong())
              : (random.nextDouble() * 2 - 1) * 0x1p33;
      out[n++] = f32 ? (double) (float) x : x;
    }
    return out;
  }

  // ---------------------------------------------------------------- saturating truncation

  @ParameterizedTest(name = "i32.trunc_sat_f32_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,             0
      -0.0,            0
      0x1p-149,        0
      -0x1p-149,       0
      1.0,             1
      0x1.19999ap+0,   1
      1.5,             1
      1.9,             1
      2.0,             2
      2147483648,      -2147483648
      4294967040.0,    -256
      -0x1.ccccccp-1,  0
      -0x1.fffffep-1,  0
      4294967296.0,    0xffffffff
      0x1.fffffep+127, 0xffffffff
      -1.0,            0x00000000
      -0x1.fffffep+127, 0
      inf,             0xffffffff
      -inf,            0x00000000
      nan,             0
      nan:0x200000,    0
      -nan,            0
      -nan:0x200000,   0
      """)
  void truncSatF32U(String x, String expected) {
    assertEquals(i32(expected), I32Ops.truncSatF32U(f32(x)));
  }

  @ParameterizedTest(name = "i32.trunc_sat_f64_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,                        0
      -0.0,                       0
      0x0.0000000000001p-1022,    0
      -0x0.0000000000001p-1022,   0
      1.0,                        1
      0x1.199999999999ap+0,       1
      1.5,                        1
      1.9,                        1
      2.0,                        2
      2147483648,                 -2147483648
      4294967295.0,               -1
      4294967295.9,               -1
      -0x1.ccccccccccccdp-1,      0
      -0x1.fffffffffffffp-1,      0
      1e8,                        100000000
      4294967296.0,               0xffffffff
      -1.0,                       0x00000000
      1e16,                       0xffffffff
      1e30,                       0xffffffff
      9223372036854775808,        0xffffffff
      0x1.fffffffffffffp+1023,    0xffffffff
      -0x1.fffffffffffffp+1023,   0
      inf,                        0xffffffff
      -inf,                       0x00000000
      nan,                        0
      nan:0x4000000000000,        0
      -nan,                       0
      -nan:0x4000000000000,       0
      """)
  void truncSatF64U(String x, String expected) {
    assertEquals(i32(expected), I32Ops.truncSatF64U(f64(x)));
  }

  @Test
  void saturatingTruncationAgreesWithTrappingOneWhereThatDoesNotTrap() {
    for (double x : probes(false)) {
      int expected;
      if (Double.isNaN(x) || x <= -1.0) {
        expected = 0;
      } else if (x >= 0x1p32) {
        expected = -1;
      } else {
        expected = I32Ops.truncF64U(x);
      }
      assertEquals(expected, I32Ops.truncSatF64U(x), () -> "trunc_sat_f64_u(" + x + ")");
    }
    for (double d : probes(true)) {
      float x = (float) d;
      int expected;
      if (Float.isNaN(x) || x <= -1.0f) {
        expected = 0;
      } else if (x >= 0x1p32f) {
        expected = -1;
      } else {
        expected = I32Ops.truncF32U(x);
      }
      assertEquals(expected, I32Ops.truncSatF32U(x), () -> "trunc_sat_f32_u(" + x + ")");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void assertTrap(TrapKind expected, Executable call) {
    assertEquals(expected, assertThrows(WasmTrap.class, call).kind());
  }

  /** An i32 literal as the spec scripts write it: decimal or 0x hex, either sign, read mod 2^32. */
  static int i32(String literal) {
    return parseInteger(literal).intValue();
  }

  static BigInteger parseInteger(String literal) {
    String s = literal.strip().replace("_", "");
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    BigInteger magnitude =
        s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
    return negative ? magnitude.negate() : magnitude;
  }

  /**
   * An f32 literal as the spec scripts write it. NaNs are built from bits, with the sign set on the
   * bits too, because Java's float negation need not keep a NaN's payload.
   */
  static float f32(String literal) {
    String s = literal.strip().replace("_", "");
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    int bits;
    if (s.equals("inf")) {
      bits = 0x7f80_0000;
    } else if (s.equals("nan")) {
      bits = 0x7fc0_0000;
    } else if (s.startsWith("nan:0x")) {
      bits = 0x7f80_0000 | Integer.parseInt(s.substring(6), 16);
    } else {
      bits = Float.floatToRawIntBits(Float.parseFloat(s));
    }
    return Float.intBitsToFloat(negative ? bits | 0x8000_0000 : bits);
  }

  /** An f64 literal as the spec scripts write it; see {@link #f32}. */
  static double f64(String literal) {
    String s = literal.strip().replace("_", "");
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    long bits;
    if (s.equals("inf")) {
      bits = 0x7ff0_0000_0000_0000L;
    } else if (s.equals("nan")) {
      bits = 0x7ff8_0000_0000_0000L;
    } else if (s.startsWith("nan:0x")) {
      bits = 0x7ff0_0000_0000_0000L | Long.parseLong(s.substring(6), 16);
    } else {
      bits = Double.doubleToRawLongBits(Double.parseDouble(s));
    }
    return Double.longBitsToDouble(negative ? bits | 0x8000_0000_0000_0000L : bits);
  }
}
