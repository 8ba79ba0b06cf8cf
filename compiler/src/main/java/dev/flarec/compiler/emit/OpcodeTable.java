package dev.flarec.compiler.emit;

import static dev.flarec.compiler.emit.OpcodeRow.Arity.fixed;
import static dev.flarec.runtime.types.ValueType.F32;
import static dev.flarec.runtime.types.ValueType.F64;
import static dev.flarec.runtime.types.ValueType.I32;
import static dev.flarec.runtime.types.ValueType.I64;
import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.decode.RelaxedSimdSites;
import dev.flarec.compiler.emit.MemoryEmitters.Width;
import dev.flarec.compiler.emit.OpcodeRow.Arity;
import dev.flarec.compiler.emit.OpcodeRow.Trait;
import dev.flarec.runtime.types.ValueType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * The one source of per-opcode facts: one {@link OpcodeRow} per WebAssembly 2.0 instruction, naming
 * the emitter of its family, its stack effect and its traits (memory access, fusion with a branch,
 * calls). An opcode without a row is beyond the feature set flarec compiles; {@code
 * OpcodeTableTest} checks every 2.0 opcode has one and that every column is filled.
 *
 * <p>Numeric rows are data: operand types, result type, and the JVM instructions or runtime helper
 * ({@code dev.flarec.runtime.numeric}) that implement them.
 */
final class OpcodeTable {
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

  // stack effects that depend on the instruction's immediates or on the enclosing frames
  private static final Arity BLOCK_PARAMS =
      (f, ins) -> f.blockTypeOf(ins.operand(0)).params().size();
  private static final Arity IF_POPS = (f, ins) -> BLOCK_PARAMS.of(f, ins) + 1;
  private static final Arity FRAME_PARAMS = (f, ins) -> f.innermostFrame().params.size();
  private static final Arity FRAME_RESULTS = (f, ins) -> f.innermostFrame().results.size();
  private static final Arity BR_POPS = (f, ins) -> f.carriedTo((int) ins.operand(0)).size();
  private static final Arity BR_IF_POPS = (f, ins) -> 1 + BR_POPS.of(f, ins);
  private static final Arity BR_IF_PUSHES = BR_POPS;
  private static final Arity BR_TABLE_POPS =
      (f, ins) -> 1 + f.carriedTo((int) ins.operand(ins.operandCount() - 1)).size();
  private static final Arity BR_ON_NON_NULL_PUSHES = (f, ins) -> BR_POPS.of(f, ins) - 1;
  private static final Arity RETURN_POPS = (f, ins) -> f.type().results().size();
  private static final Arity CALL_POPS =
      (f, ins) -> f.module().functionType((int) ins.operand(0)).params().size();
  private static final Arity CALL_PUSHES =
      (f, ins) -> f.module().functionType((int) ins.operand(0)).results().size();
  private static final Arity CALL_INDIRECT_POPS =
      (f, ins) -> f.module().type((int) ins.operand(0)).params().size() + 1;
  private static final Arity TAG_PARAMS =
      (f, ins) -> f.module().tagType((int) ins.operand(0)).params().size();
  private static final Arity CALL_INDIRECT_PUSHES =
      (f, ins) -> f.module().type((int) ins.operand(0)).results().size();

  private final EnumMap<OpCode, OpcodeRow> rows;

  /** Relaxed SIMD (3.0) rows by subopcode: these instructions have no {@link OpCode}. */
  private final Map<Integer, OpcodeRow> relaxedRows;

  private final RelaxedSimdSites relaxedSites;

  /**
   * The rows, built once per process: they hold no per-module state (emitters and arities are
   * stateless), and building them is some 400 rows of objects and lambdas, which profiles of many
   * compiles in one process showed as several percent of the time. Read-only once built.
   */
  private static final class Shared {
    static final OpcodeTable ROWS = new OpcodeTable(new EnumMap<>(OpCode.class), new TreeMap<>());
  }

  OpcodeTable() {
    this(RelaxedSimdSites.NONE);
  }

  /** A table for a module whose relaxed SIMD instructions are at {@code relaxedSites}. */
  OpcodeTable(RelaxedSimdSites relaxedSites) {
    this.relaxedSites = relaxedSites;
    this.rows = Shared.ROWS.rows;
    this.relaxedRows = Shared.ROWS.relaxedRows;
  }

