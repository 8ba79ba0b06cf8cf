package dev.flarec.compiler.emit;

import static dev.flarec.compiler.emit.OpcodeRow.Arity.fixed;
import static dev.flarec.runtime.types.ValueType.F32;
import static dev.flarec.runtime.types.ValueType.F64;
import static dev.flarec.runtime.types.ValueType.I32;
import static dev.flarec.runtime.types.ValueType.I64;
import static dev.flarec.runtime.types.ValueType.V128;
import static org.objectweb.asm.Opcodes.FADD;
import static org.objectweb.asm.Opcodes.FDIV;
import static org.objectweb.asm.Opcodes.FMUL;
import static org.objectweb.asm.Opcodes.FSUB;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.ISUB;

import dev.flarec.compiler.emit.MemoryEmitters.Width;
import dev.flarec.runtime.types.ValueType;
import run.endive.wasm.types.OpCode;

/**
 * The rows of the {@link OpcodeTable} for the SIMD instructions of WebAssembly 2.0 (§4.4.3 vector
 * instructions): the ones with immediates through {@link SimdHalves} or {@link SimdEmitters}, every
 * other one a lane operation of the runtime's {@code simd} package ({@code V128Bits}, {@code
 * IntLanes}, {@code FloatLanes}) whose signature is its stack effect, emitted on halves where the
 * runtime has the forms for it.
 */
final class SimdRows {
  private static final String INT_LANES = RuntimeNames.SIMD + "IntLanes";
  private static final String FLOAT_LANES = RuntimeNames.SIMD + "FloatLanes";
  private static final String BITS = SimdEmitters.BITS;
  private static final String RELAXED_LANES = RuntimeNames.SIMD + "RelaxedLanes";

  private SimdRows() {}

