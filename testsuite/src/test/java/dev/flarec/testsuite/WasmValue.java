package dev.flarec.testsuite;

/**
 * A value from a script: an argument of an invocation, or an exact expected result.
 *
 * <p>The script's own name for the value's type is kept beside the boxed value, because the box
 * alone cannot tell a null funcref from a null externref, and failure messages should name the type
 * as the script does.
 *
 * @param type the type as the script writes it: {@code i32}, {@code v128}, {@code ref.null func},
 *     {@code ref.extern}, ...
 * @param boxed Integer, Long, Float or Double for numbers, a {@code V128} for vectors; null or an
 *     {@link ExternValue} for references
 */
public record WasmValue(String type, Object boxed) {
  @Override
  public String toString() {
    return ValueCodec.describe(type, boxed);
  }
}
