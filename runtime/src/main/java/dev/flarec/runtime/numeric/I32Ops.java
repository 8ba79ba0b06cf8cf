package dev.flarec.runtime.numeric;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;

/**
 * The {@code i32} operations whose WebAssembly semantics no JVM bytecode has.
 *
 * <p>{@code idiv} throws {@link ArithmeticException} on a zero divisor and wraps {@code MIN_VALUE /
 * -1}, where Wasm traps on both; {@code f2i}/{@code d2i} saturate and turn NaN into 0, where Wasm's
 * {@code trunc} traps; and the JVM has no unsigned conversions at all. The signed saturating
 * truncations need no helper: they are exactly {@code f2i}/{@code d2i}.
 *
 * <p>Unsigned results are returned as the raw 32 bits in an {@code int}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#integer-operations">Wasm
 *     2.0 §4.3.2 integer operations</a>
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#conversions">Wasm 2.0
 *     §4.3.4 conversions</a>
 */
public final class I32Ops {
  private I32Ops() {}

  /** {@code i32.div_s}. */
  public static int divS(int a, int b) {
    if (b == 0) {
      throw WasmTrap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    // The only quotient that does not fit: 2^31. The JVM would silently wrap it to MIN_VALUE.
    if (a == Integer.MIN_VALUE && b == -1) {
      throw WasmTrap.of(TrapKind.INTEGER_OVERFLOW);
    }
    return a / b;
  }

  /** {@code i32.div_u}. */
  public static int divU(int a, int b) {
    if (b == 0) {
      throw WasmTrap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Integer.divideUnsigned(a, b);
  }

  /** {@code i32.rem_s}. {@code MIN_VALUE % -1} is 0 in both Java and Wasm, so no overflow check. */
  public static int remS(int a, int b) {
    if (b == 0) {
      throw WasmTrap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return a % b;
  }

  /** {@code i32.rem_u}. */
  public static int remU(int a, int b) {
    if (b == 0) {
      throw WasmTrap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }
    return Integer.remainderUnsigned(a, b);
  }

  // The trapping truncations test the range with comparisons that are false for NaN, so the
  // in-range path is one pair of compares; only on the way out do they tell NaN from overflow.
  // The bounds are the open interval (lowest - 1, highest + 1) of the target type, written as the
  // nearest values the source type can hold exactly: for f32 the next float below -2^31 is
  // already -2^31 - 256, so ">= -2^31" is the exact lower bound; f64 can hold -2^31 - 1.

  /** {@code i32.trunc_f32_s}. */
  public static int truncF32S(float x) {
    if (x >= -0x1p31f && x < 0x1p31f) {
      return (int) x;
    }
    throw WasmTrap.of(
        Float.isNaN(x) ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
  }

  /** {@code i32.trunc_f32_u}. Values in (-1, 0) truncate to 0 and are valid. */
  public static int truncF32U(float x) {
    if (x > -1.0f && x < 0x1p32f) {
      // Through long: every value in range fits in a long exactly, and its low 32 bits are the
      // unsigned result.
      return (int) (long) x;
    }
    throw WasmTrap.of(
        Float.isNaN(x) ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
  }

  /** {@code i32.trunc_f64_s}. */
  public static int truncF64S(double x) {
    if (x > -0x1p31 - 1.0 && x < 0x1p31) {
      return (int) x;
    }
    throw WasmTrap.of(
        Double.isNaN(x) ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
  }

  /** {@code i32.trunc_f64_u}. Values in (-1, 0) truncate to 0 and are valid. */
  public static int truncF64U(double x) {
    if (x > -1.0 && x < 0x1p32) {
      return (int) (long) x;
    }
    throw WasmTrap.of(
        Double.isNaN(x) ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW);
  }

  /** {@code i32.trunc_sat_f32_u}: NaN and negatives give 0, values from 2^32 up give 0xFFFFFFFF. */
  public static int truncSatF32U(float x) {
    // f2l already maps NaN to 0 and is exact over the whole unsigned range, so clamping the long
    // is all that is left to do.
    return (int) Math.min(Math.max((long) x, 0L), 0xFFFF_FFFFL);
  }

  /** {@code i32.trunc_sat_f64_u}: NaN and negatives give 0, values from 2^32 up give 0xFFFFFFFF. */
  public static int truncSatF64U(double x) {
    return (int) Math.min(Math.max((long) x, 0L), 0xFFFF_FFFFL);
  }
}
