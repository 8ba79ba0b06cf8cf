package dev.flarec.compiler.emit;

import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * How many operand-stack values each instruction consumes, counting the values a branch carries
 * (they must be on the JVM stack when it jumps). A split function keeps some values in its heap
 * frame; the emitter loads exactly these before each instruction.
 *
 * <p>Rows for arithmetic and conversions come from their {@link SimpleOp} in the {@link
 * EmitterTable}; the rest are listed here, grouped like the table.
 */
final class StackEffects {
  private StackEffects() {}

  static int pops(FunctionEmitter f, AnnotatedInstruction ins) {
    OpCode op = ins.opcode();
    return switch (op) {
      // control
      case UNREACHABLE, NOP -> 0;
      case BLOCK, LOOP -> f.blockTypeOf(ins.operand(0)).params().size();
      case IF -> f.blockTypeOf(ins.operand(0)).params().size() + 1;
      case ELSE, END -> f.innermostFrame().results.size();
      case BR -> carried(f, (int) ins.operand(0));
      case BR_IF -> 1 + carried(f, (int) ins.operand(0));
      case BR_TABLE -> 1 + carried(f, (int) ins.operand(ins.operandCount() - 1));
      case RETURN -> f.type.results().size();
      case CALL -> f.module.functionType((int) ins.operand(0)).params().size();
      case CALL_INDIRECT -> f.module.type((int) ins.operand(0)).params().size() + 1;
      // reference
      case REF_NULL, REF_FUNC -> 0;
      case REF_IS_NULL -> 1;
      // parametric
      case DROP -> 1;
      case SELECT, SELECT_T -> 3;
      // variable
      case LOCAL_GET, GLOBAL_GET -> 0;
      case LOCAL_SET, LOCAL_TEE, GLOBAL_SET -> 1;
      // table
      case TABLE_SIZE, ELEM_DROP -> 0;
      case TABLE_GET -> 1;
      case TABLE_SET, TABLE_GROW -> 2;
      case TABLE_FILL, TABLE_COPY, TABLE_INIT -> 3;
      // memory
      case MEMORY_SIZE, DATA_DROP -> 0;
      case MEMORY_GROW -> 1;
      case MEMORY_FILL, MEMORY_COPY, MEMORY_INIT -> 3;
      // constants
      case I32_CONST, I64_CONST, F32_CONST, F64_CONST -> 0;
      default -> rowPops(f, op);
    };
  }

  private static int rowPops(FunctionEmitter f, OpCode op) {
    if (isComparison(op)) {
      return op == OpCode.I32_EQZ || op == OpCode.I64_EQZ ? 1 : 2;
    }
    String name = op.name();
    if (name.contains("_LOAD")) {
      return 1;
    }
    if (name.contains("_STORE")) {
      return 2;
    }
    Emitter row = f.rowOf(op);
    if (row instanceof SimpleOp simple) {
      return simple.in().length;
    }
    throw f.unsupported("no stack effect known for " + op);
  }

  private static int carried(FunctionEmitter f, int depth) {
    ControlFrame target = f.frame(depth);
    return target.kind == ControlFrame.Kind.FUNCTION ? f.type.results().size() : target.branchTypes().size();
  }

  /** Comparisons yield a {@link Condition} that a following {@code br_if}/{@code if} absorbs. */
  static boolean isComparison(OpCode op) {
    return switch (op) {
      case I32_EQZ, I32_EQ, I32_NE, I32_LT_S, I32_LT_U, I32_GT_S, I32_GT_U, I32_LE_S, I32_LE_U,
          I32_GE_S, I32_GE_U, I64_EQZ, I64_EQ, I64_NE, I64_LT_S, I64_LT_U, I64_GT_S, I64_GT_U,
          I64_LE_S, I64_LE_U, I64_GE_S, I64_GE_U, F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE,
          F64_EQ, F64_NE, F64_LT, F64_GT, F64_LE, F64_GE, REF_IS_NULL -> true;
      default -> false;
    };
  }
}
