package dev.flarec.runtime.numeric;

import static dev.flarec.runtime.numeric.I32OpsTest.f32;
import static dev.flarec.runtime.numeric.I32OpsTest.f64;
import static dev.flarec.runtime.numeric.I32OpsTest.parseInteger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.function.DoubleToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Most rows come from the WebAssembly 2.0 spec test scripts i64.wast and conversions.wast, written
 * in the same literal syntax so that they can be checked against the scripts by eye.
 */
class I64OpsTest {

  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  // ---------------------------------------------------------------- division and remainder

  @ParameterizedTest(name = "i64.div_s({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      1,                  1,    1
      0,                  1,    0
      0,                  -1,   0
      -1,                 -1,   1
      0x8000000000000000, 2,    0xc000000000000000
      0x8000000000000001, 1000, 0xffdf3b645a1cac09
      0x8000000000000000, 1,    0x8000000000000000
      0x7fffffffffffffff, -1,   0x8000000000000001
      5,                  2,    2
      -5,                 2,    -2
      5,                  -2,   -2
      -5,                 -2,   2
      7,                  3,    2
      -7,                 3,    -2
      7,                  -3,   -2
      -7,                 -3,   2
      11,                 5,    2
      17,                 7,    2
      """)
  void divS(String a, String b, String expected) {
    assertEquals(i64(expected), I64Ops.divS(i64(a), i64(b)));
  }

  @ParameterizedTest(name = "i64.div_u({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      1,                  1,           1
      0,                  1,           0
      -1,                 -1,          1
      0x8000000000000000, -1,          0
      0x8000000000000000, 2,           0x4000000000000000
      0x8ff00ff00ff00ff0, 0x100000001, 0x8ff00fef
      0x8000000000000001, 1000,        0x20c49ba5e353f7
      0xffffffffffffffff, 1,           0xffffffffffffffff
      0xffffffffffffffff, 0xfffffffffffffffe, 1
      0xffffffffffffffff, 0x7fffffffffffffff, 2
      5,                  2,           2
      -5,                 2,           0x7ffffffffffffffd
      5,                  -2,          0
      -5,                 -2,          0
      7,                  3,           2
      11,                 5,           2
      17,                 7,           2
      """)
  void divU(String a, String b, String expected) {
    assertEquals(i64(expected), I64Ops.divU(i64(a), i64(b)));
  }

