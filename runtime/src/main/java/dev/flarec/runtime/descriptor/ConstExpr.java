package dev.flarec.runtime.descriptor;

import java.util.List;

/**
 * A constant expression: used for segment offsets, element-segment items and table initialisers
 * (global initialisers are compiled to bytecode). WebAssembly 3.0's extended constant expressions
 * add {@code i32/i64.add, sub, mul} to the constant instructions, so an expression is a tree: a
 * leaf is one constant instruction, an arithmetic node has its two operands, left first.
 *
 * <p>{@code operand} holds a leaf's raw bits (for floats, the IEEE bits), the referenced function
 * or global index, or the binary code of the null reference's type; nodes leave it 0.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions">Wasm
 *     3.0 §3.3.10</a>
 */
public record ConstExpr(Op op, long operand, List<ConstExpr> operands) {
  /** The constant instructions; the arithmetic ones came with WebAssembly 3.0. */
  public enum Op {
    I32_CONST,
    I64_CONST,
    F32_CONST,
    F64_CONST,
    REF_NULL,
    REF_FUNC,
    GLOBAL_GET,
    I32_ADD,
    I32_SUB,
    I32_MUL,
    I64_ADD,
    I64_SUB,
    I64_MUL;

    /** True for the arithmetic operators, which take two operands. */
    public boolean isArithmetic() {
      return ordinal() >= I32_ADD.ordinal();
    }
  }

  public ConstExpr {
    operands = List.copyOf(operands);
    if (operands.size() != (op.isArithmetic() ? 2 : 0)) {
      throw new IllegalArgumentException(op + " with " + operands.size() + " operands");
    }
  }

  /** A leaf: one constant instruction. */
  public ConstExpr(Op op, long operand) {
    this(op, operand, List.of());
  }

  /** An arithmetic node {@code left op right}. */
  public static ConstExpr arithmetic(Op op, ConstExpr left, ConstExpr right) {
    return new ConstExpr(op, 0, List.of(left, right));
  }
}
