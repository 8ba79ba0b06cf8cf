package dev.flarec.runtime.types;

import dev.flarec.runtime.simd.V128;

/**
 * The WebAssembly 2.0 value types and the JVM type each maps onto.
 *
 * <p>Numbers map onto the JVM primitive of the same width, so that Wasm arithmetic is JVM
 * arithmetic. Both reference types map onto {@code java.lang.Object}: a funcref holds a {@link
 * dev.flarec.runtime.instance.FunctionRef} or {@code null}, an externref holds any host object or
 * {@code null}. A v128 is an immutable {@link V128} (see
 * docs/RATIONALE.md#why-a-v128-is-an-immutable-pair-of-longs).
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#value-types">Wasm 2.0
 *     §2.3.4</a>
 */
public enum ValueType {
  I32("I", int.class, 0x7F, "i32"),
  I64("J", long.class, 0x7E, "i64"),
  F32("F", float.class, 0x7D, "f32"),
  F64("D", double.class, 0x7C, "f64"),
  FUNCREF("Ljava/lang/Object;", Object.class, 0x70, "funcref"),
  EXTERNREF("Ljava/lang/Object;", Object.class, 0x6F, "externref"),
  /** An exception reference (3.0): a {@code WasmException} or {@code null}. */
  EXNREF("Ljava/lang/Object;", Object.class, 0x69, "exnref"),
  V128("L" + V128.class.getName().replace('.', '/') + ";", V128.class, 0x7B, "v128");

  private final String descriptor;
  private final Class<?> jvmClass;
  private final int code;
  private final String wasmName;

  ValueType(String descriptor, Class<?> jvmClass, int code, String wasmName) {
    this.descriptor = descriptor;
    this.jvmClass = jvmClass;
    this.code = code;
    this.wasmName = wasmName;
  }

  /** JVM field descriptor of the type this value type is carried in. */
  public String descriptor() {
    return descriptor;
  }

  /** The JVM class values of this type are carried in. */
  public Class<?> jvmClass() {
    return jvmClass;
  }

  /** The type's code in the binary format (§5.3.1). */
  public int code() {
    return code;
  }

  /** Number of JVM local-variable / operand-stack slots a value takes (JVMS §2.6.1). */
  public int slots() {
    return this == I64 || this == F64 ? 2 : 1;
  }

  /** True for the types carried in a JVM object: the references and v128. */
  public boolean isObject() {
    return isReference() || this == V128;
  }

  public boolean isReference() {
    return this == FUNCREF || this == EXTERNREF || this == EXNREF;
  }

  /** The type with the given binary code, for decoding descriptors. */
  public static ValueType ofCode(int code) {
    for (ValueType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown value type code 0x" + Integer.toHexString(code));
  }

  @Override
  public String toString() {
    return wasmName;
  }
}
