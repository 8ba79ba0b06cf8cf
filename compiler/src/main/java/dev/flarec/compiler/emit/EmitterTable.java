package dev.flarec.compiler.emit;

import static dev.flarec.runtime.types.ValueType.F32;
import static dev.flarec.runtime.types.ValueType.F64;
import static dev.flarec.runtime.types.ValueType.I32;
import static dev.flarec.runtime.types.ValueType.I64;
import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.emit.MemoryEmitters.Width;
import dev.flarec.runtime.types.ValueType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import run.endive.wasm.types.OpCode;

/**
 * The index of code generation: one row per WebAssembly 2.0 instruction (SIMD excepted), each
 * naming the emitter of its family. An opcode without a row is beyond the feature set flarec
 * compiles; {@code EmitterTableTest} checks every 2.0 opcode has one.
 *
 * <p>Numeric rows are data: operand types, result type, and the JVM instructions or runtime
 * helper ({@code dev.flarec.runtime.numeric}) that implement them.
 */
final class EmitterTable {
  private static final String I32_OPS = RuntimeNames.NUMERIC + "I32Ops";
  private static final String I64_OPS = RuntimeNames.NUMERIC + "I64Ops";
  private static final String F32_OPS = RuntimeNames.NUMERIC + "F32Ops";
  private static final String F64_OPS = RuntimeNames.NUMERIC + "F64Ops";
  private static final String INTEGER = "java/lang/Integer";
  private static final String LONG = "java/lang/Long";
  private static final String FLOAT = "java/lang/Float";
  private static final String DOUBLE = "java/lang/Double";

  private static final ValueType[] V_I = {I32};
  private static final ValueType[] V_II = {I32, I32};
  private static final ValueType[] V_L = {I64};
  private static final ValueType[] V_LL = {I64, I64};
  private static final ValueType[] V_F = {F32};
  private static final ValueType[] V_FF = {F32, F32};
  private static final ValueType[] V_D = {F64};
  private static final ValueType[] V_DD = {F64, F64};

  private final Map<OpCode, Emitter> rows;

