package dev.flarec.compiler.emit;

import static dev.flarec.compiler.emit.OpcodeRow.Arity.fixed;
import static dev.flarec.runtime.types.ValueType.F32;
import static dev.flarec.runtime.types.ValueType.F64;
import static dev.flarec.runtime.types.ValueType.I32;
import static dev.flarec.runtime.types.ValueType.I64;
import static dev.flarec.runtime.types.ValueType.V128;

import dev.flarec.compiler.emit.OpcodeRow.Trait;
import dev.flarec.runtime.types.ValueType;
import run.endive.wasm.types.OpCode;

/**
 * The rows of the {@link OpcodeTable} for the SIMD instructions of WebAssembly 2.0 (§4.4.3 vector
 * instructions): the ones with immediates through {@link SimdEmitters}, every other one a static
 * call of the runtime's {@code simd} package ({@code V128Bits}, {@code IntLanes}, {@code
 * FloatLanes}) whose signature is its stack effect.
 */
final class SimdRows {
  private static final String INT_LANES = RuntimeNames.SIMD + "IntLanes";
  private static final String FLOAT_LANES = RuntimeNames.SIMD + "FloatLanes";
  private static final String BITS = SimdEmitters.BITS;
  private static final String RELAXED_LANES = RuntimeNames.SIMD + "RelaxedLanes";

  private SimdRows() {}