  @ParameterizedTest(name = "i64.rem_s({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      0x7fffffffffffffff, -1,   0
      1,                  1,    0
      0,                  1,    0
      0,                  -1,   0
      -1,                 -1,   0
      # the quotient overflows but the remainder is defined and 0
      0x8000000000000000, -1,   0
      0x8000000000000000, 2,    0
      0x8000000000000001, 1000, -807
      5,                  2,    1
      -5,                 2,    -1
      5,                  -2,   1
      -5,                 -2,   -1
      7,                  3,    1
      -7,                 3,    -1
      7,                  -3,   1
      -7,                 -3,   -1
      11,                 5,    1
      17,                 7,    3
      """)
  void remS(String a, String b, String expected) {
    assertEquals(i64(expected), I64Ops.remS(i64(a), i64(b)));
  }

  @ParameterizedTest(name = "i64.rem_u({0}, {1}) = {2}")
  @CsvSource(
      textBlock =
          """
      1,                  1,           0
      0,                  1,           0
      -1,                 -1,          0
      0x8000000000000000, -1,          0x8000000000000000
      0x8000000000000000, 2,           0
      0x8ff00ff00ff00ff0, 0x100000001, 0x80000001
      0x8000000000000001, 1000,        809
      0xffffffffffffffff, 0xfffffffffffffffe, 1
      0xffffffffffffffff, 0x7fffffffffffffff, 1
      5,                  2,           1
      -5,                 2,           1
      5,                  -2,          5
      -5,                 -2,          -5
      7,                  3,           1
      11,                 5,           1
      17,                 7,           3
      """)
  void remU(String a, String b, String expected) {
    assertEquals(i64(expected), I64Ops.remU(i64(a), i64(b)));
  }

  @ParameterizedTest(name = "i64.{0}({1}, {2}) traps: {3}")
  @CsvSource(
      textBlock =
          """
      div_s, 1,                  0,  INTEGER_DIVIDE_BY_ZERO
      div_s, 0,                  0,  INTEGER_DIVIDE_BY_ZERO
      div_s, 0x8000000000000000, 0,  INTEGER_DIVIDE_BY_ZERO
      div_s, 0x8000000000000000, -1, INTEGER_OVERFLOW
      div_u, 1,                  0,  INTEGER_DIVIDE_BY_ZERO
      div_u, 0,                  0,  INTEGER_DIVIDE_BY_ZERO
      div_u, 0xffffffffffffffff, 0,  INTEGER_DIVIDE_BY_ZERO
      rem_s, 1,                  0,  INTEGER_DIVIDE_BY_ZERO
      rem_s, 0,                  0,  INTEGER_DIVIDE_BY_ZERO
      rem_s, 0x8000000000000000, 0,  INTEGER_DIVIDE_BY_ZERO
      rem_u, 1,                  0,  INTEGER_DIVIDE_BY_ZERO
      rem_u, 0,                  0,  INTEGER_DIVIDE_BY_ZERO
      rem_u, 0xffffffffffffffff, 0,  INTEGER_DIVIDE_BY_ZERO
      """)
  void divisionTraps(String op, String a, String b, TrapKind expected) {
    long x = i64(a);
    long y = i64(b);
    Executable call =
        switch (op) {
          case "div_s" -> () -> I64Ops.divS(x, y);
          case "div_u" -> () -> I64Ops.divU(x, y);
          case "rem_s" -> () -> I64Ops.remS(x, y);
          case "rem_u" -> () -> I64Ops.remU(x, y);
          default -> throw new IllegalArgumentException(op);
        };
    assertEquals(expected, assertThrows(WasmTrap.class, call).kind());
  }

  @Test
  void unsignedDivisionAgreesWithBigIntegerOnRandomOperands() {
    SplittableRandom random = new SplittableRandom(0x5eed_0101L);
    for (int i = 0; i < 100_000; i++) {
      long a = random.nextLong();
      // Divisors of every size, from tiny to above 2^63, since the algorithms differ by size.
      long b =
          switch (i % 4) {
            case 0 -> random.nextLong();
            case 1 -> random.nextLong(1, 1000);
            case 2 -> random.nextLong() >>> random.nextInt(64);
            default -> random.nextLong() | Long.MIN_VALUE;
          };
      if (b == 0L) {
        continue;
      }
      BigInteger ua = unsigned(a);
      BigInteger ub = unsigned(b);
      assertEquals(ua.divide(ub).longValue(), I64Ops.divU(a, b), () -> "div_u " + a + ", " + b);
      assertEquals(ua.mod(ub).longValue(), I64Ops.remU(a, b), () -> "rem_u " + a + ", " + b);
    }
  }

  // ---------------------------------------------------------------- trapping truncation

  @ParameterizedTest(name = "i64.trunc_f32_s({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,                          0
      -0.0,                         0
      0x1p-149,                     0
      -0x1p-149,                    0
      1.0,                          1
      0x1.19999ap+0,                1
      1.5,                          1
      -1.0,                         -1
      -0x1.19999ap+0,               -1
      -1.5,                         -1
      -1.9,                         -1
      -2.0,                         -2
      4294967296,                   4294967296
      -4294967296,                  -4294967296
      # the largest f32 below 2^63
      9223371487098961920.0,        9223371487098961920
      -9223372036854775808.0,       -9223372036854775808
      """)
  void truncF32S(String x, String expected) {
    assertEquals(i64(expected), I64Ops.truncF32S(f32(x)));
  }