  EmitterTable() {
    EnumMap<OpCode, Emitter> t = new EnumMap<>(OpCode.class);

    // ---- control (§4.4.8) ----
    t.put(OpCode.UNREACHABLE, ControlEmitters.unreachable());
    t.put(OpCode.NOP, ControlEmitters.nop());
    t.put(OpCode.BLOCK, ControlEmitters.block());
    t.put(OpCode.LOOP, ControlEmitters.loop());
    t.put(OpCode.IF, ControlEmitters.ifThen());
    t.put(OpCode.ELSE, ControlEmitters.elseArm());
    t.put(OpCode.END, ControlEmitters.end());
    t.put(OpCode.BR, ControlEmitters.br());
    t.put(OpCode.BR_IF, ControlEmitters.brIf());
    t.put(OpCode.BR_TABLE, ControlEmitters.brTable());
    t.put(OpCode.RETURN, ControlEmitters.ret());
    t.put(OpCode.CALL, CallEmitters.call());
    t.put(OpCode.CALL_INDIRECT, CallEmitters.callIndirect());

    // ---- reference (§4.4.2) ----
    t.put(OpCode.REF_NULL, ReferenceEmitters.refNull());
    t.put(OpCode.REF_IS_NULL, ReferenceEmitters.refIsNull());
    t.put(OpCode.REF_FUNC, ReferenceEmitters.refFunc());

    // ---- parametric (§4.4.3) ----
    t.put(OpCode.DROP, ParametricEmitters.drop());
    t.put(OpCode.SELECT, ParametricEmitters.select());
    t.put(OpCode.SELECT_T, ParametricEmitters.select());

    // ---- variable (§4.4.4) ----
    t.put(OpCode.LOCAL_GET, VariableEmitters.localGet());
    t.put(OpCode.LOCAL_SET, VariableEmitters.localSet());
    t.put(OpCode.LOCAL_TEE, VariableEmitters.localTee());
    t.put(OpCode.GLOBAL_GET, VariableEmitters.globalGet());
    t.put(OpCode.GLOBAL_SET, VariableEmitters.globalSet());

    // ---- table (§4.4.6) ----
    t.put(OpCode.TABLE_GET, TableEmitters.get());
    t.put(OpCode.TABLE_SET, TableEmitters.set());
    t.put(OpCode.TABLE_SIZE, TableEmitters.size());
    t.put(OpCode.TABLE_GROW, TableEmitters.grow());
    t.put(OpCode.TABLE_FILL, TableEmitters.fill());
    t.put(OpCode.TABLE_COPY, TableEmitters.copy());
    t.put(OpCode.TABLE_INIT, TableEmitters.init());
    t.put(OpCode.ELEM_DROP, TableEmitters.elemDrop());

    // ---- memory (§4.4.7) ----
    t.put(OpCode.I32_LOAD, MemoryEmitters.load(Width.INT, I32));
    t.put(OpCode.I64_LOAD, MemoryEmitters.load(Width.LONG, I64));
    t.put(OpCode.F32_LOAD, MemoryEmitters.load(Width.FLOAT, F32));
    t.put(OpCode.F64_LOAD, MemoryEmitters.load(Width.DOUBLE, F64));
    t.put(OpCode.I32_LOAD8_S, MemoryEmitters.load(Width.BYTE, I32));
    t.put(OpCode.I32_LOAD8_U, MemoryEmitters.load(Width.BYTE, I32, IAND));
    t.put(OpCode.I32_LOAD16_S, MemoryEmitters.load(Width.SHORT, I32));
    t.put(OpCode.I32_LOAD16_U, MemoryEmitters.load(Width.SHORT, I32, IAND));
    t.put(OpCode.I64_LOAD8_S, MemoryEmitters.load(Width.BYTE, I64, I2L));
    t.put(OpCode.I64_LOAD8_U, MemoryEmitters.load(Width.BYTE, I64, IAND, I2L));
    t.put(OpCode.I64_LOAD16_S, MemoryEmitters.load(Width.SHORT, I64, I2L));
    t.put(OpCode.I64_LOAD16_U, MemoryEmitters.load(Width.SHORT, I64, IAND, I2L));
    t.put(OpCode.I64_LOAD32_S, MemoryEmitters.load(Width.INT, I64, I2L));
    t.put(OpCode.I64_LOAD32_U, MemoryEmitters.load(Width.INT, I64, I2L, LAND));
    t.put(OpCode.I32_STORE, MemoryEmitters.store(Width.INT));
    t.put(OpCode.I64_STORE, MemoryEmitters.store(Width.LONG));
    t.put(OpCode.F32_STORE, MemoryEmitters.store(Width.FLOAT));
    t.put(OpCode.F64_STORE, MemoryEmitters.store(Width.DOUBLE));
    t.put(OpCode.I32_STORE8, MemoryEmitters.store(Width.BYTE));
    t.put(OpCode.I32_STORE16, MemoryEmitters.store(Width.SHORT, I2S));
    t.put(OpCode.I64_STORE8, MemoryEmitters.store(Width.BYTE, L2I));
    t.put(OpCode.I64_STORE16, MemoryEmitters.store(Width.SHORT, L2I, I2S));
    t.put(OpCode.I64_STORE32, MemoryEmitters.store(Width.INT, L2I));
    t.put(OpCode.MEMORY_SIZE, MemoryEmitters.size());
    t.put(OpCode.MEMORY_GROW, MemoryEmitters.grow());
    t.put(OpCode.MEMORY_FILL, MemoryEmitters.fill());
    t.put(OpCode.MEMORY_COPY, MemoryEmitters.copy());
    t.put(OpCode.MEMORY_INIT, MemoryEmitters.init());
    t.put(OpCode.DATA_DROP, MemoryEmitters.dataDrop());

    // ---- numeric constants (§4.4.1) ----
    t.put(OpCode.I32_CONST, ConstantEmitters.i32());
    t.put(OpCode.I64_CONST, ConstantEmitters.i64());
    t.put(OpCode.F32_CONST, ConstantEmitters.f32());
    t.put(OpCode.F64_CONST, ConstantEmitters.f64());

    // ---- comparisons: fused with a following br_if / if ----
    t.put(OpCode.I32_EQZ, ComparisonEmitters.i32Eqz());
    t.put(OpCode.I32_EQ, ComparisonEmitters.compare(I32, -1, IF_ICMPEQ));
    t.put(OpCode.I32_NE, ComparisonEmitters.compare(I32, -1, IF_ICMPNE));
    t.put(OpCode.I32_LT_S, ComparisonEmitters.compare(I32, -1, IF_ICMPLT));
    t.put(OpCode.I32_GT_S, ComparisonEmitters.compare(I32, -1, IF_ICMPGT));
    t.put(OpCode.I32_LE_S, ComparisonEmitters.compare(I32, -1, IF_ICMPLE));
    t.put(OpCode.I32_GE_S, ComparisonEmitters.compare(I32, -1, IF_ICMPGE));
    t.put(OpCode.I32_LT_U, ComparisonEmitters.i32Unsigned(IF_ICMPGT));
    t.put(OpCode.I32_GT_U, ComparisonEmitters.i32Unsigned(IF_ICMPLT));
    t.put(OpCode.I32_LE_U, ComparisonEmitters.i32Unsigned(IF_ICMPGE));
    t.put(OpCode.I32_GE_U, ComparisonEmitters.i32Unsigned(IF_ICMPLE));
    t.put(OpCode.I64_EQZ, ComparisonEmitters.i64Eqz());
    t.put(OpCode.I64_EQ, ComparisonEmitters.compare(I64, LCMP, IFEQ));
    t.put(OpCode.I64_NE, ComparisonEmitters.compare(I64, LCMP, IFNE));
    t.put(OpCode.I64_LT_S, ComparisonEmitters.compare(I64, LCMP, IFLT));
    t.put(OpCode.I64_GT_S, ComparisonEmitters.compare(I64, LCMP, IFGT));
    t.put(OpCode.I64_LE_S, ComparisonEmitters.compare(I64, LCMP, IFLE));
    t.put(OpCode.I64_GE_S, ComparisonEmitters.compare(I64, LCMP, IFGE));
    t.put(OpCode.I64_LT_U, ComparisonEmitters.i64Unsigned(IFGT));
    t.put(OpCode.I64_GT_U, ComparisonEmitters.i64Unsigned(IFLT));
    t.put(OpCode.I64_LE_U, ComparisonEmitters.i64Unsigned(IFGE));
    t.put(OpCode.I64_GE_U, ComparisonEmitters.i64Unsigned(IFLE));
    // FCMPG for < and <=, FCMPL for > and >=: either way a NaN operand makes the test false.
    t.put(OpCode.F32_EQ, ComparisonEmitters.compare(F32, FCMPL, IFEQ));
    t.put(OpCode.F32_NE, ComparisonEmitters.compare(F32, FCMPL, IFNE));
    t.put(OpCode.F32_LT, ComparisonEmitters.compare(F32, FCMPG, IFLT));
    t.put(OpCode.F32_GT, ComparisonEmitters.compare(F32, FCMPL, IFGT));
    t.put(OpCode.F32_LE, ComparisonEmitters.compare(F32, FCMPG, IFLE));
    t.put(OpCode.F32_GE, ComparisonEmitters.compare(F32, FCMPL, IFGE));
    t.put(OpCode.F64_EQ, ComparisonEmitters.compare(F64, DCMPL, IFEQ));
    t.put(OpCode.F64_NE, ComparisonEmitters.compare(F64, DCMPL, IFNE));
    t.put(OpCode.F64_LT, ComparisonEmitters.compare(F64, DCMPG, IFLT));
    t.put(OpCode.F64_GT, ComparisonEmitters.compare(F64, DCMPL, IFGT));
    t.put(OpCode.F64_LE, ComparisonEmitters.compare(F64, DCMPG, IFLE));
    t.put(OpCode.F64_GE, ComparisonEmitters.compare(F64, DCMPL, IFGE));

    // ---- i32 arithmetic ----
    t.put(OpCode.I32_CLZ, SimpleOp.call(V_I, I32, INTEGER, "numberOfLeadingZeros"));
    t.put(OpCode.I32_CTZ, SimpleOp.call(V_I, I32, INTEGER, "numberOfTrailingZeros"));
    t.put(OpCode.I32_POPCNT, SimpleOp.call(V_I, I32, INTEGER, "bitCount"));
    t.put(OpCode.I32_ADD, SimpleOp.insns(V_II, I32, IADD));
    t.put(OpCode.I32_SUB, SimpleOp.insns(V_II, I32, ISUB));
    t.put(OpCode.I32_MUL, SimpleOp.insns(V_II, I32, IMUL));
    t.put(OpCode.I32_DIV_S, SimpleOp.call(V_II, I32, I32_OPS, "divS"));
    t.put(OpCode.I32_DIV_U, SimpleOp.call(V_II, I32, I32_OPS, "divU"));
    t.put(OpCode.I32_REM_S, SimpleOp.call(V_II, I32, I32_OPS, "remS"));
    t.put(OpCode.I32_REM_U, SimpleOp.call(V_II, I32, I32_OPS, "remU"));
    t.put(OpCode.I32_AND, SimpleOp.insns(V_II, I32, IAND));
    t.put(OpCode.I32_OR, SimpleOp.insns(V_II, I32, IOR));
    t.put(OpCode.I32_XOR, SimpleOp.insns(V_II, I32, IXOR));
    t.put(OpCode.I32_SHL, SimpleOp.insns(V_II, I32, ISHL)); // the JVM masks the count by 31, as Wasm
    t.put(OpCode.I32_SHR_S, SimpleOp.insns(V_II, I32, ISHR));
    t.put(OpCode.I32_SHR_U, SimpleOp.insns(V_II, I32, IUSHR));
    t.put(OpCode.I32_ROTL, SimpleOp.call(V_II, I32, INTEGER, "rotateLeft"));
    t.put(OpCode.I32_ROTR, SimpleOp.call(V_II, I32, INTEGER, "rotateRight"));

    // ---- i64 arithmetic (shift counts are i64 in Wasm, int on the JVM) ----
    t.put(OpCode.I64_CLZ, new SimpleOp(V_L, I64, mv -> { mv.visitMethodInsn(INVOKESTATIC, LONG, "numberOfLeadingZeros", "(J)I", false); mv.visitInsn(I2L); }));
    t.put(OpCode.I64_CTZ, new SimpleOp(V_L, I64, mv -> { mv.visitMethodInsn(INVOKESTATIC, LONG, "numberOfTrailingZeros", "(J)I", false); mv.visitInsn(I2L); }));
    t.put(OpCode.I64_POPCNT, new SimpleOp(V_L, I64, mv -> { mv.visitMethodInsn(INVOKESTATIC, LONG, "bitCount", "(J)I", false); mv.visitInsn(I2L); }));
    t.put(OpCode.I64_ADD, SimpleOp.insns(V_LL, I64, LADD));
    t.put(OpCode.I64_SUB, SimpleOp.insns(V_LL, I64, LSUB));
    t.put(OpCode.I64_MUL, SimpleOp.insns(V_LL, I64, LMUL));
    t.put(OpCode.I64_DIV_S, SimpleOp.call(V_LL, I64, I64_OPS, "divS"));
    t.put(OpCode.I64_DIV_U, SimpleOp.call(V_LL, I64, I64_OPS, "divU"));
    t.put(OpCode.I64_REM_S, SimpleOp.call(V_LL, I64, I64_OPS, "remS"));
    t.put(OpCode.I64_REM_U, SimpleOp.call(V_LL, I64, I64_OPS, "remU"));
    t.put(OpCode.I64_AND, SimpleOp.insns(V_LL, I64, LAND));
    t.put(OpCode.I64_OR, SimpleOp.insns(V_LL, I64, LOR));
    t.put(OpCode.I64_XOR, SimpleOp.insns(V_LL, I64, LXOR));
    t.put(OpCode.I64_SHL, SimpleOp.insns(V_LL, I64, L2I, LSHL));
    t.put(OpCode.I64_SHR_S, SimpleOp.insns(V_LL, I64, L2I, LSHR));
    t.put(OpCode.I64_SHR_U, SimpleOp.insns(V_LL, I64, L2I, LUSHR));
    t.put(OpCode.I64_ROTL, new SimpleOp(V_LL, I64, mv -> { mv.visitInsn(L2I); mv.visitMethodInsn(INVOKESTATIC, LONG, "rotateLeft", "(JI)J", false); }));
    t.put(OpCode.I64_ROTR, new SimpleOp(V_LL, I64, mv -> { mv.visitInsn(L2I); mv.visitMethodInsn(INVOKESTATIC, LONG, "rotateRight", "(JI)J", false); }));

    // ---- f32 / f64 arithmetic ----
    floatRows(t, F32, V_F, V_FF, F32_OPS, FADD, FSUB, FMUL, FDIV,
        OpCode.F32_ABS, OpCode.F32_NEG, OpCode.F32_CEIL, OpCode.F32_FLOOR, OpCode.F32_TRUNC, OpCode.F32_NEAREST, OpCode.F32_SQRT,
        OpCode.F32_ADD, OpCode.F32_SUB, OpCode.F32_MUL, OpCode.F32_DIV, OpCode.F32_MIN, OpCode.F32_MAX, OpCode.F32_COPYSIGN);
    floatRows(t, F64, V_D, V_DD, F64_OPS, DADD, DSUB, DMUL, DDIV,
        OpCode.F64_ABS, OpCode.F64_NEG, OpCode.F64_CEIL, OpCode.F64_FLOOR, OpCode.F64_TRUNC, OpCode.F64_NEAREST, OpCode.F64_SQRT,
        OpCode.F64_ADD, OpCode.F64_SUB, OpCode.F64_MUL, OpCode.F64_DIV, OpCode.F64_MIN, OpCode.F64_MAX, OpCode.F64_COPYSIGN);

    // ---- conversions (§4.3.4) ----
    t.put(OpCode.I32_WRAP_I64, SimpleOp.insns(V_L, I32, L2I));
    t.put(OpCode.I32_TRUNC_F32_S, SimpleOp.call(V_F, I32, I32_OPS, "truncF32S"));
    t.put(OpCode.I32_TRUNC_F32_U, SimpleOp.call(V_F, I32, I32_OPS, "truncF32U"));
    t.put(OpCode.I32_TRUNC_F64_S, SimpleOp.call(V_D, I32, I32_OPS, "truncF64S"));
    t.put(OpCode.I32_TRUNC_F64_U, SimpleOp.call(V_D, I32, I32_OPS, "truncF64U"));
    t.put(OpCode.I64_EXTEND_I32_S, SimpleOp.insns(V_I, I64, I2L));
    t.put(OpCode.I64_EXTEND_I32_U, new SimpleOp(V_I, I64, mv -> { mv.visitInsn(I2L); mv.visitLdcInsn(0xFFFF_FFFFL); mv.visitInsn(LAND); }));
    t.put(OpCode.I64_TRUNC_F32_S, SimpleOp.call(V_F, I64, I64_OPS, "truncF32S"));
    t.put(OpCode.I64_TRUNC_F32_U, SimpleOp.call(V_F, I64, I64_OPS, "truncF32U"));
    t.put(OpCode.I64_TRUNC_F64_S, SimpleOp.call(V_D, I64, I64_OPS, "truncF64S"));
    t.put(OpCode.I64_TRUNC_F64_U, SimpleOp.call(V_D, I64, I64_OPS, "truncF64U"));
    t.put(OpCode.F32_CONVERT_I32_S, SimpleOp.insns(V_I, F32, I2F));
    t.put(OpCode.F32_CONVERT_I32_U, SimpleOp.call(V_I, F32, F32_OPS, "convertI32U"));
    t.put(OpCode.F32_CONVERT_I64_S, SimpleOp.insns(V_L, F32, L2F));
    t.put(OpCode.F32_CONVERT_I64_U, SimpleOp.call(V_L, F32, F32_OPS, "convertI64U"));
    t.put(OpCode.F32_DEMOTE_F64, SimpleOp.insns(V_D, F32, D2F));
    t.put(OpCode.F64_CONVERT_I32_S, SimpleOp.insns(V_I, F64, I2D));
    t.put(OpCode.F64_CONVERT_I32_U, SimpleOp.call(V_I, F64, F64_OPS, "convertI32U"));
    t.put(OpCode.F64_CONVERT_I64_S, SimpleOp.insns(V_L, F64, L2D));
    t.put(OpCode.F64_CONVERT_I64_U, SimpleOp.call(V_L, F64, F64_OPS, "convertI64U"));
    t.put(OpCode.F64_PROMOTE_F32, SimpleOp.insns(V_F, F64, F2D));
    t.put(OpCode.I32_REINTERPRET_F32, SimpleOp.call(V_F, I32, FLOAT, "floatToRawIntBits"));
    t.put(OpCode.I64_REINTERPRET_F64, SimpleOp.call(V_D, I64, DOUBLE, "doubleToRawLongBits"));
    t.put(OpCode.F32_REINTERPRET_I32, SimpleOp.call(V_I, F32, FLOAT, "intBitsToFloat"));
    t.put(OpCode.F64_REINTERPRET_I64, SimpleOp.call(V_L, F64, DOUBLE, "longBitsToDouble"));

    // ---- sign extension ----
    t.put(OpCode.I32_EXTEND_8_S, SimpleOp.insns(V_I, I32, I2B));
    t.put(OpCode.I32_EXTEND_16_S, SimpleOp.insns(V_I, I32, I2S));
    t.put(OpCode.I64_EXTEND_8_S, SimpleOp.insns(V_L, I64, L2I, I2B, I2L));
    t.put(OpCode.I64_EXTEND_16_S, SimpleOp.insns(V_L, I64, L2I, I2S, I2L));
    t.put(OpCode.I64_EXTEND_32_S, SimpleOp.insns(V_L, I64, L2I, I2L));

    // ---- non-trapping float-to-int: the JVM's f2i & co. already saturate, NaN to 0 ----
    t.put(OpCode.I32_TRUNC_SAT_F32_S, SimpleOp.insns(V_F, I32, F2I));
    t.put(OpCode.I32_TRUNC_SAT_F32_U, SimpleOp.call(V_F, I32, I32_OPS, "truncSatF32U"));
    t.put(OpCode.I32_TRUNC_SAT_F64_S, SimpleOp.insns(V_D, I32, D2I));
    t.put(OpCode.I32_TRUNC_SAT_F64_U, SimpleOp.call(V_D, I32, I32_OPS, "truncSatF64U"));
    t.put(OpCode.I64_TRUNC_SAT_F32_S, SimpleOp.insns(V_F, I64, F2L));
    t.put(OpCode.I64_TRUNC_SAT_F32_U, SimpleOp.call(V_F, I64, I64_OPS, "truncSatF32U"));
    t.put(OpCode.I64_TRUNC_SAT_F64_S, SimpleOp.insns(V_D, I64, D2L));
    t.put(OpCode.I64_TRUNC_SAT_F64_U, SimpleOp.call(V_D, I64, I64_OPS, "truncSatF64U"));

    this.rows = Collections.unmodifiableMap(t);
  }