  static void addTo(OpcodeTable t) {
    // ---- memory ----
    load(t, OpCode.V128_LOAD, "load");
    load(t, OpCode.V128_LOAD8x8_S, "load8x8S");
    load(t, OpCode.V128_LOAD8x8_U, "load8x8U");
    load(t, OpCode.V128_LOAD16x4_S, "load16x4S");
    load(t, OpCode.V128_LOAD16x4_U, "load16x4U");
    load(t, OpCode.V128_LOAD32x2_S, "load32x2S");
    load(t, OpCode.V128_LOAD32x2_U, "load32x2U");
    load(t, OpCode.V128_LOAD8_SPLAT, "load8Splat");
    load(t, OpCode.V128_LOAD16_SPLAT, "load16Splat");
    load(t, OpCode.V128_LOAD32_SPLAT, "load32Splat");
    load(t, OpCode.V128_LOAD64_SPLAT, "load64Splat");
    load(t, OpCode.V128_LOAD32_ZERO, "load32Zero");
    load(t, OpCode.V128_LOAD64_ZERO, "load64Zero");
    t.row(
        OpCode.V128_LOAD8_LANE,
        SimdEmitters.loadLane("load8Lane"),
        fixed(2),
        fixed(1),
        Trait.READS_MEMORY);
    t.row(
        OpCode.V128_LOAD16_LANE,
        SimdEmitters.loadLane("load16Lane"),
        fixed(2),
        fixed(1),
        Trait.READS_MEMORY);
    t.row(
        OpCode.V128_LOAD32_LANE,
        SimdEmitters.loadLane("load32Lane"),
        fixed(2),
        fixed(1),
        Trait.READS_MEMORY);
    t.row(
        OpCode.V128_LOAD64_LANE,
        SimdEmitters.loadLane("load64Lane"),
        fixed(2),
        fixed(1),
        Trait.READS_MEMORY);
    t.row(OpCode.V128_STORE, SimdEmitters.store(), fixed(2), fixed(0), Trait.WRITES_MEMORY);
    t.row(
        OpCode.V128_STORE8_LANE,
        SimdEmitters.storeLane("store8Lane"),
        fixed(2),
        fixed(0),
        Trait.WRITES_MEMORY);
    t.row(
        OpCode.V128_STORE16_LANE,
        SimdEmitters.storeLane("store16Lane"),
        fixed(2),
        fixed(0),
        Trait.WRITES_MEMORY);
    t.row(
        OpCode.V128_STORE32_LANE,
        SimdEmitters.storeLane("store32Lane"),
        fixed(2),
        fixed(0),
        Trait.WRITES_MEMORY);
    t.row(
        OpCode.V128_STORE64_LANE,
        SimdEmitters.storeLane("store64Lane"),
        fixed(2),
        fixed(0),
        Trait.WRITES_MEMORY);

    // ---- immediates ----
    t.row(OpCode.V128_CONST, SimdEmitters.constant(), fixed(0), fixed(1));
    t.row(OpCode.I8x16_SHUFFLE, SimdEmitters.shuffle(), fixed(2), fixed(1));
    extract(t, OpCode.I8x16_EXTRACT_LANE_S, "i8x16ExtractLaneS", I32);
    extract(t, OpCode.I8x16_EXTRACT_LANE_U, "i8x16ExtractLaneU", I32);
    extract(t, OpCode.I16x8_EXTRACT_LANE_S, "i16x8ExtractLaneS", I32);
    extract(t, OpCode.I16x8_EXTRACT_LANE_U, "i16x8ExtractLaneU", I32);
    extract(t, OpCode.I32x4_EXTRACT_LANE, "i32x4ExtractLane", I32);
    extract(t, OpCode.I64x2_EXTRACT_LANE, "i64x2ExtractLane", I64);
    extract(t, OpCode.F32x4_EXTRACT_LANE, "f32x4ExtractLane", F32);
    extract(t, OpCode.F64x2_EXTRACT_LANE, "f64x2ExtractLane", F64);
    replace(t, OpCode.I8x16_REPLACE_LANE, "i8x16ReplaceLane", I32);
    replace(t, OpCode.I16x8_REPLACE_LANE, "i16x8ReplaceLane", I32);
    replace(t, OpCode.I32x4_REPLACE_LANE, "i32x4ReplaceLane", I32);
    replace(t, OpCode.I64x2_REPLACE_LANE, "i64x2ReplaceLane", I64);
    replace(t, OpCode.F32x4_REPLACE_LANE, "f32x4ReplaceLane", F32);
    replace(t, OpCode.F64x2_REPLACE_LANE, "f64x2ReplaceLane", F64);

    // ---- lane-wise operations: data ----
    t.simple(OpCode.I8x16_EQ, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16Eq"));
    t.simple(OpCode.I8x16_NE, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16Ne"));
    t.simple(OpCode.I8x16_LT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16LtS"));
    t.simple(OpCode.I8x16_LT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16LtU"));
    t.simple(OpCode.I8x16_GT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16GtS"));
    t.simple(OpCode.I8x16_GT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16GtU"));
    t.simple(OpCode.I8x16_LE_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16LeS"));
    t.simple(OpCode.I8x16_LE_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16LeU"));
    t.simple(OpCode.I8x16_GE_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16GeS"));
    t.simple(OpCode.I8x16_GE_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16GeU"));
    t.simple(OpCode.I8x16_ABS, SimpleOp.call(types("V"), V128, INT_LANES, "i8x16Abs"));
    t.simple(OpCode.I8x16_NEG, SimpleOp.call(types("V"), V128, INT_LANES, "i8x16Neg"));
    t.simple(OpCode.I8x16_ADD, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16Add"));
    t.simple(OpCode.I8x16_SUB, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16Sub"));
    t.simple(OpCode.I8x16_SHL, SimpleOp.call(types("VI"), V128, INT_LANES, "i8x16Shl"));
    t.simple(OpCode.I8x16_SHR_S, SimpleOp.call(types("VI"), V128, INT_LANES, "i8x16ShrS"));
    t.simple(OpCode.I8x16_SHR_U, SimpleOp.call(types("VI"), V128, INT_LANES, "i8x16ShrU"));
    t.simple(OpCode.I8x16_ADD_SAT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16AddSatS"));
    t.simple(OpCode.I8x16_ADD_SAT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16AddSatU"));
    t.simple(OpCode.I8x16_SUB_SAT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16SubSatS"));
    t.simple(OpCode.I8x16_SUB_SAT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16SubSatU"));
    t.simple(OpCode.I8x16_AVGR_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16AvgrU"));
    t.simple(OpCode.I8x16_MIN_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16MinS"));
    t.simple(OpCode.I8x16_MIN_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16MinU"));
    t.simple(OpCode.I8x16_MAX_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16MaxS"));
    t.simple(OpCode.I8x16_MAX_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16MaxU"));
    t.simple(OpCode.I8x16_ALL_TRUE, SimpleOp.call(types("V"), I32, INT_LANES, "i8x16AllTrue"));
    t.simple(OpCode.I8x16_BITMASK, SimpleOp.call(types("V"), I32, INT_LANES, "i8x16Bitmask"));
    t.simple(OpCode.I16x8_EQ, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8Eq"));
    t.simple(OpCode.I16x8_NE, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8Ne"));
    t.simple(OpCode.I16x8_LT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8LtS"));
    t.simple(OpCode.I16x8_LT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8LtU"));
    t.simple(OpCode.I16x8_GT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8GtS"));
    t.simple(OpCode.I16x8_GT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8GtU"));
    t.simple(OpCode.I16x8_LE_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8LeS"));
    t.simple(OpCode.I16x8_LE_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8LeU"));
    t.simple(OpCode.I16x8_GE_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8GeS"));
    t.simple(OpCode.I16x8_GE_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8GeU"));
    t.simple(OpCode.I16x8_ABS, SimpleOp.call(types("V"), V128, INT_LANES, "i16x8Abs"));
    t.simple(OpCode.I16x8_NEG, SimpleOp.call(types("V"), V128, INT_LANES, "i16x8Neg"));
    t.simple(OpCode.I16x8_ADD, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8Add"));
    t.simple(OpCode.I16x8_SUB, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8Sub"));
    t.simple(OpCode.I16x8_SHL, SimpleOp.call(types("VI"), V128, INT_LANES, "i16x8Shl"));
    t.simple(OpCode.I16x8_SHR_S, SimpleOp.call(types("VI"), V128, INT_LANES, "i16x8ShrS"));
    t.simple(OpCode.I16x8_SHR_U, SimpleOp.call(types("VI"), V128, INT_LANES, "i16x8ShrU"));
    t.simple(OpCode.I16x8_MUL, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8Mul"));
    t.simple(OpCode.I16x8_ADD_SAT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8AddSatS"));
    t.simple(OpCode.I16x8_ADD_SAT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8AddSatU"));
    t.simple(OpCode.I16x8_SUB_SAT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8SubSatS"));
    t.simple(OpCode.I16x8_SUB_SAT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8SubSatU"));
    t.simple(OpCode.I16x8_AVGR_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8AvgrU"));
    t.simple(OpCode.I16x8_MIN_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8MinS"));
    t.simple(OpCode.I16x8_MIN_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8MinU"));
    t.simple(OpCode.I16x8_MAX_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8MaxS"));
    t.simple(OpCode.I16x8_MAX_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8MaxU"));
    t.simple(OpCode.I16x8_ALL_TRUE, SimpleOp.call(types("V"), I32, INT_LANES, "i16x8AllTrue"));
    t.simple(OpCode.I16x8_BITMASK, SimpleOp.call(types("V"), I32, INT_LANES, "i16x8Bitmask"));
    t.simple(OpCode.I32x4_EQ, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4Eq"));
    t.simple(OpCode.I32x4_NE, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4Ne"));
    t.simple(OpCode.I32x4_LT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4LtS"));
    t.simple(OpCode.I32x4_LT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4LtU"));
    t.simple(OpCode.I32x4_GT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4GtS"));
    t.simple(OpCode.I32x4_GT_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4GtU"));
    t.simple(OpCode.I32x4_LE_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4LeS"));
    t.simple(OpCode.I32x4_LE_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4LeU"));
    t.simple(OpCode.I32x4_GE_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4GeS"));
    t.simple(OpCode.I32x4_GE_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4GeU"));
    t.simple(OpCode.I32x4_ABS, SimpleOp.call(types("V"), V128, INT_LANES, "i32x4Abs"));
    t.simple(OpCode.I32x4_NEG, SimpleOp.call(types("V"), V128, INT_LANES, "i32x4Neg"));
    t.simple(OpCode.I32x4_ADD, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4Add"));
    t.simple(OpCode.I32x4_SUB, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4Sub"));
    t.simple(OpCode.I32x4_SHL, SimpleOp.call(types("VI"), V128, INT_LANES, "i32x4Shl"));
    t.simple(OpCode.I32x4_SHR_S, SimpleOp.call(types("VI"), V128, INT_LANES, "i32x4ShrS"));
    t.simple(OpCode.I32x4_SHR_U, SimpleOp.call(types("VI"), V128, INT_LANES, "i32x4ShrU"));
    t.simple(OpCode.I32x4_MUL, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4Mul"));
    t.simple(OpCode.I32x4_MIN_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4MinS"));
    t.simple(OpCode.I32x4_MIN_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4MinU"));
    t.simple(OpCode.I32x4_MAX_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4MaxS"));
    t.simple(OpCode.I32x4_MAX_U, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4MaxU"));
    t.simple(OpCode.I32x4_ALL_TRUE, SimpleOp.call(types("V"), I32, INT_LANES, "i32x4AllTrue"));
    t.simple(OpCode.I32x4_BITMASK, SimpleOp.call(types("V"), I32, INT_LANES, "i32x4Bitmask"));
    t.simple(OpCode.I64x2_EQ, SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2Eq"));
    t.simple(OpCode.I64x2_NE, SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2Ne"));
    t.simple(OpCode.I64x2_LT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2LtS"));
    t.simple(OpCode.I64x2_GT_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2GtS"));
    t.simple(OpCode.I64x2_LE_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2LeS"));
    t.simple(OpCode.I64x2_GE_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2GeS"));
    t.simple(OpCode.I64x2_ABS, SimpleOp.call(types("V"), V128, INT_LANES, "i64x2Abs"));
    t.simple(OpCode.I64x2_NEG, SimpleOp.call(types("V"), V128, INT_LANES, "i64x2Neg"));
    t.simple(OpCode.I64x2_ADD, SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2Add"));
    t.simple(OpCode.I64x2_SUB, SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2Sub"));
    t.simple(OpCode.I64x2_SHL, SimpleOp.call(types("VI"), V128, INT_LANES, "i64x2Shl"));
    t.simple(OpCode.I64x2_SHR_S, SimpleOp.call(types("VI"), V128, INT_LANES, "i64x2ShrS"));
    t.simple(OpCode.I64x2_SHR_U, SimpleOp.call(types("VI"), V128, INT_LANES, "i64x2ShrU"));
    t.simple(OpCode.I64x2_MUL, SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2Mul"));
    t.simple(OpCode.I64x2_ALL_TRUE, SimpleOp.call(types("V"), I32, INT_LANES, "i64x2AllTrue"));
    t.simple(OpCode.I64x2_BITMASK, SimpleOp.call(types("V"), I32, INT_LANES, "i64x2Bitmask"));
    t.simple(OpCode.I8x16_POPCNT, SimpleOp.call(types("V"), V128, INT_LANES, "i8x16Popcnt"));
    t.simple(
        OpCode.I16x8_Q15MULR_SAT_S,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8Q15mulrSatS"));
    t.simple(
        OpCode.I8x16_NARROW_I16x8_S,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16NarrowI16x8S"));
    t.simple(
        OpCode.I8x16_NARROW_I16x8_U,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i8x16NarrowI16x8U"));
    t.simple(
        OpCode.I16x8_NARROW_I32x4_S,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8NarrowI32x4S"));
    t.simple(
        OpCode.I16x8_NARROW_I32x4_U,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8NarrowI32x4U"));
    t.simple(
        OpCode.I16x8_EXTEND_LOW_I8x16_S,
        SimpleOp.call(types("V"), V128, INT_LANES, "i16x8ExtendLowI8x16S"));
    t.simple(
        OpCode.I16x8_EXTMUL_LOW_I8x16_S,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8ExtmulLowI8x16S"));
    t.simple(
        OpCode.I16x8_EXTEND_LOW_I8x16_U,
        SimpleOp.call(types("V"), V128, INT_LANES, "i16x8ExtendLowI8x16U"));
    t.simple(
        OpCode.I16x8_EXTMUL_LOW_I8x16_U,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8ExtmulLowI8x16U"));
    t.simple(
        OpCode.I16x8_EXTEND_HIGH_I8x16_S,
        SimpleOp.call(types("V"), V128, INT_LANES, "i16x8ExtendHighI8x16S"));
    t.simple(
        OpCode.I16x8_EXTMUL_HIGH_I8x16_S,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8ExtmulHighI8x16S"));
    t.simple(
        OpCode.I16x8_EXTEND_HIGH_I8x16_U,
        SimpleOp.call(types("V"), V128, INT_LANES, "i16x8ExtendHighI8x16U"));
    t.simple(
        OpCode.I16x8_EXTMUL_HIGH_I8x16_U,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i16x8ExtmulHighI8x16U"));
    t.simple(
        OpCode.I32x4_EXTEND_LOW_I16x8_S,
        SimpleOp.call(types("V"), V128, INT_LANES, "i32x4ExtendLowI16x8S"));
    t.simple(
        OpCode.I32x4_EXTMUL_LOW_I16x8_S,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4ExtmulLowI16x8S"));
    t.simple(
        OpCode.I32x4_EXTEND_LOW_I16x8_U,
        SimpleOp.call(types("V"), V128, INT_LANES, "i32x4ExtendLowI16x8U"));
    t.simple(
        OpCode.I32x4_EXTMUL_LOW_I16x8_U,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4ExtmulLowI16x8U"));
    t.simple(
        OpCode.I32x4_EXTEND_HIGH_I16x8_S,
        SimpleOp.call(types("V"), V128, INT_LANES, "i32x4ExtendHighI16x8S"));
    t.simple(
        OpCode.I32x4_EXTMUL_HIGH_I16x8_S,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4ExtmulHighI16x8S"));
    t.simple(
        OpCode.I32x4_EXTEND_HIGH_I16x8_U,
        SimpleOp.call(types("V"), V128, INT_LANES, "i32x4ExtendHighI16x8U"));
    t.simple(
        OpCode.I32x4_EXTMUL_HIGH_I16x8_U,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4ExtmulHighI16x8U"));
    t.simple(
        OpCode.I64x2_EXTEND_LOW_I32x4_S,
        SimpleOp.call(types("V"), V128, INT_LANES, "i64x2ExtendLowI32x4S"));
    t.simple(
        OpCode.I64x2_EXTMUL_LOW_I32x4_S,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2ExtmulLowI32x4S"));
    t.simple(
        OpCode.I64x2_EXTEND_LOW_I32x4_U,
        SimpleOp.call(types("V"), V128, INT_LANES, "i64x2ExtendLowI32x4U"));
    t.simple(
        OpCode.I64x2_EXTMUL_LOW_I32x4_U,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2ExtmulLowI32x4U"));
    t.simple(
        OpCode.I64x2_EXTEND_HIGH_I32x4_S,
        SimpleOp.call(types("V"), V128, INT_LANES, "i64x2ExtendHighI32x4S"));
    t.simple(
        OpCode.I64x2_EXTMUL_HIGH_I32x4_S,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2ExtmulHighI32x4S"));
    t.simple(
        OpCode.I64x2_EXTEND_HIGH_I32x4_U,
        SimpleOp.call(types("V"), V128, INT_LANES, "i64x2ExtendHighI32x4U"));
    t.simple(
        OpCode.I64x2_EXTMUL_HIGH_I32x4_U,
        SimpleOp.call(types("VV"), V128, INT_LANES, "i64x2ExtmulHighI32x4U"));
    t.simple(
        OpCode.I16x8_EXTADD_PAIRWISE_I8x16_S,
        SimpleOp.call(types("V"), V128, INT_LANES, "i16x8ExtaddPairwiseI8x16S"));
    t.simple(
        OpCode.I16x8_EXTADD_PAIRWISE_I8x16_U,
        SimpleOp.call(types("V"), V128, INT_LANES, "i16x8ExtaddPairwiseI8x16U"));
    t.simple(
        OpCode.I32x4_EXTADD_PAIRWISE_I16x8_S,
        SimpleOp.call(types("V"), V128, INT_LANES, "i32x4ExtaddPairwiseI16x8S"));
    t.simple(
        OpCode.I32x4_EXTADD_PAIRWISE_I16x8_U,
        SimpleOp.call(types("V"), V128, INT_LANES, "i32x4ExtaddPairwiseI16x8U"));
    t.simple(
        OpCode.I32x4_DOT_I16x8_S, SimpleOp.call(types("VV"), V128, INT_LANES, "i32x4DotI16x8S"));
    t.simple(OpCode.F32x4_EQ, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Eq"));
    t.simple(OpCode.F32x4_NE, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Ne"));
    t.simple(OpCode.F32x4_LT, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Lt"));
    t.simple(OpCode.F32x4_GT, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Gt"));
    t.simple(OpCode.F32x4_LE, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Le"));
    t.simple(OpCode.F32x4_GE, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Ge"));
    t.simple(OpCode.F32x4_SQRT, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4Sqrt"));
    t.simple(OpCode.F32x4_CEIL, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4Ceil"));
    t.simple(OpCode.F32x4_FLOOR, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4Floor"));
    t.simple(OpCode.F32x4_TRUNC, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4Trunc"));
    t.simple(OpCode.F32x4_NEAREST, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4Nearest"));
    t.simple(OpCode.F32x4_ADD, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Add"));
    t.simple(OpCode.F32x4_SUB, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Sub"));
    t.simple(OpCode.F32x4_MUL, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Mul"));
    t.simple(OpCode.F32x4_DIV, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Div"));
    t.simple(OpCode.F32x4_MIN, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Min"));
    t.simple(OpCode.F32x4_MAX, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Max"));
    t.simple(OpCode.F32x4_PMIN, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Pmin"));
    t.simple(OpCode.F32x4_PMAX, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f32x4Pmax"));
    t.simple(OpCode.F64x2_EQ, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Eq"));
    t.simple(OpCode.F64x2_NE, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Ne"));
    t.simple(OpCode.F64x2_LT, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Lt"));
    t.simple(OpCode.F64x2_GT, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Gt"));
    t.simple(OpCode.F64x2_LE, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Le"));
    t.simple(OpCode.F64x2_GE, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Ge"));
    t.simple(OpCode.F64x2_SQRT, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2Sqrt"));
    t.simple(OpCode.F64x2_CEIL, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2Ceil"));
    t.simple(OpCode.F64x2_FLOOR, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2Floor"));
    t.simple(OpCode.F64x2_TRUNC, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2Trunc"));
    t.simple(OpCode.F64x2_NEAREST, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2Nearest"));
    t.simple(OpCode.F64x2_ADD, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Add"));
    t.simple(OpCode.F64x2_SUB, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Sub"));
    t.simple(OpCode.F64x2_MUL, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Mul"));
    t.simple(OpCode.F64x2_DIV, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Div"));
    t.simple(OpCode.F64x2_MIN, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Min"));
    t.simple(OpCode.F64x2_MAX, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Max"));
    t.simple(OpCode.F64x2_PMIN, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Pmin"));
    t.simple(OpCode.F64x2_PMAX, SimpleOp.call(types("VV"), V128, FLOAT_LANES, "f64x2Pmax"));
    t.simple(OpCode.F32x4_ABS, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4Abs"));
    t.simple(OpCode.F32x4_NEG, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4Neg"));
    t.simple(OpCode.F64x2_ABS, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2Abs"));
    t.simple(OpCode.F64x2_NEG, SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2Neg"));
    t.simple(
        OpCode.I32x4_TRUNC_SAT_F32X4_S,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "i32x4TruncSatF32x4S"));
    t.simple(
        OpCode.I32x4_TRUNC_SAT_F32X4_U,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "i32x4TruncSatF32x4U"));
    t.simple(
        OpCode.F32x4_CONVERT_I32x4_S,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4ConvertI32x4S"));
    t.simple(
        OpCode.F32x4_CONVERT_I32x4_U,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4ConvertI32x4U"));
    t.simple(
        OpCode.I32x4_TRUNC_SAT_F64x2_S_ZERO,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "i32x4TruncSatF64x2SZero"));
    t.simple(
        OpCode.I32x4_TRUNC_SAT_F64x2_U_ZERO,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "i32x4TruncSatF64x2UZero"));
    t.simple(
        OpCode.F64x2_CONVERT_LOW_I32x4_S,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2ConvertLowI32x4S"));
    t.simple(
        OpCode.F64x2_CONVERT_LOW_I32x4_U,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2ConvertLowI32x4U"));
    t.simple(
        OpCode.F32x4_DEMOTE_LOW_F64x2_ZERO,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "f32x4DemoteLowF64x2Zero"));
    t.simple(
        OpCode.F64x2_PROMOTE_LOW_F32x4,
        SimpleOp.call(types("V"), V128, FLOAT_LANES, "f64x2PromoteLowF32x4"));
    t.simple(OpCode.V128_NOT, SimpleOp.call(types("V"), V128, BITS, "v128Not"));
    t.simple(OpCode.V128_AND, SimpleOp.call(types("VV"), V128, BITS, "v128And"));
    t.simple(OpCode.V128_ANDNOT, SimpleOp.call(types("VV"), V128, BITS, "v128Andnot"));
    t.simple(OpCode.V128_OR, SimpleOp.call(types("VV"), V128, BITS, "v128Or"));
    t.simple(OpCode.V128_XOR, SimpleOp.call(types("VV"), V128, BITS, "v128Xor"));
    t.simple(OpCode.V128_BITSELECT, SimpleOp.call(types("VVV"), V128, BITS, "v128Bitselect"));
    t.simple(OpCode.V128_ANY_TRUE, SimpleOp.call(types("V"), I32, BITS, "v128AnyTrue"));
    t.simple(OpCode.I8x16_SWIZZLE, SimpleOp.call(types("VV"), V128, BITS, "i8x16Swizzle"));
    t.simple(OpCode.I8x16_SPLAT, SimpleOp.call(types("I"), V128, BITS, "i8x16Splat"));
    t.simple(OpCode.I16x8_SPLAT, SimpleOp.call(types("I"), V128, BITS, "i16x8Splat"));
    t.simple(OpCode.I32x4_SPLAT, SimpleOp.call(types("I"), V128, BITS, "i32x4Splat"));
    t.simple(OpCode.I64x2_SPLAT, SimpleOp.call(types("L"), V128, BITS, "i64x2Splat"));
    t.simple(OpCode.F32x4_SPLAT, SimpleOp.call(types("F"), V128, BITS, "f32x4Splat"));
    t.simple(OpCode.F64x2_SPLAT, SimpleOp.call(types("D"), V128, BITS, "f64x2Splat"));

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

  private static void load(OpcodeTable t, OpCode op, String helper) {
    t.row(op, SimdEmitters.load(helper), fixed(1), fixed(1), Trait.READS_MEMORY);
  }

  private static void extract(OpcodeTable t, OpCode op, String helper, ValueType result) {
    t.row(op, SimdEmitters.extractLane(helper, result), fixed(1), fixed(1));
  }

  private static void replace(OpcodeTable t, OpCode op, String helper, ValueType scalar) {
    t.row(op, SimdEmitters.replaceLane(helper, scalar), fixed(2), fixed(1));
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