  @ParameterizedTest(name = "i64.trunc_f32_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,                          0
      -0.0,                         0
      0x1p-149,                     0
      -0x1p-149,                    0
      1.0,                          1
      0x1.19999ap+0,                1
      1.5,                          1
      4294967296,                   4294967296
      9223372036854775808,          0x8000000000000000
      # the largest f32 below 2^64
      18446742974197923840.0,       -1099511627776
      -0x1.ccccccp-1,               0
      -0x1.fffffep-1,               0
      """)
  void truncF32U(String x, String expected) {
    assertEquals(i64(expected), I64Ops.truncF32U(f32(x)));
  }

  @ParameterizedTest(name = "i64.trunc_f64_s({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,                          0
      -0.0,                         0
      0x0.0000000000001p-1022,      0
      -0x0.0000000000001p-1022,     0
      1.0,                          1
      0x1.199999999999ap+0,         1
      1.5,                          1
      -1.0,                         -1
      -0x1.199999999999ap+0,        -1
      -1.5,                         -1
      -1.9,                         -1
      -2.0,                         -2
      4294967296,                   4294967296
      -4294967296,                  -4294967296
      # the largest f64 below 2^63
      9223372036854774784.0,        9223372036854774784
      -9223372036854775808.0,       -9223372036854775808
      """)
  void truncF64S(String x, String expected) {
    assertEquals(i64(expected), I64Ops.truncF64S(f64(x)));
  }

