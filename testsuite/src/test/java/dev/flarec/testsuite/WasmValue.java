package dev.flarec.testsuite;

import dev.flarec.runtime.types.ValueType;

/**
 * A typed value from a script: an argument of an invocation, or an exact expected result.
 *
 * <p>The type is kept beside the boxed value because the box alone cannot tell a null funcref from
 * a null externref, and failure messages should name the type as the script does.
 *
 * @param type the value's Wasm type
 * @param boxed Integer, Long, Float or Double for numbers; null, an {@link ExternValue} or a
 *     funcref for references
 */
public record WasmValue(ValueType type, Object boxed) {
  @Override
  public String toString() {
    return ValueCodec.describe(type, boxed);
  }
}
