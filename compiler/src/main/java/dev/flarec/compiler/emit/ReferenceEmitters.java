package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.runtime.types.ValueType;

/** {@code ref.null}, {@code ref.is_null}, {@code ref.func}. */
final class ReferenceEmitters {
  private ReferenceEmitters() {}

  static Emitter refNull() {
    return (f, ins) -> {
      f.mv().visitInsn(ACONST_NULL);
      // heap type operand: -17 (0x6F) extern and -14 (0x72) noextern, -23 (0x69) exn and -12
      // (0x74) noexn; anything else is a function
      long heapType = ins.operand(0);
      f.push(
          heapType == -17 || heapType == -14
              ? ValueType.EXTERNREF
              : heapType == -23 || heapType == -12 ? ValueType.EXNREF : ValueType.FUNCREF);
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
      f.mv()
          .visitMethodInsn(
              INVOKEVIRTUAL,
              RuntimeNames.INSTANCE,
              "functionRef",
              "(I)L" + RuntimeNames.FUNCTION_REF + ";",
              false);
      f.push(ValueType.FUNCREF);
    };
  }
}