  @ParameterizedTest(name = "i64.trunc_f64_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,                          0
      -0.0,                         0
      0x0.0000000000001p-1022,      0
      -0x0.0000000000001p-1022,     0
      1.0,                          1
      0x1.199999999999ap+0,         1
      1.5,                          1
      -0.9,                         0
      4294967295,                   0xffffffff
      4294967296,                   0x100000000
      # the largest f64 below 2^64
      18446744073709549568.0,       -2048
      1.8446744073709550e19,        0xfffffffffffff800
      -0x1.ccccccccccccdp-1,        0
      -0x1.fffffffffffffp-1,        0
      1e8,                          100000000
      1e16,                         10000000000000000
      9223372036854775808,          -9223372036854775808
      """)
  void truncF64U(String x, String expected) {
    assertEquals(i64(expected), I64Ops.truncF64U(f64(x)));
  }

  @ParameterizedTest(name = "i64.{0}({1}) traps: {2}")
  @CsvSource(
      textBlock =
          """
      trunc_f32_s, 9223372036854775808.0,     INTEGER_OVERFLOW
      # the f32 just below -2^63; -2^63 itself converts
      trunc_f32_s, -9223373136366403584.0,    INTEGER_OVERFLOW
      trunc_f32_s, inf,                       INTEGER_OVERFLOW
      trunc_f32_s, -inf,                      INTEGER_OVERFLOW
      trunc_f32_s, nan,                       INVALID_CONVERSION_TO_INTEGER
      trunc_f32_s, nan:0x200000,              INVALID_CONVERSION_TO_INTEGER
      trunc_f32_s, -nan,                      INVALID_CONVERSION_TO_INTEGER
      trunc_f32_s, -nan:0x200000,             INVALID_CONVERSION_TO_INTEGER
      trunc_f32_u, 18446744073709551616.0,    INTEGER_OVERFLOW
      trunc_f32_u, -1.0,                      INTEGER_OVERFLOW
      trunc_f32_u, 0x1.fffffep+127,           INTEGER_OVERFLOW
      trunc_f32_u, inf,                       INTEGER_OVERFLOW
      trunc_f32_u, -inf,                      INTEGER_OVERFLOW
      trunc_f32_u, nan,                       INVALID_CONVERSION_TO_INTEGER
      trunc_f32_u, nan:0x200000,              INVALID_CONVERSION_TO_INTEGER
      trunc_f32_u, -nan,                      INVALID_CONVERSION_TO_INTEGER
      trunc_f32_u, -nan:0x200000,             INVALID_CONVERSION_TO_INTEGER
      trunc_f64_s, 9223372036854775808.0,     INTEGER_OVERFLOW
      # the f64 just below -2^63
      trunc_f64_s, -9223372036854777856.0,    INTEGER_OVERFLOW
      trunc_f64_s, inf,                       INTEGER_OVERFLOW
      trunc_f64_s, -inf,                      INTEGER_OVERFLOW
      trunc_f64_s, nan,                       INVALID_CONVERSION_TO_INTEGER
      trunc_f64_s, nan:0x4000000000000,       INVALID_CONVERSION_TO_INTEGER
      trunc_f64_s, -nan,                      INVALID_CONVERSION_TO_INTEGER
      trunc_f64_s, -nan:0x4000000000000,      INVALID_CONVERSION_TO_INTEGER
      trunc_f64_u, 18446744073709551616.0,    INTEGER_OVERFLOW
      trunc_f64_u, 1.8446744073709552e19,     INTEGER_OVERFLOW
      trunc_f64_u, -1.0,                      INTEGER_OVERFLOW
      trunc_f64_u, 1e30,                      INTEGER_OVERFLOW
      trunc_f64_u, inf,                       INTEGER_OVERFLOW
      trunc_f64_u, -inf,                      INTEGER_OVERFLOW
      trunc_f64_u, nan,                       INVALID_CONVERSION_TO_INTEGER
      trunc_f64_u, nan:0x4000000000000,       INVALID_CONVERSION_TO_INTEGER
      trunc_f64_u, -nan,                      INVALID_CONVERSION_TO_INTEGER
      trunc_f64_u, -nan:0x4000000000000,      INVALID_CONVERSION_TO_INTEGER
      """)
  void truncTraps(String op, String x, TrapKind expected) {
    Executable call =
        switch (op) {
          case "trunc_f32_s" -> () -> I64Ops.truncF32S(f32(x));
          case "trunc_f32_u" -> () -> I64Ops.truncF32U(f32(x));
          case "trunc_f64_s" -> () -> I64Ops.truncF64S(f64(x));
          case "trunc_f64_u" -> () -> I64Ops.truncF64U(f64(x));
          default -> throw new IllegalArgumentException(op);
        };
    assertEquals(expected, assertThrows(WasmTrap.class, call).kind());
  }

  /**
   * Each trapping truncation against an exact BigDecimal reference, on the representable values
   * nearest to each edge of the valid range and on random bit patterns.
   */
  @ParameterizedTest(name = "i64.{0} matches the exact reference near its bounds")
  @MethodSource("truncations")
  void truncMatchesExactReference(
      String op, DoubleToLongFunction trunc, boolean f32, boolean signed) {
    BigInteger lo = signed ? BigInteger.valueOf(Long.MIN_VALUE) : BigInteger.ZERO;
    BigInteger hi =
        signed ? BigInteger.valueOf(Long.MAX_VALUE) : TWO_TO_64.subtract(BigInteger.ONE);
    for (double x : probes(f32)) {
      if (Double.isNaN(x)) {
        assertTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER, () -> trunc.applyAsLong(x));
        continue;
      }
      BigInteger exact =
          Double.isInfinite(x)
              ? (x > 0 ? hi.add(BigInteger.ONE) : lo.subtract(BigInteger.ONE))
              : new BigDecimal(x).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
      if (exact.compareTo(lo) < 0 || exact.compareTo(hi) > 0) {
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> trunc.applyAsLong(x));
      } else {
        long actual;
        try {
          actual = trunc.applyAsLong(x);
        } catch (WasmTrap t) {
          fail(op + "(" + x + ") trapped with " + t.kind() + ", expected " + exact);
          return;
        }
        assertEquals(exact.longValue(), actual, () -> op + "(" + x + ")");
      }
    }
  }

  static Stream<Arguments> truncations() {
    return Stream.of(
        Arguments.of(
            "trunc_f32_s", (DoubleToLongFunction) x -> I64Ops.truncF32S((float) x), true, true),
        Arguments.of(
            "trunc_f32_u", (DoubleToLongFunction) x -> I64Ops.truncF32U((float) x), true, false),
        Arguments.of("trunc_f64_s", (DoubleToLongFunction) I64Ops::truncF64S, false, true),
        Arguments.of("trunc_f64_u", (DoubleToLongFunction) I64Ops::truncF64U, false, false));
  }

  /** The values a conversion's edges are found among: neighbours of the bounds, then noise. */
  private static double[] probes(boolean f32) {
    double[] edges = {
      0.0,
      -1.0,
      1.0,
      0x1p32,
      0x1p63,
      -0x1p63,
      0x1p64,
      -0x1p64,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    SplittableRandom random = new SplittableRandom(0x5eed_0102L);
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
      // Random magnitudes around the i64 range, plus the odd fully random bit pattern (NaNs too).
      double x =
          (n % 10 == 0)
              ? Double.longBitsToDouble(random.nextLong())
              : (random.nextDouble() * 2 - 1) * 0x1p65;
      out[n++] = f32 ? (double) (float) x : x;
    }
    return out;
  }

  // ---------------------------------------------------------------- saturating truncation

  @ParameterizedTest(name = "i64.trunc_sat_f32_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,                          0
      -0.0,                         0
      0x1p-149,                     0
      -0x1p-149,                    0
      1.0,                          1
      0x1.19999ap+0,                1
      1.5,                          1
      4294967296,                   4294967296
      9223372036854775808,          0x8000000000000000
      18446742974197923840.0,       -1099511627776
      -0x1.ccccccp-1,               0
      -0x1.fffffep-1,               0
      18446744073709551616.0,       0xffffffffffffffff
      0x1.fffffep+127,              0xffffffffffffffff
      -1.0,                         0x0000000000000000
      -0x1.fffffep+127,             0
      inf,                          0xffffffffffffffff
      -inf,                         0x0000000000000000
      nan,                          0
      nan:0x200000,                 0
      -nan,                         0
      -nan:0x200000,                0
      """)
  void truncSatF32U(String x, String expected) {
    assertEquals(i64(expected), I64Ops.truncSatF32U(f32(x)));
  }

