package dev.flarec.runtime.numeric;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;

/**
 * The {@code i64} operations whose WebAssembly semantics no JVM bytecode has.
 *
 * <p>{@code ldiv} throws {@link ArithmeticException} on a zero divisor and wraps {@code MIN_VALUE /
 * -1}, where Wasm traps on both; {@code f2l}/{@code d2l} saturate and turn NaN into 0, where Wasm's
 * {@code trunc} traps; and the JVM has no unsigned conversions at all. The signed saturating
 * truncations need no helper: they are exactly {@code f2l}/{@code d2l}.
 *
 * <p>Unsigned results are returned as the raw 64 bits in a {@code long}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#integer-operations">Wasm
 *     2.0 §4.3.2 integer operations</a>
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#conversions">Wasm 2.0
 *     §4.3.4 conversions</a>
 */
public final class I64Ops {
  private I64Ops() {}

  /** {@code i64.div_s}. */
  public static long divS(long a, long b) {
    if (b == 0L) {
      throw WasmTrap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    // The only quotient that does not fit: 2^63. The JVM would silently wrap it to MIN_VALUE.
    if (a == Long.MIN_VALUE && b == -1L) {
      throw WasmTrap.of(TrapKind.INTEGER_OVERFLOW);
    }
    return a / b;
  }

  /** {@code i64.div_u}. */
  public static long divU(long a, long b) {
    if (b == 0L) {
      throw WasmTrap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    // Branch-free in JDK 17 (Hacker's Delight 9.3); no BigInteger, no compareUnsigned.
    return Long.divideUnsigned(a, b);
  }

  /** {@code i64.rem_s}. {@code MIN_VALUE % -1} is 0 in both Java and Wasm, so no overflow check. */
  public static long remS(long a, long b) {
    if (b == 0L) {
      throw WasmTrap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return a % b;
  }

  /** {@code i64.rem_u}. */
  public static long remU(long a, long b) {
    if (b == 0L) {
      throw WasmTrap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Long.remainderUnsigned(a, b);
  }

  // As in I32Ops, the range tests are false for NaN so the in-range path is a pair of compares.
  // Neither f32 nor f64 can hold 2^63 - 1 or -2^63 - 1, so the bounds are the powers of two
  // themselves: the next value below -2^63 is already out of range.
  //
  // For the unsigned ones, values from 2^63 up do not fit f2l/d2l; subtracting 2^63 first is
  // exact (the result keeps the operand's ulp and is below 2^63), and OR-ing the top bit back in
  // puts the 2^63 back.

  /** {@code i64.trunc_f32_s}. */
  public static long truncF32S(float x) {
    if (x >= -0x1p63f && x < 0x1p63f) {
      return (long) x;
    }
    throw WasmTrap.of(
        Float.isNaN(x) ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
  }

  /** {@code i64.trunc_f32_u}. Values in (-1, 0) truncate to 0 and are valid. */
  public static long truncF32U(float x) {
    if (x > -1.0f && x < 0x1p64f) {
      return x < 0x1p63f ? (long) x : (long) (x - 0x1p63f) | Long.MIN_VALUE;
    }
    throw WasmTrap.of(
        Float.isNaN(x) ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
  }

  /** {@code i64.trunc_f64_s}. */
  public static long truncF64S(double x) {
    if (x >= -0x1p63 && x < 0x1p63) {
      return (long) x;
    }
    throw WasmTrap.of(
        Double.isNaN(x) ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
  }

  /** {@code i64.trunc_f64_u}. Values in (-1, 0) truncate to 0 and are valid. */
  public static long truncF64U(double x) {
    if (x > -1.0 && x < 0x1p64) {
      return x < 0x1p63 ? (long) x : (long) (x - 0x1p63) | Long.MIN_VALUE;
    }
    throw WasmTrap.of(
        Double.isNaN(x) ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
  }

  /** {@code i64.trunc_sat_f32_u}: NaN and negatives give 0, values from 2^64 up give all ones. */
  public static long truncSatF32U(float x) {
    // Above 2^63, f2l's own saturation at MAX_VALUE becomes all ones once the top bit is OR-ed
    // in, which is exactly the unsigned saturation. Below, NaN goes through f2l to 0.
    return x >= 0x1p63f ? (long) (x - 0x1p63f) | Long.MIN_VALUE : Math.max((long) x, 0L);
  }

  /** {@code i64.trunc_sat_f64_u}: NaN and negatives give 0, values from 2^64 up give all ones. */
  public static long truncSatF64U(double x) {
    return x >= 0x1p63 ? (long) (x - 0x1p63) | Long.MIN_VALUE : Math.max((long) x, 0L);
  }
}
