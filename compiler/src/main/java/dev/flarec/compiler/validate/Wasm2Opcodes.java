package dev.flarec.compiler.validate;

import java.util.EnumSet;
import java.util.Set;
import run.endive.wasm.types.OpCode;

/**
 * The instruction set of WebAssembly 2.0. The parser also knows later proposals' instructions (tail
 * calls, typed function references, GC, exception handling); to a 2.0 engine their encodings are
 * illegal opcodes.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/instructions.html">Wasm 2.0 §5.4</a>
 */
public final class Wasm2Opcodes {
  /** Opcodes below the prefix bytes that were added after 2.0. */
  private static final Set<OpCode> LATER =
      EnumSet.of(
          OpCode.THROW,
          OpCode.THROW_REF,
          OpCode.TRY_TABLE,
          OpCode.RETURN_CALL,
          OpCode.RETURN_CALL_INDIRECT,
          OpCode.CALL_REF,
          OpCode.RETURN_CALL_REF,
          OpCode.REF_EQ,
          OpCode.REF_AS_NON_NULL,
          OpCode.BR_ON_NULL,
          OpCode.BR_ON_NON_NULL);

  private static final int SIMD_PREFIX = 0xFD;
  private static final int MISC_PREFIX = 0xFC;

  /** {@code 0xFC 0..17}: saturating truncation, bulk memory and table instructions. */
  private static final int LAST_MISC_IN_2_0 = 17;

  private Wasm2Opcodes() {}

  /** True for the instructions of WebAssembly 2.0 other than SIMD. */
  public static boolean isCore(OpCode op) {
    int code = op.opcode();
    if (code < 0xFB) {
      return !LATER.contains(op);
    }
    return code >> 8 == MISC_PREFIX && (code & 0xFF) <= LAST_MISC_IN_2_0;
  }

  /** True for the SIMD instructions (fixed-width 128-bit, part of 2.0). */
  public static boolean isSimd(OpCode op) {
    return op.opcode() >> 8 == SIMD_PREFIX;
  }
}
