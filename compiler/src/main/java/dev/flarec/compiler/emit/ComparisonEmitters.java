package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.runtime.types.ValueType;

/**
 * Comparisons ({@code eqz}, {@code eq}, {@code lt_u}, ...) of all four numeric types. Each yields a
 * {@link Condition}, which {@link EmitContext#condition} fuses into a following branch or select.
 *
 * <p>Unsigned comparisons flip the sign bit of both operands and compare signed. This avoids {@code
 * Integer.compareUnsigned}, whose folded forms JDK 17's C2 has miscompiled (JDK-8376400); see
 * docs/RATIONALE.md#why-lower-unsigned-compares-by-flipping-the-sign-bit.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Wasm 2.0 §4.3</a>
 */
final class ComparisonEmitters {
  private ComparisonEmitters() {}

  /** {@code i32.eqz}. */
  static Emitter i32Eqz() {
    return (f, ins) -> {
      f.pop();
      f.condition(new Condition(-1, IFEQ));
    };
  }

  /** {@code i64.eqz}. */
  static Emitter i64Eqz() {
    return (f, ins) -> {
      f.pop();
      f.mv().visitInsn(LCONST_0);
      f.condition(new Condition(LCMP, IFEQ));
    };
  }

  /** A comparison of two operands of type {@code t}: {@code prefix} then {@code jump}. */
  static Emitter compare(ValueType t, int prefix, int jump) {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.condition(new Condition(prefix, jump));
    };
  }

  /**
   * Unsigned i32 comparison. After flipping, the operands are swapped ({@code [b', a']}), so {@code
   * jumpOnSwapped} is the signed jump for the reversed comparison (lt_u uses IF_ICMPGT).
   */
  static Emitter i32Unsigned(int jumpOnSwapped) {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.mv().visitLdcInsn(Integer.MIN_VALUE);
      f.mv().visitInsn(IXOR);
      f.mv().visitInsn(SWAP);
      f.mv().visitLdcInsn(Integer.MIN_VALUE);
      f.mv().visitInsn(IXOR);
      f.condition(new Condition(-1, jumpOnSwapped));
    };
  }

  /** Unsigned i64 comparison; as {@link #i32Unsigned}, the operands end up swapped. */
  static Emitter i64Unsigned(int jumpOnSwapped) {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.mv().visitLdcInsn(Long.MIN_VALUE);
      f.mv().visitInsn(LXOR);
      f.mv().visitInsn(DUP2_X2);
      f.mv().visitInsn(POP2);
      f.mv().visitLdcInsn(Long.MIN_VALUE);
      f.mv().visitInsn(LXOR);
      f.condition(new Condition(LCMP, jumpOnSwapped));
    };
  }
}
