package dev.flarec.runtime.numeric;

/**
 * The {@code f32} operations whose WebAssembly semantics no JVM bytecode or {@link Math} method has
 * exactly.
 *
 * <p>Wasm is precise about NaNs where Java is not: {@code abs}, {@code neg} and {@code copysign}
 * only touch the sign bit and must keep every payload bit (Java's {@code fneg} and {@link
 * Math#abs(float)} do not promise that), while the arithmetic operations must return a quiet NaN
 * ({@link Math#min(float, float)} hands back a signalling NaN operand unchanged). The rounding
 * operations go through {@code double}, which holds every {@code float} and every rounded result
 * exactly, so no double rounding can occur. The JVM also has no unsigned integer conversions.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/numerics.html#floating-point-operations">Wasm
 *     2.0 §4.3.3 floating-point operations</a>
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#conversions">Wasm 2.0
 *     §4.3.4 conversions</a>
 */
public final class F32Ops {
  private static final int SIGN_BIT = 0x8000_0000;

  private F32Ops() {}

  // NaN results go through "x + y" (or "x + x"): IEEE addition returns a NaN operand with the
  // quiet bit set and its payload kept, which is what Wasm calls an arithmetic NaN, and a
  // canonical NaN stays canonical. The NaN test costs one predictable compare. When both operands
  // are NaNs, whose payload survives differs between the interpreter and compiled code; Wasm
  // leaves that choice open, so only the quiet bit may be relied on.

  /** {@code f32.min}: -0.0 is below +0.0, and any NaN operand gives a quiet NaN. */
  public static float min(float a, float b) {
    float r = Math.min(a, b);
    return Float.isNaN(r) ? a + b : r;
  }

  /** {@code f32.max}: +0.0 is above -0.0, and any NaN operand gives a quiet NaN. */
  public static float max(float a, float b) {
    float r = Math.max(a, b);
    return Float.isNaN(r) ? a + b : r;
  }

  /** {@code f32.abs}: clears the sign bit only, so NaN payloads survive. */
  public static float abs(float x) {
    return Float.intBitsToFloat(Float.floatToRawIntBits(x) & ~SIGN_BIT);
  }

  /** {@code f32.neg}: flips the sign bit only, so NaN payloads survive. */
  public static float neg(float x) {
    return Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ SIGN_BIT);
  }

  /** {@code f32.copysign}: the bits of {@code mag} with the sign bit of {@code sign}. */
  public static float copysign(float mag, float sign) {
    return Float.intBitsToFloat(
        (Float.floatToRawIntBits(mag) & ~SIGN_BIT) | (Float.floatToRawIntBits(sign) & SIGN_BIT));
  }

  // The NaN guard in the rounding operations is there because the non-intrinsic Java versions of
  // Math.ceil/floor return a NaN argument as it is, and whether widening to double quiets a
  // signalling NaN is up to the hardware, not the JVM specification.

  /** {@code f32.ceil}. */
  public static float ceil(float x) {
    return Float.isNaN(x) ? x + x : (float) Math.ceil(x);
  }

  /** {@code f32.floor}. */
  public static float floor(float x) {
    return Float.isNaN(x) ? x + x : (float) Math.floor(x);
  }

  /** {@code f32.trunc}: toward zero, keeping the sign of a zero result. */
  public static float trunc(float x) {
    return Float.isNaN(x) ? x + x : (float) (x < 0.0f ? Math.ceil(x) : Math.floor(x));
  }

  /** {@code f32.nearest}: ties to even, keeping the sign of a zero result (-0.4 gives -0.0). */
  public static float nearest(float x) {
    return Float.isNaN(x) ? x + x : (float) Math.rint(x);
  }

  /** {@code f32.sqrt}. */
  public static float sqrt(float x) {
    // The double square root of a float is never close enough to a float rounding boundary for
    // the second rounding to matter (53 >= 2 * 24 + 2), so this is correctly rounded.
    return (float) Math.sqrt(x);
  }

  /** {@code f32.convert_i32_u}: the 32 bits of {@code x} read as unsigned, correctly rounded. */
  public static float convertI32U(int x) {
    // l2f rounds once, from the exact value; going through double would round twice.
    return (float) (x & 0xFFFF_FFFFL);
  }

  /** {@code f32.convert_i64_u}: the 64 bits of {@code x} read as unsigned, correctly rounded. */
  public static float convertI64U(long x) {
    if (x >= 0L) {
      return (float) x;
    }
    // Halve into signed range. The bit shifted out is kept as a sticky bit so that a value just
    // above a rounding midpoint is not mistaken for the midpoint itself; it sits far below the
    // float's rounding position, so the halved value rounds exactly as the full one would, and
    // doubling the result is exact.
    float half = (float) ((x >>> 1) | (x & 1L));
    return half + half;
  }
}