  static void addTo(OpcodeTable t) {
    // ---- memory ----
    load(t, OpCode.V128_LOAD, "load", 16);
    load(t, OpCode.V128_LOAD8x8_S, "load8x8S", 8);
    load(t, OpCode.V128_LOAD8x8_U, "load8x8U", 8);
    load(t, OpCode.V128_LOAD16x4_S, "load16x4S", 8);
    load(t, OpCode.V128_LOAD16x4_U, "load16x4U", 8);
    load(t, OpCode.V128_LOAD32x2_S, "load32x2S", 8);
    load(t, OpCode.V128_LOAD32x2_U, "load32x2U", 8);
    load(t, OpCode.V128_LOAD8_SPLAT, "load8Splat", 1);
    load(t, OpCode.V128_LOAD16_SPLAT, "load16Splat", 2);
    load(t, OpCode.V128_LOAD32_SPLAT, "load32Splat", 4);
    load(t, OpCode.V128_LOAD64_SPLAT, "load64Splat", 8);
    load(t, OpCode.V128_LOAD32_ZERO, "load32Zero", 4);
    load(t, OpCode.V128_LOAD64_ZERO, "load64Zero", 8);
    loadLane(t, OpCode.V128_LOAD8_LANE, Width.BYTE);
    loadLane(t, OpCode.V128_LOAD16_LANE, Width.SHORT);
    loadLane(t, OpCode.V128_LOAD32_LANE, Width.INT);
    loadLane(t, OpCode.V128_LOAD64_LANE, Width.LONG);
    t.store(OpCode.V128_STORE, SimdHalves.store(), 16);
    storeLane(t, OpCode.V128_STORE8_LANE, Width.BYTE);
    storeLane(t, OpCode.V128_STORE16_LANE, Width.SHORT);
    storeLane(t, OpCode.V128_STORE32_LANE, Width.INT);
    storeLane(t, OpCode.V128_STORE64_LANE, Width.LONG);

    // ---- immediates ----
    t.row(OpCode.V128_CONST, SimdSplats.constant(SimdHalves.constant()), fixed(0), fixed(1));
    t.row(OpCode.I8x16_SHUFFLE, SimdHalves.shuffle(), fixed(2), fixed(1));
    extract(t, OpCode.I8x16_EXTRACT_LANE_S, "i8x16ExtractLaneS", I32);
    extract(t, OpCode.I8x16_EXTRACT_LANE_U, "i8x16ExtractLaneU", I32);
    extract(t, OpCode.I16x8_EXTRACT_LANE_S, "i16x8ExtractLaneS", I32);
    extract(t, OpCode.I16x8_EXTRACT_LANE_U, "i16x8ExtractLaneU", I32);
    t.row(
        OpCode.I32x4_EXTRACT_LANE,
        SimdLanes.extractLane(I32, SimdHalves.extractLane("i32x4ExtractLane", I32)),
        fixed(1),
        fixed(1));
    extract(t, OpCode.I64x2_EXTRACT_LANE, "i64x2ExtractLane", I64);
    t.row(
        OpCode.F32x4_EXTRACT_LANE,
        SimdLanes.extractLane(F32, SimdHalves.extractLane("f32x4ExtractLane", F32)),
        fixed(1),
        fixed(1));
    extract(t, OpCode.F64x2_EXTRACT_LANE, "f64x2ExtractLane", F64);
    replace(t, OpCode.I8x16_REPLACE_LANE, I32, 8);
    replace(t, OpCode.I16x8_REPLACE_LANE, I32, 16);
    replace(t, OpCode.I32x4_REPLACE_LANE, I32, 32);
    replace(t, OpCode.I64x2_REPLACE_LANE, I64, 64);
    replace(t, OpCode.F32x4_REPLACE_LANE, F32, 32);
    replace(t, OpCode.F64x2_REPLACE_LANE, F64, 64);

    // ---- lane-wise operations: data ----
    lanes(t, OpCode.I8x16_EQ, types("VV"), V128, INT_LANES, "i8x16Eq");
    lanes(t, OpCode.I8x16_NE, types("VV"), V128, INT_LANES, "i8x16Ne");
    lanes(t, OpCode.I8x16_LT_S, types("VV"), V128, INT_LANES, "i8x16LtS");
    lanes(t, OpCode.I8x16_LT_U, types("VV"), V128, INT_LANES, "i8x16LtU");
    lanes(t, OpCode.I8x16_GT_S, types("VV"), V128, INT_LANES, "i8x16GtS");
    lanes(t, OpCode.I8x16_GT_U, types("VV"), V128, INT_LANES, "i8x16GtU");
    lanes(t, OpCode.I8x16_LE_S, types("VV"), V128, INT_LANES, "i8x16LeS");
    lanes(t, OpCode.I8x16_LE_U, types("VV"), V128, INT_LANES, "i8x16LeU");
    lanes(t, OpCode.I8x16_GE_S, types("VV"), V128, INT_LANES, "i8x16GeS");
    lanes(t, OpCode.I8x16_GE_U, types("VV"), V128, INT_LANES, "i8x16GeU");
    lanes(t, OpCode.I8x16_ABS, types("V"), V128, INT_LANES, "i8x16Abs");
    lanes(t, OpCode.I8x16_NEG, types("V"), V128, INT_LANES, "i8x16Neg");
    lanes(t, OpCode.I8x16_ADD, types("VV"), V128, INT_LANES, "i8x16Add");
    lanes(t, OpCode.I8x16_SUB, types("VV"), V128, INT_LANES, "i8x16Sub");
    lanes(t, OpCode.I8x16_SHL, types("VI"), V128, INT_LANES, "i8x16Shl");
    lanes(t, OpCode.I8x16_SHR_S, types("VI"), V128, INT_LANES, "i8x16ShrS");
    lanes(t, OpCode.I8x16_SHR_U, types("VI"), V128, INT_LANES, "i8x16ShrU");
    lanes(t, OpCode.I8x16_ADD_SAT_S, types("VV"), V128, INT_LANES, "i8x16AddSatS");
    lanes(t, OpCode.I8x16_ADD_SAT_U, types("VV"), V128, INT_LANES, "i8x16AddSatU");
    lanes(t, OpCode.I8x16_SUB_SAT_S, types("VV"), V128, INT_LANES, "i8x16SubSatS");
    lanes(t, OpCode.I8x16_SUB_SAT_U, types("VV"), V128, INT_LANES, "i8x16SubSatU");
    lanes(t, OpCode.I8x16_AVGR_U, types("VV"), V128, INT_LANES, "i8x16AvgrU");
    lanes(t, OpCode.I8x16_MIN_S, types("VV"), V128, INT_LANES, "i8x16MinS");
    lanes(t, OpCode.I8x16_MIN_U, types("VV"), V128, INT_LANES, "i8x16MinU");
    lanes(t, OpCode.I8x16_MAX_S, types("VV"), V128, INT_LANES, "i8x16MaxS");
    lanes(t, OpCode.I8x16_MAX_U, types("VV"), V128, INT_LANES, "i8x16MaxU");
    lanes(t, OpCode.I8x16_ALL_TRUE, types("V"), I32, INT_LANES, "i8x16AllTrue");
    lanes(t, OpCode.I8x16_BITMASK, types("V"), I32, INT_LANES, "i8x16Bitmask");
    lanes(t, OpCode.I16x8_EQ, types("VV"), V128, INT_LANES, "i16x8Eq");
    lanes(t, OpCode.I16x8_NE, types("VV"), V128, INT_LANES, "i16x8Ne");
    lanes(t, OpCode.I16x8_LT_S, types("VV"), V128, INT_LANES, "i16x8LtS");
    lanes(t, OpCode.I16x8_LT_U, types("VV"), V128, INT_LANES, "i16x8LtU");
    lanes(t, OpCode.I16x8_GT_S, types("VV"), V128, INT_LANES, "i16x8GtS");
    lanes(t, OpCode.I16x8_GT_U, types("VV"), V128, INT_LANES, "i16x8GtU");
    lanes(t, OpCode.I16x8_LE_S, types("VV"), V128, INT_LANES, "i16x8LeS");
    lanes(t, OpCode.I16x8_LE_U, types("VV"), V128, INT_LANES, "i16x8LeU");
    lanes(t, OpCode.I16x8_GE_S, types("VV"), V128, INT_LANES, "i16x8GeS");
    lanes(t, OpCode.I16x8_GE_U, types("VV"), V128, INT_LANES, "i16x8GeU");
    lanes(t, OpCode.I16x8_ABS, types("V"), V128, INT_LANES, "i16x8Abs");
    lanes(t, OpCode.I16x8_NEG, types("V"), V128, INT_LANES, "i16x8Neg");
    lanes(t, OpCode.I16x8_ADD, types("VV"), V128, INT_LANES, "i16x8Add");
    lanes(t, OpCode.I16x8_SUB, types("VV"), V128, INT_LANES, "i16x8Sub");
    lanes(t, OpCode.I16x8_SHL, types("VI"), V128, INT_LANES, "i16x8Shl");
    lanes(t, OpCode.I16x8_SHR_S, types("VI"), V128, INT_LANES, "i16x8ShrS");
    lanes(t, OpCode.I16x8_SHR_U, types("VI"), V128, INT_LANES, "i16x8ShrU");
    t.row(
        OpCode.I16x8_MUL,
        SimdSplats.i16x8Mul(SimdHalves.lanes(types("VV"), V128, INT_LANES, "i16x8Mul")),
        fixed(2),
        fixed(1));
    lanes(t, OpCode.I16x8_ADD_SAT_S, types("VV"), V128, INT_LANES, "i16x8AddSatS");
    lanes(t, OpCode.I16x8_ADD_SAT_U, types("VV"), V128, INT_LANES, "i16x8AddSatU");
    lanes(t, OpCode.I16x8_SUB_SAT_S, types("VV"), V128, INT_LANES, "i16x8SubSatS");
    lanes(t, OpCode.I16x8_SUB_SAT_U, types("VV"), V128, INT_LANES, "i16x8SubSatU");
    lanes(t, OpCode.I16x8_AVGR_U, types("VV"), V128, INT_LANES, "i16x8AvgrU");
    lanes(t, OpCode.I16x8_MIN_S, types("VV"), V128, INT_LANES, "i16x8MinS");
    lanes(t, OpCode.I16x8_MIN_U, types("VV"), V128, INT_LANES, "i16x8MinU");
    lanes(t, OpCode.I16x8_MAX_S, types("VV"), V128, INT_LANES, "i16x8MaxS");
    lanes(t, OpCode.I16x8_MAX_U, types("VV"), V128, INT_LANES, "i16x8MaxU");
    lanes(t, OpCode.I16x8_ALL_TRUE, types("V"), I32, INT_LANES, "i16x8AllTrue");
    lanes(t, OpCode.I16x8_BITMASK, types("V"), I32, INT_LANES, "i16x8Bitmask");
    lanes(t, OpCode.I32x4_EQ, types("VV"), V128, INT_LANES, "i32x4Eq");
    lanes(t, OpCode.I32x4_NE, types("VV"), V128, INT_LANES, "i32x4Ne");
    lanes(t, OpCode.I32x4_LT_S, types("VV"), V128, INT_LANES, "i32x4LtS");
    lanes(t, OpCode.I32x4_LT_U, types("VV"), V128, INT_LANES, "i32x4LtU");
    lanes(t, OpCode.I32x4_GT_S, types("VV"), V128, INT_LANES, "i32x4GtS");
    lanes(t, OpCode.I32x4_GT_U, types("VV"), V128, INT_LANES, "i32x4GtU");
    lanes(t, OpCode.I32x4_LE_S, types("VV"), V128, INT_LANES, "i32x4LeS");
    lanes(t, OpCode.I32x4_LE_U, types("VV"), V128, INT_LANES, "i32x4LeU");
    lanes(t, OpCode.I32x4_GE_S, types("VV"), V128, INT_LANES, "i32x4GeS");
    lanes(t, OpCode.I32x4_GE_U, types("VV"), V128, INT_LANES, "i32x4GeU");
    lanes(t, OpCode.I32x4_ABS, types("V"), V128, INT_LANES, "i32x4Abs");
    lanes(t, OpCode.I32x4_NEG, types("V"), V128, INT_LANES, "i32x4Neg");
    inLanes(t, OpCode.I32x4_ADD, I32, IADD, false, INT_LANES, "i32x4Add");
    inLanes(t, OpCode.I32x4_SUB, I32, ISUB, false, INT_LANES, "i32x4Sub");
    lanes(t, OpCode.I32x4_SHL, types("VI"), V128, INT_LANES, "i32x4Shl");
    lanes(t, OpCode.I32x4_SHR_S, types("VI"), V128, INT_LANES, "i32x4ShrS");
    lanes(t, OpCode.I32x4_SHR_U, types("VI"), V128, INT_LANES, "i32x4ShrU");
    inLanes(t, OpCode.I32x4_MUL, I32, IMUL, true, INT_LANES, "i32x4Mul");
    lanes(t, OpCode.I32x4_MIN_S, types("VV"), V128, INT_LANES, "i32x4MinS");
    lanes(t, OpCode.I32x4_MIN_U, types("VV"), V128, INT_LANES, "i32x4MinU");
    lanes(t, OpCode.I32x4_MAX_S, types("VV"), V128, INT_LANES, "i32x4MaxS");
    lanes(t, OpCode.I32x4_MAX_U, types("VV"), V128, INT_LANES, "i32x4MaxU");
    lanes(t, OpCode.I32x4_ALL_TRUE, types("V"), I32, INT_LANES, "i32x4AllTrue");
    lanes(t, OpCode.I32x4_BITMASK, types("V"), I32, INT_LANES, "i32x4Bitmask");
    lanes(t, OpCode.I64x2_EQ, types("VV"), V128, INT_LANES, "i64x2Eq");
    lanes(t, OpCode.I64x2_NE, types("VV"), V128, INT_LANES, "i64x2Ne");
    lanes(t, OpCode.I64x2_LT_S, types("VV"), V128, INT_LANES, "i64x2LtS");
    lanes(t, OpCode.I64x2_GT_S, types("VV"), V128, INT_LANES, "i64x2GtS");
    lanes(t, OpCode.I64x2_LE_S, types("VV"), V128, INT_LANES, "i64x2LeS");
    lanes(t, OpCode.I64x2_GE_S, types("VV"), V128, INT_LANES, "i64x2GeS");
    lanes(t, OpCode.I64x2_ABS, types("V"), V128, INT_LANES, "i64x2Abs");
    lanes(t, OpCode.I64x2_NEG, types("V"), V128, INT_LANES, "i64x2Neg");
    lanes(t, OpCode.I64x2_ADD, types("VV"), V128, INT_LANES, "i64x2Add");
    lanes(t, OpCode.I64x2_SUB, types("VV"), V128, INT_LANES, "i64x2Sub");
    lanes(t, OpCode.I64x2_SHL, types("VI"), V128, INT_LANES, "i64x2Shl");
    lanes(t, OpCode.I64x2_SHR_S, types("VI"), V128, INT_LANES, "i64x2ShrS");
    lanes(t, OpCode.I64x2_SHR_U, types("VI"), V128, INT_LANES, "i64x2ShrU");
    lanes(t, OpCode.I64x2_MUL, types("VV"), V128, INT_LANES, "i64x2Mul");
    lanes(t, OpCode.I64x2_ALL_TRUE, types("V"), I32, INT_LANES, "i64x2AllTrue");
    lanes(t, OpCode.I64x2_BITMASK, types("V"), I32, INT_LANES, "i64x2Bitmask");
    lanes(t, OpCode.I8x16_POPCNT, types("V"), V128, INT_LANES, "i8x16Popcnt");
    lanes(t, OpCode.I16x8_Q15MULR_SAT_S, types("VV"), V128, INT_LANES, "i16x8Q15mulrSatS");
    lanes(t, OpCode.I8x16_NARROW_I16x8_S, types("VV"), V128, INT_LANES, "i8x16NarrowI16x8S");
    lanes(t, OpCode.I8x16_NARROW_I16x8_U, types("VV"), V128, INT_LANES, "i8x16NarrowI16x8U");
    lanes(t, OpCode.I16x8_NARROW_I32x4_S, types("VV"), V128, INT_LANES, "i16x8NarrowI32x4S");
    lanes(t, OpCode.I16x8_NARROW_I32x4_U, types("VV"), V128, INT_LANES, "i16x8NarrowI32x4U");
    extendBytes(t, OpCode.I16x8_EXTEND_LOW_I8x16_S, false, true, "i16x8ExtendLowI8x16S");
    lanes(t, OpCode.I16x8_EXTMUL_LOW_I8x16_S, types("VV"), V128, INT_LANES, "i16x8ExtmulLowI8x16S");
    extendBytes(t, OpCode.I16x8_EXTEND_LOW_I8x16_U, false, false, "i16x8ExtendLowI8x16U");
    lanes(t, OpCode.I16x8_EXTMUL_LOW_I8x16_U, types("VV"), V128, INT_LANES, "i16x8ExtmulLowI8x16U");
    extendBytes(t, OpCode.I16x8_EXTEND_HIGH_I8x16_S, true, true, "i16x8ExtendHighI8x16S");
    lanes(
        t, OpCode.I16x8_EXTMUL_HIGH_I8x16_S, types("VV"), V128, INT_LANES, "i16x8ExtmulHighI8x16S");
    extendBytes(t, OpCode.I16x8_EXTEND_HIGH_I8x16_U, true, false, "i16x8ExtendHighI8x16U");
    lanes(
        t, OpCode.I16x8_EXTMUL_HIGH_I8x16_U, types("VV"), V128, INT_LANES, "i16x8ExtmulHighI8x16U");
    widen16(t, OpCode.I32x4_EXTEND_LOW_I16x8_S, 1, false, false, true, "i32x4ExtendLowI16x8S");
    widen16(t, OpCode.I32x4_EXTMUL_LOW_I16x8_S, 2, false, false, true, "i32x4ExtmulLowI16x8S");
    widen16(t, OpCode.I32x4_EXTEND_LOW_I16x8_U, 1, false, false, false, "i32x4ExtendLowI16x8U");
    widen16(t, OpCode.I32x4_EXTMUL_LOW_I16x8_U, 2, false, false, false, "i32x4ExtmulLowI16x8U");
    widen16(t, OpCode.I32x4_EXTEND_HIGH_I16x8_S, 1, false, true, true, "i32x4ExtendHighI16x8S");
    widen16(t, OpCode.I32x4_EXTMUL_HIGH_I16x8_S, 2, false, true, true, "i32x4ExtmulHighI16x8S");
    widen16(t, OpCode.I32x4_EXTEND_HIGH_I16x8_U, 1, false, true, false, "i32x4ExtendHighI16x8U");
    widen16(t, OpCode.I32x4_EXTMUL_HIGH_I16x8_U, 2, false, true, false, "i32x4ExtmulHighI16x8U");
    lanes(t, OpCode.I64x2_EXTEND_LOW_I32x4_S, types("V"), V128, INT_LANES, "i64x2ExtendLowI32x4S");
    lanes(t, OpCode.I64x2_EXTMUL_LOW_I32x4_S, types("VV"), V128, INT_LANES, "i64x2ExtmulLowI32x4S");
    lanes(t, OpCode.I64x2_EXTEND_LOW_I32x4_U, types("V"), V128, INT_LANES, "i64x2ExtendLowI32x4U");
    lanes(t, OpCode.I64x2_EXTMUL_LOW_I32x4_U, types("VV"), V128, INT_LANES, "i64x2ExtmulLowI32x4U");
    lanes(
        t, OpCode.I64x2_EXTEND_HIGH_I32x4_S, types("V"), V128, INT_LANES, "i64x2ExtendHighI32x4S");
    lanes(
        t, OpCode.I64x2_EXTMUL_HIGH_I32x4_S, types("VV"), V128, INT_LANES, "i64x2ExtmulHighI32x4S");
    lanes(
        t, OpCode.I64x2_EXTEND_HIGH_I32x4_U, types("V"), V128, INT_LANES, "i64x2ExtendHighI32x4U");
    lanes(
        t, OpCode.I64x2_EXTMUL_HIGH_I32x4_U, types("VV"), V128, INT_LANES, "i64x2ExtmulHighI32x4U");
    lanes(
        t,
        OpCode.I16x8_EXTADD_PAIRWISE_I8x16_S,
        types("V"),
        V128,
        INT_LANES,
        "i16x8ExtaddPairwiseI8x16S");
    lanes(
        t,
        OpCode.I16x8_EXTADD_PAIRWISE_I8x16_U,
        types("V"),
        V128,
        INT_LANES,
        "i16x8ExtaddPairwiseI8x16U");
    widen16(
        t, OpCode.I32x4_EXTADD_PAIRWISE_I16x8_S, 1, true, false, true, "i32x4ExtaddPairwiseI16x8S");
    widen16(
        t,
        OpCode.I32x4_EXTADD_PAIRWISE_I16x8_U,
        1,
        true,
        false,
        false,
        "i32x4ExtaddPairwiseI16x8U");
    t.row(
        OpCode.I32x4_DOT_I16x8_S,
        SimdLanes.dot16(SimdHalves.lanes(types("VV"), V128, INT_LANES, "i32x4DotI16x8S")),
        fixed(2),
        fixed(1));
    lanes(t, OpCode.F32x4_EQ, types("VV"), V128, FLOAT_LANES, "f32x4Eq");
    lanes(t, OpCode.F32x4_NE, types("VV"), V128, FLOAT_LANES, "f32x4Ne");
    lanes(t, OpCode.F32x4_LT, types("VV"), V128, FLOAT_LANES, "f32x4Lt");
    lanes(t, OpCode.F32x4_GT, types("VV"), V128, FLOAT_LANES, "f32x4Gt");
    lanes(t, OpCode.F32x4_LE, types("VV"), V128, FLOAT_LANES, "f32x4Le");
    lanes(t, OpCode.F32x4_GE, types("VV"), V128, FLOAT_LANES, "f32x4Ge");
    lanes(t, OpCode.F32x4_SQRT, types("V"), V128, FLOAT_LANES, "f32x4Sqrt");
    lanes(t, OpCode.F32x4_CEIL, types("V"), V128, FLOAT_LANES, "f32x4Ceil");
    lanes(t, OpCode.F32x4_FLOOR, types("V"), V128, FLOAT_LANES, "f32x4Floor");
    lanes(t, OpCode.F32x4_TRUNC, types("V"), V128, FLOAT_LANES, "f32x4Trunc");
    lanes(t, OpCode.F32x4_NEAREST, types("V"), V128, FLOAT_LANES, "f32x4Nearest");
    inLanes(t, OpCode.F32x4_ADD, F32, FADD, true, FLOAT_LANES, "f32x4Add");
    inLanes(t, OpCode.F32x4_SUB, F32, FSUB, true, FLOAT_LANES, "f32x4Sub");
    inLanes(t, OpCode.F32x4_MUL, F32, FMUL, true, FLOAT_LANES, "f32x4Mul");
    inLanes(t, OpCode.F32x4_DIV, F32, FDIV, true, FLOAT_LANES, "f32x4Div");
    lanes(t, OpCode.F32x4_MIN, types("VV"), V128, FLOAT_LANES, "f32x4Min");
    lanes(t, OpCode.F32x4_MAX, types("VV"), V128, FLOAT_LANES, "f32x4Max");
    lanes(t, OpCode.F32x4_PMIN, types("VV"), V128, FLOAT_LANES, "f32x4Pmin");
    lanes(t, OpCode.F32x4_PMAX, types("VV"), V128, FLOAT_LANES, "f32x4Pmax");
    lanes(t, OpCode.F64x2_EQ, types("VV"), V128, FLOAT_LANES, "f64x2Eq");
    lanes(t, OpCode.F64x2_NE, types("VV"), V128, FLOAT_LANES, "f64x2Ne");
    lanes(t, OpCode.F64x2_LT, types("VV"), V128, FLOAT_LANES, "f64x2Lt");
    lanes(t, OpCode.F64x2_GT, types("VV"), V128, FLOAT_LANES, "f64x2Gt");
    lanes(t, OpCode.F64x2_LE, types("VV"), V128, FLOAT_LANES, "f64x2Le");
    lanes(t, OpCode.F64x2_GE, types("VV"), V128, FLOAT_LANES, "f64x2Ge");
    lanes(t, OpCode.F64x2_SQRT, types("V"), V128, FLOAT_LANES, "f64x2Sqrt");
    lanes(t, OpCode.F64x2_CEIL, types("V"), V128, FLOAT_LANES, "f64x2Ceil");
    lanes(t, OpCode.F64x2_FLOOR, types("V"), V128, FLOAT_LANES, "f64x2Floor");
    lanes(t, OpCode.F64x2_TRUNC, types("V"), V128, FLOAT_LANES, "f64x2Trunc");
    lanes(t, OpCode.F64x2_NEAREST, types("V"), V128, FLOAT_LANES, "f64x2Nearest");
    lanes(t, OpCode.F64x2_ADD, types("VV"), V128, FLOAT_LANES, "f64x2Add");
    lanes(t, OpCode.F64x2_SUB, types("VV"), V128, FLOAT_LANES, "f64x2Sub");
    lanes(t, OpCode.F64x2_MUL, types("VV"), V128, FLOAT_LANES, "f64x2Mul");
    lanes(t, OpCode.F64x2_DIV, types("VV"), V128, FLOAT_LANES, "f64x2Div");
    lanes(t, OpCode.F64x2_MIN, types("VV"), V128, FLOAT_LANES, "f64x2Min");
    lanes(t, OpCode.F64x2_MAX, types("VV"), V128, FLOAT_LANES, "f64x2Max");
    lanes(t, OpCode.F64x2_PMIN, types("VV"), V128, FLOAT_LANES, "f64x2Pmin");
    lanes(t, OpCode.F64x2_PMAX, types("VV"), V128, FLOAT_LANES, "f64x2Pmax");
    lanes(t, OpCode.F32x4_ABS, types("V"), V128, FLOAT_LANES, "f32x4Abs");
    lanes(t, OpCode.F32x4_NEG, types("V"), V128, FLOAT_LANES, "f32x4Neg");
    lanes(t, OpCode.F64x2_ABS, types("V"), V128, FLOAT_LANES, "f64x2Abs");
    lanes(t, OpCode.F64x2_NEG, types("V"), V128, FLOAT_LANES, "f64x2Neg");
    lanes(t, OpCode.I32x4_TRUNC_SAT_F32X4_S, types("V"), V128, FLOAT_LANES, "i32x4TruncSatF32x4S");
    lanes(t, OpCode.I32x4_TRUNC_SAT_F32X4_U, types("V"), V128, FLOAT_LANES, "i32x4TruncSatF32x4U");
    lanes(t, OpCode.F32x4_CONVERT_I32x4_S, types("V"), V128, FLOAT_LANES, "f32x4ConvertI32x4S");
    lanes(t, OpCode.F32x4_CONVERT_I32x4_U, types("V"), V128, FLOAT_LANES, "f32x4ConvertI32x4U");
    lanes(
        t,
        OpCode.I32x4_TRUNC_SAT_F64x2_S_ZERO,
        types("V"),
        V128,
        FLOAT_LANES,
        "i32x4TruncSatF64x2SZero");
    lanes(
        t,
        OpCode.I32x4_TRUNC_SAT_F64x2_U_ZERO,
        types("V"),
        V128,
        FLOAT_LANES,
        "i32x4TruncSatF64x2UZero");
    lanes(
        t,
        OpCode.F64x2_CONVERT_LOW_I32x4_S,
        types("V"),
        V128,
        FLOAT_LANES,
        "f64x2ConvertLowI32x4S");
    lanes(
        t,
        OpCode.F64x2_CONVERT_LOW_I32x4_U,
        types("V"),
        V128,
        FLOAT_LANES,
        "f64x2ConvertLowI32x4U");
    lanes(
        t,
        OpCode.F32x4_DEMOTE_LOW_F64x2_ZERO,
        types("V"),
        V128,
        FLOAT_LANES,
        "f32x4DemoteLowF64x2Zero");
    lanes(t, OpCode.F64x2_PROMOTE_LOW_F32x4, types("V"), V128, FLOAT_LANES, "f64x2PromoteLowF32x4");
    lanes(t, OpCode.V128_NOT, types("V"), V128, BITS, "v128Not");
    lanes(t, OpCode.V128_AND, types("VV"), V128, BITS, "v128And");
    lanes(t, OpCode.V128_ANDNOT, types("VV"), V128, BITS, "v128Andnot");
    lanes(t, OpCode.V128_OR, types("VV"), V128, BITS, "v128Or");
    lanes(t, OpCode.V128_XOR, types("VV"), V128, BITS, "v128Xor");
    lanes(t, OpCode.V128_BITSELECT, types("VVV"), V128, BITS, "v128Bitselect");
    lanes(t, OpCode.V128_ANY_TRUE, types("V"), I32, BITS, "v128AnyTrue");
    lanes(t, OpCode.I8x16_SWIZZLE, types("VV"), V128, BITS, "i8x16Swizzle");
    splat(t, OpCode.I8x16_SPLAT, "i8x16Splat");
    splat(t, OpCode.I16x8_SPLAT, "i16x8Splat");
    t.row(OpCode.I32x4_SPLAT, SimdLanes.splat(I32), fixed(1), fixed(1));
    lanes(t, OpCode.I64x2_SPLAT, types("L"), V128, BITS, "i64x2Splat");
    t.row(OpCode.F32x4_SPLAT, SimdLanes.splat(F32), fixed(1), fixed(1));
    lanes(t, OpCode.F64x2_SPLAT, types("D"), V128, BITS, "f64x2Splat");

    relaxedRows(t);
  }

