package dev.flarec.runtime.numeric;

/**
 * The {@code f64} operations whose WebAssembly semantics no JVM bytecode or {@link Math} method has
 * exactly.
 *
 * <p>Wasm is precise about NaNs where Java is not: {@code abs}, {@code neg} and {@code copysign}
 * only touch the sign bit and must keep every payload bit (Java's {@code dneg} and {@link
 * Math#abs(double)} do not promise that), while the arithmetic operations must return a quiet NaN
 * ({@link Math#min(double, double)} and the non-intrinsic {@link Math#floor(double)} hand back a
 * signalling NaN operand unchanged). The JVM also has no unsigned integer conversions.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/numerics.html#floating-point-operations">Wasm
 *     2.0 §4.3.3 floating-point operations</a>
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#conversions">Wasm 2.0
 *     §4.3.4 conversions</a>
 */
public final class F64Ops {
  private static final long SIGN_BIT = 0x8000_0000_0000_0000L;

  private F64Ops() {}

  // NaN results go through "x + y" (or "x + x"): IEEE addition returns a NaN operand with the
  // quiet bit set and its payload kept, which is what Wasm calls an arithmetic NaN, and a
  // canonical NaN stays canonical. The NaN test costs one predictable compare. When both operands
  // are NaNs, whose payload survives differs between the interpreter and compiled code; Wasm
  // leaves that choice open, so only the quiet bit may be relied on.

  /** {@code f64.min}: -0.0 is below +0.0, and any NaN operand gives a quiet NaN. */
  public static double min(double a, double b) {
    double r = Math.min(a, b);
    return Double.isNaN(r) ? a + b : r;
  }

  /** {@code f64.max}: +0.0 is above -0.0, and any NaN operand gives a quiet NaN. */
  public static double max(double a, double b) {
    double r = Math.max(a, b);
    return Double.isNaN(r) ? a + b : r;
  }

  /** {@code f64.abs}: clears the sign bit only, so NaN payloads survive. */
  public static double abs(double x) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & ~SIGN_BIT);
  }

  /** {@code f64.neg}: flips the sign bit only, so NaN payloads survive. */
  public static double neg(double x) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ SIGN_BIT);
  }

  /** {@code f64.copysign}: the bits of {@code mag} with the sign bit of {@code sign}. */
  public static double copysign(double mag, double sign) {
    return Double.longBitsToDouble(
        (Double.doubleToRawLongBits(mag) & ~SIGN_BIT)
            | (Double.doubleToRawLongBits(sign) & SIGN_BIT));
  }

  // The NaN guard in the rounding operations is there because the non-intrinsic Java versions of
  // Math.ceil/floor (which the interpreter runs) return a NaN argument as it is, which would let a
  // signalling NaN through unquieted.

  /** {@code f64.ceil}. */
  public static double ceil(double x) {
    return Double.isNaN(x) ? x + x : Math.ceil(x);
  }

  /** {@code f64.floor}. */
  public static double floor(double x) {
    return Double.isNaN(x) ? x + x : Math.floor(x);
  }

  /** {@code f64.trunc}: toward zero, keeping the sign of a zero result. */
  public static double trunc(double x) {
    return Double.isNaN(x) ? x + x : x < 0.0 ? Math.ceil(x) : Math.floor(x);
  }

  /** {@code f64.nearest}: ties to even, keeping the sign of a zero result (-0.4 gives -0.0). */
  public static double nearest(double x) {
    return Double.isNaN(x) ? x + x : Math.rint(x);
  }

  /** {@code f64.sqrt}: {@link Math#sqrt} is correctly rounded and quiets NaNs on every path. */
  public static double sqrt(double x) {
    return Math.sqrt(x);
  }

  /** {@code f64.convert_i32_u}: the 32 bits of {@code x} read as unsigned; always exact. */
  public static double convertI32U(int x) {
    return (double) (x & 0xFFFF_FFFFL);
  }

  /** {@code f64.convert_i64_u}: the 64 bits of {@code x} read as unsigned, correctly rounded. */
  public static double convertI64U(long x) {
    if (x >= 0L) {
      return (double) x;
    }
    // Halve into signed range. The bit shifted out is kept as a sticky bit so that a value just
    // above a rounding midpoint is not mistaken for the midpoint itself; it sits far below the
    // double's rounding position, so the halved value rounds exactly as the full one would, and
    // doubling the result is exact.
    double half = (double) ((x >>> 1) | (x & 1L));
    return half + half;
  }
}