  /** Builds the rows into the given (empty) maps. */
  private OpcodeTable(EnumMap<OpCode, OpcodeRow> rows, Map<Integer, OpcodeRow> relaxedRows) {
    this.relaxedSites = RelaxedSimdSites.NONE;
    this.rows = rows;
    this.relaxedRows = relaxedRows;

    // ---- control (§4.4.8) ----
    row(OpCode.UNREACHABLE, ControlEmitters.unreachable(), fixed(0), fixed(0));
    row(OpCode.NOP, ControlEmitters.nop(), fixed(0), fixed(0));
    row(OpCode.BLOCK, ControlEmitters.block(), BLOCK_PARAMS, BLOCK_PARAMS);
    row(OpCode.LOOP, ControlEmitters.loop(), BLOCK_PARAMS, BLOCK_PARAMS);
    row(OpCode.IF, ControlEmitters.ifThen(), IF_POPS, BLOCK_PARAMS);
    row(OpCode.ELSE, ControlEmitters.elseArm(), FRAME_RESULTS, FRAME_PARAMS);
    row(OpCode.END, ControlEmitters.end(), FRAME_RESULTS, FRAME_RESULTS);
    row(OpCode.BR, ControlEmitters.br(), BR_POPS, fixed(0));
    row(OpCode.BR_IF, ControlEmitters.brIf(), BR_IF_POPS, BR_IF_PUSHES);
    row(OpCode.BR_TABLE, ControlEmitters.brTable(), BR_TABLE_POPS, fixed(0));
    row(OpCode.RETURN, ControlEmitters.ret(), RETURN_POPS, fixed(0));
    row(OpCode.CALL, CallEmitters.call(), CALL_POPS, CALL_PUSHES, Trait.CALLS);

    // ---- exception handling (3.0) ----
    row(OpCode.TRY_TABLE, ExceptionEmitters.tryTable(), BLOCK_PARAMS, BLOCK_PARAMS);
    row(OpCode.THROW, ExceptionEmitters.throwTag(), TAG_PARAMS, fixed(0), Trait.THROWS);
    row(OpCode.THROW_REF, ExceptionEmitters.throwRef(), fixed(1), fixed(0), Trait.THROWS);
    row(
        OpCode.CALL_INDIRECT,
        CallEmitters.callIndirect(),
        CALL_INDIRECT_POPS,
        CALL_INDIRECT_PUSHES,
        Trait.CALLS);

    // ---- tail calls and typed function references (Wasm 3.0) ----
    row(
        OpCode.RETURN_CALL,
        TailCallEmitters.returnCall(),
        CALL_POPS,
        fixed(0),
        Trait.CALLS,
        Trait.TAIL_CALLS);
    row(
        OpCode.RETURN_CALL_INDIRECT,
        TailCallEmitters.returnCallIndirect(),
        CALL_INDIRECT_POPS,
        fixed(0),
        Trait.CALLS,
        Trait.TAIL_CALLS);
    row(
        OpCode.RETURN_CALL_REF,
        TailCallEmitters.returnCallRef(),
        CALL_INDIRECT_POPS,
        fixed(0),
        Trait.CALLS,
        Trait.TAIL_CALLS);
    row(
        OpCode.CALL_REF,
        TypedReferenceEmitters.callRef(),
        CALL_INDIRECT_POPS,
        CALL_INDIRECT_PUSHES,
        Trait.CALLS);
    row(OpCode.REF_AS_NON_NULL, TypedReferenceEmitters.refAsNonNull(), fixed(1), fixed(1));
    row(OpCode.BR_ON_NULL, TypedReferenceEmitters.brOnNull(), BR_IF_POPS, BR_IF_POPS);
    row(
        OpCode.BR_ON_NON_NULL,
        TypedReferenceEmitters.brOnNonNull(),
        BR_POPS,
        BR_ON_NON_NULL_PUSHES);

    // ---- reference (§4.4.2) ----
    row(OpCode.REF_NULL, ReferenceEmitters.refNull(), fixed(0), fixed(1));
    row(
        OpCode.REF_IS_NULL,
        ReferenceEmitters.refIsNull(),
        fixed(1),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(OpCode.REF_FUNC, ReferenceEmitters.refFunc(), fixed(0), fixed(1));

    // ---- parametric (§4.4.3) ----
    row(OpCode.DROP, ParametricEmitters.drop(), fixed(1), fixed(0));
    row(OpCode.SELECT, ParametricEmitters.select(), fixed(3), fixed(1));
    row(OpCode.SELECT_T, ParametricEmitters.select(), fixed(3), fixed(1));

    // ---- variable (§4.4.4) ----
    row(OpCode.LOCAL_GET, VariableEmitters.localGet(), fixed(0), fixed(1));
    row(OpCode.LOCAL_SET, VariableEmitters.localSet(), fixed(1), fixed(0));
    row(OpCode.LOCAL_TEE, VariableEmitters.localTee(), fixed(1), fixed(1));
    row(OpCode.GLOBAL_GET, VariableEmitters.globalGet(), fixed(0), fixed(1));
    row(OpCode.GLOBAL_SET, VariableEmitters.globalSet(), fixed(1), fixed(0));

    // ---- table (§4.4.6) ----
    row(OpCode.TABLE_GET, TableEmitters.get(), fixed(1), fixed(1));
    row(OpCode.TABLE_SET, TableEmitters.set(), fixed(2), fixed(0));
    row(OpCode.TABLE_SIZE, TableEmitters.size(), fixed(0), fixed(1));
    row(OpCode.TABLE_GROW, TableEmitters.grow(), fixed(2), fixed(1));
    row(OpCode.TABLE_FILL, TableEmitters.fill(), fixed(3), fixed(0));
    row(OpCode.TABLE_COPY, TableEmitters.copy(), fixed(3), fixed(0));
    row(OpCode.TABLE_INIT, TableEmitters.init(), fixed(3), fixed(0));
    row(OpCode.ELEM_DROP, TableEmitters.elemDrop(), fixed(0), fixed(0));

    // ---- memory (§4.4.7) ----
    load(OpCode.I32_LOAD, Width.INT, I32);
    load(OpCode.I64_LOAD, Width.LONG, I64);
    load(OpCode.F32_LOAD, Width.FLOAT, F32);
    load(OpCode.F64_LOAD, Width.DOUBLE, F64);
    load(OpCode.I32_LOAD8_S, Width.BYTE, I32);
    load(OpCode.I32_LOAD8_U, Width.BYTE, I32, IAND);
    load(OpCode.I32_LOAD16_S, Width.SHORT, I32);
    load(OpCode.I32_LOAD16_U, Width.SHORT, I32, IAND);
    load(OpCode.I64_LOAD8_S, Width.BYTE, I64, I2L);
    load(OpCode.I64_LOAD8_U, Width.BYTE, I64, IAND, I2L);
    load(OpCode.I64_LOAD16_S, Width.SHORT, I64, I2L);
    load(OpCode.I64_LOAD16_U, Width.SHORT, I64, IAND, I2L);
    load(OpCode.I64_LOAD32_S, Width.INT, I64, I2L);
    load(OpCode.I64_LOAD32_U, Width.INT, I64, I2L, LAND);
    store(OpCode.I32_STORE, Width.INT);
    store(OpCode.I64_STORE, Width.LONG);
    store(OpCode.F32_STORE, Width.FLOAT);
    store(OpCode.F64_STORE, Width.DOUBLE);
    store(OpCode.I32_STORE8, Width.BYTE);
    store(OpCode.I32_STORE16, Width.SHORT, I2S);
    store(OpCode.I64_STORE8, Width.BYTE, L2I);
    store(OpCode.I64_STORE16, Width.SHORT, L2I, I2S);
    store(OpCode.I64_STORE32, Width.INT, L2I);
    row(OpCode.MEMORY_SIZE, MemoryEmitters.size(), fixed(0), fixed(1));
    row(OpCode.MEMORY_GROW, MemoryEmitters.grow(), fixed(1), fixed(1), Trait.GROWS_MEMORY);
    row(OpCode.MEMORY_FILL, MemoryEmitters.fill(), fixed(3), fixed(0));
    row(OpCode.MEMORY_COPY, MemoryEmitters.copy(), fixed(3), fixed(0));
    row(OpCode.MEMORY_INIT, MemoryEmitters.init(), fixed(3), fixed(0));
    row(OpCode.DATA_DROP, MemoryEmitters.dataDrop(), fixed(0), fixed(0));

    // ---- numeric constants (§4.4.1) ----
    row(OpCode.I32_CONST, ConstantEmitters.i32(), fixed(0), fixed(1));
    row(OpCode.I64_CONST, ConstantEmitters.i64(), fixed(0), fixed(1));
    row(OpCode.F32_CONST, ConstantEmitters.f32(), fixed(0), fixed(1));
    row(OpCode.F64_CONST, ConstantEmitters.f64(), fixed(0), fixed(1));

    // ---- comparisons: fused with a following br_if / if ----
    row(OpCode.I32_EQZ, ComparisonEmitters.i32Eqz(), fixed(1), fixed(1), Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_EQ,
        ComparisonEmitters.compare(I32, -1, IF_ICMPEQ),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_NE,
        ComparisonEmitters.compare(I32, -1, IF_ICMPNE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_LT_S,
        ComparisonEmitters.compare(I32, -1, IF_ICMPLT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_GT_S,
        ComparisonEmitters.compare(I32, -1, IF_ICMPGT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_LE_S,
        ComparisonEmitters.compare(I32, -1, IF_ICMPLE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_GE_S,
        ComparisonEmitters.compare(I32, -1, IF_ICMPGE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_LT_U,
        ComparisonEmitters.i32Unsigned(IF_ICMPGT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_GT_U,
        ComparisonEmitters.i32Unsigned(IF_ICMPLT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_LE_U,
        ComparisonEmitters.i32Unsigned(IF_ICMPGE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I32_GE_U,
        ComparisonEmitters.i32Unsigned(IF_ICMPLE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(OpCode.I64_EQZ, ComparisonEmitters.i64Eqz(), fixed(1), fixed(1), Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_EQ,
        ComparisonEmitters.compare(I64, LCMP, IFEQ),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_NE,
        ComparisonEmitters.compare(I64, LCMP, IFNE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_LT_S,
        ComparisonEmitters.compare(I64, LCMP, IFLT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_GT_S,
        ComparisonEmitters.compare(I64, LCMP, IFGT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_LE_S,
        ComparisonEmitters.compare(I64, LCMP, IFLE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_GE_S,
        ComparisonEmitters.compare(I64, LCMP, IFGE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_LT_U,
        ComparisonEmitters.i64Unsigned(IFGT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_GT_U,
        ComparisonEmitters.i64Unsigned(IFLT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_LE_U,
        ComparisonEmitters.i64Unsigned(IFGE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.I64_GE_U,
        ComparisonEmitters.i64Unsigned(IFLE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    // FCMPG for < and <=, FCMPL for > and >=: either way a NaN operand makes the test false.
    row(
        OpCode.F32_EQ,
        ComparisonEmitters.compare(F32, FCMPL, IFEQ),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F32_NE,
        ComparisonEmitters.compare(F32, FCMPL, IFNE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F32_LT,
        ComparisonEmitters.compare(F32, FCMPG, IFLT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F32_GT,
        ComparisonEmitters.compare(F32, FCMPL, IFGT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F32_LE,
        ComparisonEmitters.compare(F32, FCMPG, IFLE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F32_GE,
        ComparisonEmitters.compare(F32, FCMPL, IFGE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F64_EQ,
        ComparisonEmitters.compare(F64, DCMPL, IFEQ),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F64_NE,
        ComparisonEmitters.compare(F64, DCMPL, IFNE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F64_LT,
        ComparisonEmitters.compare(F64, DCMPG, IFLT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F64_GT,
        ComparisonEmitters.compare(F64, DCMPL, IFGT),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F64_LE,
        ComparisonEmitters.compare(F64, DCMPG, IFLE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);
    row(
        OpCode.F64_GE,
        ComparisonEmitters.compare(F64, DCMPL, IFGE),
        fixed(2),
        fixed(1),
        Trait.FUSES_WITH_BRANCH);

    // ---- i32 arithmetic ----
    simple(OpCode.I32_CLZ, SimpleOp.call(V_I, I32, INTEGER, "numberOfLeadingZeros"));
    simple(OpCode.I32_CTZ, SimpleOp.call(V_I, I32, INTEGER, "numberOfTrailingZeros"));
    simple(OpCode.I32_POPCNT, SimpleOp.call(V_I, I32, INTEGER, "bitCount"));
    simple(OpCode.I32_ADD, SimpleOp.insns(V_II, I32, IADD));
    simple(OpCode.I32_SUB, SimpleOp.insns(V_II, I32, ISUB));
    simple(OpCode.I32_MUL, SimpleOp.insns(V_II, I32, IMUL));
    simple(OpCode.I32_DIV_S, SimpleOp.call(V_II, I32, I32_OPS, "divS"));
    simple(OpCode.I32_DIV_U, SimpleOp.call(V_II, I32, I32_OPS, "divU"));
    simple(OpCode.I32_REM_S, SimpleOp.call(V_II, I32, I32_OPS, "remS"));
    simple(OpCode.I32_REM_U, SimpleOp.call(V_II, I32, I32_OPS, "remU"));
    simple(OpCode.I32_AND, SimpleOp.insns(V_II, I32, IAND));
    simple(OpCode.I32_OR, SimpleOp.insns(V_II, I32, IOR));
    simple(OpCode.I32_XOR, SimpleOp.insns(V_II, I32, IXOR));
    simple(
        OpCode.I32_SHL, SimpleOp.insns(V_II, I32, ISHL)); // the JVM masks the count by 31, as Wasm
    simple(OpCode.I32_SHR_S, SimpleOp.insns(V_II, I32, ISHR));
    simple(OpCode.I32_SHR_U, SimpleOp.insns(V_II, I32, IUSHR));
    simple(OpCode.I32_ROTL, SimpleOp.call(V_II, I32, INTEGER, "rotateLeft"));
    simple(OpCode.I32_ROTR, SimpleOp.call(V_II, I32, INTEGER, "rotateRight"));

    // ---- i64 arithmetic (shift counts are i64 in Wasm, int on the JVM) ----
    simple(
        OpCode.I64_CLZ,
        new SimpleOp(
            V_L,
            I64,
            mv -> {
              mv.visitMethodInsn(INVOKESTATIC, LONG, "numberOfLeadingZeros", "(J)I", false);
              mv.visitInsn(I2L);
            }));
    simple(
        OpCode.I64_CTZ,
        new SimpleOp(
            V_L,
            I64,
            mv -> {
              mv.visitMethodInsn(INVOKESTATIC, LONG, "numberOfTrailingZeros", "(J)I", false);
              mv.visitInsn(I2L);
            }));
    simple(
        OpCode.I64_POPCNT,
        new SimpleOp(
            V_L,
            I64,
            mv -> {
              mv.visitMethodInsn(INVOKESTATIC, LONG, "bitCount", "(J)I", false);
              mv.visitInsn(I2L);
            }));
    simple(OpCode.I64_ADD, SimpleOp.insns(V_LL, I64, LADD));
    simple(OpCode.I64_SUB, SimpleOp.insns(V_LL, I64, LSUB));
    simple(OpCode.I64_MUL, SimpleOp.insns(V_LL, I64, LMUL));
    simple(OpCode.I64_DIV_S, SimpleOp.call(V_LL, I64, I64_OPS, "divS"));
    simple(OpCode.I64_DIV_U, SimpleOp.call(V_LL, I64, I64_OPS, "divU"));
    simple(OpCode.I64_REM_S, SimpleOp.call(V_LL, I64, I64_OPS, "remS"));
    simple(OpCode.I64_REM_U, SimpleOp.call(V_LL, I64, I64_OPS, "remU"));
    simple(OpCode.I64_AND, SimpleOp.insns(V_LL, I64, LAND));
    simple(OpCode.I64_OR, SimpleOp.insns(V_LL, I64, LOR));
    simple(OpCode.I64_XOR, SimpleOp.insns(V_LL, I64, LXOR));
    simple(OpCode.I64_SHL, SimpleOp.insns(V_LL, I64, L2I, LSHL));
    simple(OpCode.I64_SHR_S, SimpleOp.insns(V_LL, I64, L2I, LSHR));
    simple(OpCode.I64_SHR_U, SimpleOp.insns(V_LL, I64, L2I, LUSHR));
    simple(
        OpCode.I64_ROTL,
        new SimpleOp(
            V_LL,
            I64,
            mv -> {
              mv.visitInsn(L2I);
              mv.visitMethodInsn(INVOKESTATIC, LONG, "rotateLeft", "(JI)J", false);
            }));
    simple(
        OpCode.I64_ROTR,
        new SimpleOp(
            V_LL,
            I64,
            mv -> {
              mv.visitInsn(L2I);
              mv.visitMethodInsn(INVOKESTATIC, LONG, "rotateRight", "(JI)J", false);
            }));

    // ---- f32 / f64 arithmetic ----
    floatRows(
        F32,
        V_F,
        V_FF,
        F32_OPS,
        FADD,
        FSUB,
        FMUL,
        FDIV,
        OpCode.F32_ABS,
        OpCode.F32_NEG,
        OpCode.F32_CEIL,
        OpCode.F32_FLOOR,
        OpCode.F32_TRUNC,
        OpCode.F32_NEAREST,
        OpCode.F32_SQRT,
        OpCode.F32_ADD,
        OpCode.F32_SUB,
        OpCode.F32_MUL,
        OpCode.F32_DIV,
        OpCode.F32_MIN,
        OpCode.F32_MAX,
        OpCode.F32_COPYSIGN);
    floatRows(
        F64,
        V_D,
        V_DD,
        F64_OPS,
        DADD,
        DSUB,
        DMUL,
        DDIV,
        OpCode.F64_ABS,
        OpCode.F64_NEG,
        OpCode.F64_CEIL,
        OpCode.F64_FLOOR,
        OpCode.F64_TRUNC,
        OpCode.F64_NEAREST,
        OpCode.F64_SQRT,
        OpCode.F64_ADD,
        OpCode.F64_SUB,
        OpCode.F64_MUL,
        OpCode.F64_DIV,
        OpCode.F64_MIN,
        OpCode.F64_MAX,
        OpCode.F64_COPYSIGN);

    // ---- conversions (§4.3.4) ----
    simple(OpCode.I32_WRAP_I64, SimpleOp.insns(V_L, I32, L2I));
    simple(OpCode.I32_TRUNC_F32_S, SimpleOp.call(V_F, I32, I32_OPS, "truncF32S"));
    simple(OpCode.I32_TRUNC_F32_U, SimpleOp.call(V_F, I32, I32_OPS, "truncF32U"));
    simple(OpCode.I32_TRUNC_F64_S, SimpleOp.call(V_D, I32, I32_OPS, "truncF64S"));
    simple(OpCode.I32_TRUNC_F64_U, SimpleOp.call(V_D, I32, I32_OPS, "truncF64U"));
    simple(OpCode.I64_EXTEND_I32_S, SimpleOp.insns(V_I, I64, I2L));
    simple(
        OpCode.I64_EXTEND_I32_U,
        new SimpleOp(
            V_I,
            I64,
            mv -> {
              mv.visitInsn(I2L);
              mv.visitLdcInsn(0xFFFF_FFFFL);
              mv.visitInsn(LAND);
            }));
    simple(OpCode.I64_TRUNC_F32_S, SimpleOp.call(V_F, I64, I64_OPS, "truncF32S"));
    simple(OpCode.I64_TRUNC_F32_U, SimpleOp.call(V_F, I64, I64_OPS, "truncF32U"));
    simple(OpCode.I64_TRUNC_F64_S, SimpleOp.call(V_D, I64, I64_OPS, "truncF64S"));
    simple(OpCode.I64_TRUNC_F64_U, SimpleOp.call(V_D, I64, I64_OPS, "truncF64U"));
    simple(OpCode.F32_CONVERT_I32_S, SimpleOp.insns(V_I, F32, I2F));
    simple(OpCode.F32_CONVERT_I32_U, SimpleOp.call(V_I, F32, F32_OPS, "convertI32U"));
    simple(OpCode.F32_CONVERT_I64_S, SimpleOp.insns(V_L, F32, L2F));
    simple(OpCode.F32_CONVERT_I64_U, SimpleOp.call(V_L, F32, F32_OPS, "convertI64U"));
    simple(OpCode.F32_DEMOTE_F64, SimpleOp.insns(V_D, F32, D2F));
    simple(OpCode.F64_CONVERT_I32_S, SimpleOp.insns(V_I, F64, I2D));
    simple(OpCode.F64_CONVERT_I32_U, SimpleOp.call(V_I, F64, F64_OPS, "convertI32U"));
    simple(OpCode.F64_CONVERT_I64_S, SimpleOp.insns(V_L, F64, L2D));
    simple(OpCode.F64_CONVERT_I64_U, SimpleOp.call(V_L, F64, F64_OPS, "convertI64U"));
    simple(OpCode.F64_PROMOTE_F32, SimpleOp.insns(V_F, F64, F2D));
    simple(OpCode.I32_REINTERPRET_F32, SimpleOp.call(V_F, I32, FLOAT, "floatToRawIntBits"));
    simple(OpCode.I64_REINTERPRET_F64, SimpleOp.call(V_D, I64, DOUBLE, "doubleToRawLongBits"));
    simple(OpCode.F32_REINTERPRET_I32, SimpleOp.call(V_I, F32, FLOAT, "intBitsToFloat"));
    simple(OpCode.F64_REINTERPRET_I64, SimpleOp.call(V_L, F64, DOUBLE, "longBitsToDouble"));

    // ---- sign extension ----
    simple(OpCode.I32_EXTEND_8_S, SimpleOp.insns(V_I, I32, I2B));
    simple(OpCode.I32_EXTEND_16_S, SimpleOp.insns(V_I, I32, I2S));
    simple(OpCode.I64_EXTEND_8_S, SimpleOp.insns(V_L, I64, L2I, I2B, I2L));
    simple(OpCode.I64_EXTEND_16_S, SimpleOp.insns(V_L, I64, L2I, I2S, I2L));
    simple(OpCode.I64_EXTEND_32_S, SimpleOp.insns(V_L, I64, L2I, I2L));

    // ---- non-trapping float-to-int: the JVM's f2i & co. already saturate, NaN to 0 ----
    simple(OpCode.I32_TRUNC_SAT_F32_S, SimpleOp.insns(V_F, I32, F2I));
    simple(OpCode.I32_TRUNC_SAT_F32_U, SimpleOp.call(V_F, I32, I32_OPS, "truncSatF32U"));
    simple(OpCode.I32_TRUNC_SAT_F64_S, SimpleOp.insns(V_D, I32, D2I));
    simple(OpCode.I32_TRUNC_SAT_F64_U, SimpleOp.call(V_D, I32, I32_OPS, "truncSatF64U"));
    simple(OpCode.I64_TRUNC_SAT_F32_S, SimpleOp.insns(V_F, I64, F2L));
    simple(OpCode.I64_TRUNC_SAT_F32_U, SimpleOp.call(V_F, I64, I64_OPS, "truncSatF32U"));
    simple(OpCode.I64_TRUNC_SAT_F64_S, SimpleOp.insns(V_D, I64, D2L));
    simple(OpCode.I64_TRUNC_SAT_F64_U, SimpleOp.call(V_D, I64, I64_OPS, "truncSatF64U"));

    // ---- SIMD (§4.4.3 vector instructions) ----
    SimdRows.addTo(this);
  }

  /** A row whose facts are given one by one. */
  void row(OpCode op, Emitter emitter, Arity pops, Arity pushes, Trait... traits) {
    add(op, new OpcodeRow(emitter, pops, pushes, Set.of(traits)));
  }

  /**
   * The row of a load reading {@code bytes} at its effective address: it pops the address (and, for
   * a lane load, the vector above it) and pushes what it read.
   */
  void load(OpCode op, Emitter emitter, int pops, int bytes) {
    add(op, new OpcodeRow(emitter, fixed(pops), fixed(1), Set.of(Trait.READS_MEMORY), bytes));
  }

  /**
   * The row of a store writing {@code bytes} at its effective address: it pops address and value.
   */
  void store(OpCode op, Emitter emitter, int bytes) {
    add(op, new OpcodeRow(emitter, fixed(2), fixed(0), Set.of(Trait.WRITES_MEMORY), bytes));
  }

  /** A scalar load: {@code extend} widens the JVM value read to {@code result}. */
  private void load(OpCode op, Width width, ValueType result, int... extend) {
    load(op, MemoryEmitters.load(width, result, extend), 1, width.bytes);
  }

  /** A scalar store: {@code narrow} takes the operand's JVM value to the width written. */
  private void store(OpCode op, Width width, int... narrow) {
    store(op, MemoryEmitters.store(width, narrow), width.bytes);
  }

  private void add(OpCode op, OpcodeRow row) {
    if (rows.put(op, row) != null) {
      throw new IllegalStateException("two rows for " + op);
    }
  }

  /** The row of a relaxed SIMD instruction, by its subopcode ({@code 0x100..0x113}). */
  void relaxed(int subopcode, SimpleOp emitter) {
    OpcodeRow row =
        new OpcodeRow(
            emitter, fixed(emitter.in().length), fixed(emitter.out() == null ? 0 : 1), Set.of());
    if (relaxedRows.put(subopcode, row) != null) {
      throw new IllegalStateException("two rows for relaxed SIMD " + subopcode);
    }
  }

  /** A row of fixed operand types: its stack effect is its signature. */
  void simple(OpCode op, SimpleOp emitter) {
    row(op, emitter, fixed(emitter.in().length), fixed(emitter.out() == null ? 0 : 1));
  }

  /** The rows of one float type: unary helpers, JVM arithmetic, binary helpers. */
  private void floatRows(
      ValueType ty,
      ValueType[] one,
      ValueType[] two,
      String ops,
      int add,
      int sub,
      int mul,
      int div,
      OpCode abs,
      OpCode neg,
      OpCode ceil,
      OpCode floor,
      OpCode trunc,
      OpCode nearest,
      OpCode sqrt,
      OpCode opAdd,
      OpCode opSub,
      OpCode opMul,
      OpCode opDiv,
      OpCode min,
      OpCode max,
      OpCode copysign) {
    simple(abs, SimpleOp.call(one, ty, ops, "abs"));
    simple(neg, SimpleOp.call(one, ty, ops, "neg"));
    simple(ceil, SimpleOp.call(one, ty, ops, "ceil"));
    simple(floor, SimpleOp.call(one, ty, ops, "floor"));
    simple(trunc, SimpleOp.call(one, ty, ops, "trunc"));
    simple(nearest, SimpleOp.call(one, ty, ops, "nearest"));
    simple(sqrt, SimpleOp.call(one, ty, ops, "sqrt"));
    simple(opAdd, SimpleOp.insns(two, ty, add));
    simple(opSub, SimpleOp.insns(two, ty, sub));
    simple(opMul, SimpleOp.insns(two, ty, mul));
    simple(opDiv, SimpleOp.insns(two, ty, div));
    simple(min, SimpleOp.call(two, ty, ops, "min"));
    simple(max, SimpleOp.call(two, ty, ops, "max"));
    simple(copysign, SimpleOp.call(two, ty, ops, "copysign"));
  }

  /** The row of {@code op}, or null for an instruction beyond WebAssembly 2.0. */
  OpcodeRow rowOrNull(OpCode op) {
    return rows.get(op);
  }

  /** The row of {@code op}, or an "unsupported" error naming the instruction. */
  OpcodeRow row(OpCode op, EmitContext f) {
    OpcodeRow row = rows.get(op);
    if (row == null) {
      throw f.unsupported("instruction " + op + " is beyond WebAssembly 2.0");
    }
    return row;
  }

  /**
   * The row of the instruction {@code ins}: a relaxed SIMD instruction's own row where the decoder
   * put a carrier in its place (whose stack effect and traits are the same), else its opcode's.
   */
  OpcodeRow row(AnnotatedInstruction ins, EmitContext f) {
    int relaxed = relaxedSites.subopcodeAt(ins.address());
    if (relaxed >= 0) {
      return relaxedRows.get(relaxed);
    }
    return row(ins.opcode(), f);
  }

  /** The relaxed SIMD subopcodes that have a row, for the completeness test. */
  Set<Integer> relaxedSubopcodes() {
    return Collections.unmodifiableSet(relaxedRows.keySet());
  }

  /** The row of a relaxed SIMD subopcode, or null. */
  OpcodeRow relaxedRowOrNull(int subopcode) {
    return relaxedRows.get(subopcode);
  }

  /** The opcodes that have a row, for the completeness test. */
  Set<OpCode> opcodes() {
    return Collections.unmodifiableSet(rows.keySet());
  }
}