  /**
   * Relaxed SIMD (WebAssembly 3.0), by subopcode. Each may behave in one of several ways; flarec
   * always picks the same one, on every machine: the 2.0 instruction where one is allowed, else the
   * helper in {@code RelaxedLanes}. docs/RATIONALE.md, "Why does relaxed SIMD behave the same
   * everywhere?", lists the choices.
   */
  private static void relaxedRows(OpcodeTable t) {
    t.relaxed(0x100, SimpleOp.call(types("VV"), V128, BITS, "i8x16Swizzle"));
    t.relaxed(0x101, SimpleOp.call(types("V"), V128, FLOAT_LANES, "i32x4TruncSatF32x4S"));
    t.relaxed(0x102, SimpleOp.call(types("V"), V128, FLOAT_LANES, "i32x4TruncSatF32x4U"));
    t.relaxed(0x103, SimpleOp.call(types("V"), V128, FLOAT_LANES, "i32x4TruncSatF64x2SZero"));
    t.relaxed(0x104, SimpleOp.call(types("V"), V128, FLOAT_LANES, "i32x4TruncSatF64x2UZero"));
    t.relaxed(0x105, SimpleOp.call(types("VVV"), V128, RELAXED_LANES, "f32x4RelaxedMadd"));
    t.relaxed(0x106, SimpleOp.call(types("VVV"), V128, RELAXED_LANES, "f32x4RelaxedNmadd"));
    t.relaxed(0x107, SimpleOp.call(types("VVV"), V128, RELAXED_LANES, "f64x2RelaxedMadd"));
    t.relaxed(0x108, SimpleOp.call(types("VVV"), V128, RELAXED_LANES, "f64x2RelaxedNmadd"));
    // laneselect of every lane width: a bitwise select, whatever the mask's lanes hold
    for (int sub = 0x109; sub <= 0x10C; sub++) {
      t.relaxed(sub, SimpleOp.call(types("VVV"), V128, BITS, "v128Bitselect"));
    }
    t.relaxed(0x10D, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Min"));
    t.relaxed(0x10E, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Max"));
    t.relaxed(0x10F, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Min"));
    t.relaxed(0x110, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Max"));
    t.relaxed(0x111, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8Q15mulrSatS"));
    t.relaxed(0x112, SimpleOp.call(types("VV"), V128, RELAXED_LANES, "i16x8RelaxedDotI8x16I7x16S"));
    t.relaxed(
        0x113, SimpleOp.call(types("VVV"), V128, RELAXED_LANES, "i32x4RelaxedDotI8x16I7x16AddS"));
  }

  /** A load into one lane of the vector above its address, the lane as wide as {@code width}. */
  private static void loadLane(OpcodeTable t, OpCode op, Width width) {
    t.load(op, SimdHalves.loadLane(width), 2, width.bytes);
  }

  /** A store of one lane of the vector above its address. */
  private static void storeLane(OpcodeTable t, OpCode op, Width width) {
    t.store(op, SimdHalves.storeLane(width), width.bytes);
  }

  /** A load through the runtime's {@code helper}, reading {@code bytes} at its address. */
  private static void load(OpcodeTable t, OpCode op, String helper, int bytes) {
    t.load(op, SimdHalves.load(helper), 1, bytes);
  }

  private static void extract(OpcodeTable t, OpCode op, String helper, ValueType result) {
    t.row(op, SimdHalves.extractLane(helper, result), fixed(1), fixed(1));
  }

  private static void replace(OpcodeTable t, OpCode op, ValueType scalar, int laneBits) {
    t.row(op, SimdHalves.replaceLane(scalar, laneBits), fixed(2), fixed(1));
  }

  /**
   * A lane operation: in halves where the runtime has the forms for it (see {@link SimdHalves}).
   */
  /**
   * A 32-bit lane-wise operation computed in lanes (see {@link SimdLanes#binary}), on halves
   * through the runtime's {@code owner.name} where it is not.
   */
  private static void inLanes(
      OpcodeTable t,
      OpCode op,
      ValueType lane,
      int jvmOpcode,
      boolean always,
      String owner,
      String name) {
    Emitter onHalves = SimdHalves.lanes(types("VV"), V128, owner, name);
    t.row(op, SimdLanes.binary(lane, jvmOpcode, always, onHalves), fixed(2), fixed(1));
  }

  private static void lanes(
      OpcodeTable t, OpCode op, ValueType[] in, ValueType out, String owner, String name) {
    t.row(op, SimdHalves.lanes(in, out, owner, name), fixed(in.length), fixed(out == null ? 0 : 1));
  }

  /**
   * A widening of bytes to 16-bit lanes, kept uncomputed for an {@code i32x4} widening that
   * consumes it ({@link ByteWidening}), else on halves through the runtime's {@code name}.
   */
  private static void extendBytes(
      OpcodeTable t, OpCode op, boolean high, boolean signed, String name) {
    Emitter onHalves = SimdHalves.lanes(types("V"), V128, INT_LANES, name);
    t.row(op, ByteWidening.extend(high, signed, onHalves), fixed(1), fixed(1));
  }

  /**
   * A widening of 16-bit lanes to 32 ({@link SimdLanes#widen16}): into {@code int} lanes for a
   * consumer that computes in them, else on halves through the runtime's {@code name}.
   */
  private static void widen16(
      OpcodeTable t,
      OpCode op,
      int operands,
      boolean pairwise,
      boolean high,
      boolean signed,
      String name) {
    Emitter onHalves =
        SimdHalves.lanes(operands == 2 ? types("VV") : types("V"), V128, INT_LANES, name);
    t.row(
        op,
        SimdLanes.widen16(operands, pairwise, high, signed, onHalves),
        fixed(operands),
        fixed(1));
  }

  /** A splat whose result is marked as one (see {@link SimdSplats}). */
  private static void splat(OpcodeTable t, OpCode op, String name) {
    Emitter inner = SimdHalves.lanes(types("I"), V128, BITS, name);
    t.row(op, SimdSplats.marking(inner), fixed(1), fixed(1));
  }

  /** Operand types from letters: V for v128, I, L, F, D for i32, i64, f32, f64. */
  private static ValueType[] types(String letters) {
    ValueType[] out = new ValueType[letters.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch (letters.charAt(i)) {
            case 'V' -> V128;
            case 'I' -> I32;
            case 'L' -> I64;
            case 'F' -> F32;
            case 'D' -> F64;
            default -> throw new IllegalArgumentException(letters);
          };
    }
    return out;
  }
}
