package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import org.objectweb.asm.Label;

/**
 * Typed function references: {@code call_ref}, {@code ref.as_non_null}, {@code br_on_null} and
 * {@code br_on_non_null}. A typed reference is the same {@code FunctionRef} (or null) as a funcref:
 * validation proved its type, so what is left at run time is the null checks.
 */
final class TypedReferenceEmitters {
  private TypedReferenceEmitters() {}

  /** {@code call_ref $t}: the null check, then the reference's handle, invoked exactly. */
  static Emitter callRef() {
    return (f, ins) -> {
      FunctionType t = f.module().type((int) ins.operand(0));
      int ref = f.acquireScratch(ValueType.FUNCREF);
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.FUNCTION_REFS,
              "forCall",
              "(Ljava/lang/Object;)L" + RuntimeNames.FUNCTION_REF + ";",
              false);
      f.mv().visitVarInsn(ASTORE, ref);
      f.pop();
      if (t.isWide()) {
        f.boxTop(t.params().size());
      }
      int[] args = t.isWide() ? new int[0] : f.spill(t.params().size());
      f.mv().visitVarInsn(ALOAD, ref);
      f.releaseScratch(ValueType.FUNCREF, ref);
      f.mv()
          .visitMethodInsn(
              INVOKEVIRTUAL,
              RuntimeNames.FUNCTION_REF,
              "handle",
              "()L" + RuntimeNames.METHOD_HANDLE + ";",
              false);
      if (t.isWide()) {
        f.mv().visitInsn(SWAP);
      } else {
        f.reload(args);
      }
      f.mv()
          .visitMethodInsn(
              INVOKEVIRTUAL,
              RuntimeNames.METHOD_HANDLE,
              "invokeExact",
              JvmTypes.methodDescriptor(t),
              false);
      f.refreshMemoryArray();
      for (int i = t.isWide() ? t.params().size() : 0; i < t.params().size(); i++) {
        f.pop();
      }
      if (t.results().size() == 1) {
        f.push(t.results().get(0));
      } else if (t.results().size() > 1) {
        f.unboxResults(t.results());
      }
    };
  }

  static Emitter refAsNonNull() {
    return (f, ins) ->
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.FUNCTION_REFS,
                "nonNull",
                "(Ljava/lang/Object;)Ljava/lang/Object;",
                false);
  }

  /**
   * {@code br_on_null l}: a null is dropped and branches; anything else stays and falls through.
   */
  static Emitter brOnNull() {
    return (f, ins) -> {
      Label nonNull = new Label();
      f.mv().visitInsn(DUP);
      f.mv().visitJumpInsn(IFNONNULL, nonNull);
      f.mv().visitInsn(POP);
      ValueType ref = f.pop();
      f.jumpTo((int) ins.operand(0));
      f.mv().visitLabel(nonNull);
      f.push(ref);
    };
  }

  /**
   * {@code br_on_non_null l}: a reference branches with it; a null is dropped and falls through.
   */
  static Emitter brOnNonNull() {
    return (f, ins) -> {
      Label isNull = new Label();
      f.mv().visitInsn(DUP);
      f.mv().visitJumpInsn(IFNULL, isNull);
      f.jumpTo((int) ins.operand(0));
      f.mv().visitLabel(isNull);
      f.mv().visitInsn(POP);
      f.pop();
    };
  }
}
