package dev.flarec.runtime.descriptor;

/**
 * A WebAssembly 2.0 constant expression, which is always exactly one instruction: used for segment
 * offsets and element-segment items (global initialisers are compiled to bytecode).
 *
 * <p>{@code operand} holds the constant's raw bits (for floats, the IEEE bits), the referenced
 * function or global index, or the binary code of the null reference's type.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions">Wasm
 *     2.0 §3.3.10</a>
 */
public record ConstExpr(Op op, long operand) {
  /** The constant instructions of WebAssembly 2.0. */
  public enum Op {
    I32_CONST,
    I64_CONST,
    F32_CONST,
    F64_CONST,
    REF_NULL,
    REF_FUNC,
    GLOBAL_GET
  }
}