  @ParameterizedTest(name = "i64.trunc_sat_f64_u({0}) = {1}")
  @CsvSource(
      textBlock =
          """
      0.0,                          0
      -0.0,                         0
      0x0.0000000000001p-1022,      0
      -0x0.0000000000001p-1022,     0
      1.0,                          1
      0x1.199999999999ap+0,         1
      1.5,                          1
      4294967295,                   0xffffffff
      4294967296,                   0x100000000
      18446744073709549568.0,       -2048
      -0x1.ccccccccccccdp-1,        0
      -0x1.fffffffffffffp-1,        0
      1e8,                          100000000
      1e16,                         10000000000000000
      9223372036854775808,          -9223372036854775808
      18446744073709551616.0,       0xffffffffffffffff
      0x1.fffffffffffffp+1023,      0xffffffffffffffff
      -1.0,                         0x0000000000000000
      -0x1.fffffffffffffp+1023,     0
      inf,                          0xffffffffffffffff
      -inf,                         0x0000000000000000
      nan,                          0
      nan:0x4000000000000,          0
      -nan,                         0
      -nan:0x4000000000000,         0
      """)
  void truncSatF64U(String x, String expected) {
    assertEquals(i64(expected), I64Ops.truncSatF64U(f64(x)));
  }

  @Test
  void saturatingTruncationAgreesWithTrappingOneWhereThatDoesNotTrap() {
    for (double x : probes(false)) {
      long expected;
      if (Double.isNaN(x) || x <= -1.0) {
        expected = 0L;
      } else if (x >= 0x1p64) {
        expected = -1L;
      } else {
        expected = I64Ops.truncF64U(x);
      }
      assertEquals(expected, I64Ops.truncSatF64U(x), () -> "trunc_sat_f64_u(" + x + ")");
    }
    for (double d : probes(true)) {
      float x = (float) d;
      long expected;
      if (Float.isNaN(x) || x <= -1.0f) {
        expected = 0L;
      } else if (x >= 0x1p64f) {
        expected = -1L;
      } else {
        expected = I64Ops.truncF32U(x);
      }
      assertEquals(expected, I64Ops.truncSatF32U(x), () -> "trunc_sat_f32_u(" + x + ")");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void assertTrap(TrapKind expected, Executable call) {
    assertEquals(expected, assertThrows(WasmTrap.class, call).kind());
  }

  /** An i64 literal as the spec scripts write it: decimal or 0x hex, either sign, read mod 2^64. */
  private static long i64(String literal) {
    return parseInteger(literal).longValue();
  }

  private static BigInteger unsigned(long x) {
    BigInteger b = BigInteger.valueOf(x);
    return x < 0 ? b.add(TWO_TO_64) : b;
  }
}