  /** The rows of one float type: unary helpers, JVM arithmetic, binary helpers. */
  private static void floatRows(
      Map<OpCode, Emitter> t, ValueType ty, ValueType[] one, ValueType[] two, String ops,
      int add, int sub, int mul, int div,
      OpCode abs, OpCode neg, OpCode ceil, OpCode floor, OpCode trunc, OpCode nearest, OpCode sqrt,
      OpCode opAdd, OpCode opSub, OpCode opMul, OpCode opDiv, OpCode min, OpCode max, OpCode copysign) {
    t.put(abs, SimpleOp.call(one, ty, ops, "abs"));
    t.put(neg, SimpleOp.call(one, ty, ops, "neg"));
    t.put(ceil, SimpleOp.call(one, ty, ops, "ceil"));
    t.put(floor, SimpleOp.call(one, ty, ops, "floor"));
    t.put(trunc, SimpleOp.call(one, ty, ops, "trunc"));
    t.put(nearest, SimpleOp.call(one, ty, ops, "nearest"));
    t.put(sqrt, SimpleOp.call(one, ty, ops, "sqrt"));
    t.put(opAdd, SimpleOp.insns(two, ty, add));
    t.put(opSub, SimpleOp.insns(two, ty, sub));
    t.put(opMul, SimpleOp.insns(two, ty, mul));
    t.put(opDiv, SimpleOp.insns(two, ty, div));
    t.put(min, SimpleOp.call(two, ty, ops, "min"));
    t.put(max, SimpleOp.call(two, ty, ops, "max"));
    t.put(copysign, SimpleOp.call(two, ty, ops, "copysign"));
  }

  /** The emitter for {@code op}, or an "unsupported" error naming the instruction. */
  Emitter emitter(OpCode op, FunctionEmitter f) {
    Emitter e = rows.get(op);
    if (e == null) {
      throw f.unsupported("instruction " + op + " is beyond WebAssembly 2.0 (without SIMD)");
    }
    return e;
  }

  /** The opcodes that have a row, for the completeness test. */
  java.util.Set<OpCode> opcodes() {
    return rows.keySet();
  }
}
