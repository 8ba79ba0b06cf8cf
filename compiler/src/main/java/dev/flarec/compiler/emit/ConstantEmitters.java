package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.runtime.types.ValueType;

/**
 * {@code i32.const}, {@code i64.const}, {@code f32.const}, {@code f64.const}. Float constants are
 * carried as raw bits from the parser to the constant pool, so NaN payloads survive.
 */
final class ConstantEmitters {
  private ConstantEmitters() {}

  static TopOnlyEmitter i32() {
    return (f, ins) -> {
      f.pushInt((int) ins.operand(0));
      f.push(ValueType.I32);
    };
  }

  static TopOnlyEmitter i64() {
    return (f, ins) -> {
      long v = ins.operand(0);
      if (v == 0 || v == 1) {
        f.mv().visitInsn(LCONST_0 + (int) v);
      } else {
        f.mv().visitLdcInsn(v);
      }
      f.push(ValueType.I64);
    };
  }

  static TopOnlyEmitter f32() {
    return (f, ins) -> {
      int bits = (int) ins.operand(0);
      if (bits == 0) {
        f.mv().visitInsn(FCONST_0);
      } else if (bits == Float.floatToRawIntBits(1.0f)) {
        f.mv().visitInsn(FCONST_1);
      } else if (bits == Float.floatToRawIntBits(2.0f)) {
        f.mv().visitInsn(FCONST_2);
      } else {
        f.mv().visitLdcInsn(Float.intBitsToFloat(bits));
      }
      f.push(ValueType.F32);
    };
  }

  static TopOnlyEmitter f64() {
    return (f, ins) -> {
      long bits = ins.operand(0);
      if (bits == 0) {
        f.mv().visitInsn(DCONST_0);
      } else if (bits == Double.doubleToRawLongBits(1.0)) {
        f.mv().visitInsn(DCONST_1);
      } else {
        f.mv().visitLdcInsn(Double.longBitsToDouble(bits));
      }
      f.push(ValueType.F64);
    };
  }
}
