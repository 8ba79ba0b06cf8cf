package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.runtime.types.ValueType;

/** {@code ref.null}, {@code ref.is_null}, {@code ref.func}. */
final class ReferenceEmitters {
  private ReferenceEmitters() {}

  static Emitter refNull() {
    return (f, ins) -> {
      f.mv.visitInsn(ACONST_NULL);
      // heap type operand: -16 (0x70) funcref, -17 (0x6F) externref, -23 (0x69) exn
      long heapType = ins.operand(0);
      f.push(
          heapType == -17
              ? ValueType.EXTERNREF
              : heapType == -23 ? ValueType.EXNREF : ValueType.FUNCREF);
    };
  }

  static Emitter refIsNull() {
    return (f, ins) -> {
      f.pop();
      f.condition(new Condition(-1, IFNULL));
    };
  }

  static Emitter refFunc() {
    return (f, ins) -> {
      f.loadInstance();
      f.pushInt((int) ins.operand(0));
      f.mv.visitMethodInsn(
          INVOKEVIRTUAL,
          RuntimeNames.INSTANCE,
          "functionRef",
          "(I)L" + RuntimeNames.FUNCTION_REF + ";",
          false);
      f.push(ValueType.FUNCREF);
    };
  }
}
