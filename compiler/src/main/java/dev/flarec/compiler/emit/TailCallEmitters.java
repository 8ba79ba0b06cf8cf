package dev.flarec.compiler.emit;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;

/**
 * {@code return_call}, {@code return_call_indirect} and {@code return_call_ref}. A function calling
 * itself, in a method that is the whole function, jumps to its own entry; every other tail call
 * hands its callee and arguments to a helper that makes the call pending (or, for a function of
 * another instance, makes it), and the function returns what the helper returns, so that its
 * trampoline runs the pending call from a frame that does not grow (see {@link TailCalls}). In a
 * run of a split function, the return is a branch to the function frame like {@code return}.
 */
final class TailCallEmitters {
  private TailCallEmitters() {}

  static Emitter returnCall() {
    return (f, ins) -> {
      int callee = (int) ins.operand(0);
      if (callee == f.functionIndex() && f.canJumpToSelf()) {
        f.selfTailCall();
        return;
      }
      FunctionType t = f.module().functionType(callee);
      if (t.isWide()) {
        f.boxTop(t.params().size());
      }
      f.module().tailCalls.directCall(callee);
      f.loadInstance();
      f.invokeOwn(
          TailCalls.directHelper(callee), JvmTypes.methodDescriptor(t, f.module().instanceDesc));
      returnWhatCameBack(f, t);
    };
  }

  static Emitter returnCallIndirect() {
    return (f, ins) -> {
      int typeIndex = (int) ins.operand(0);
      int tableIndex = (int) ins.operand(1);
      FunctionType t = f.module().type(typeIndex);
      if (f.module().descriptor.tables().get(tableIndex).is64()) {
        // table64: the i64 index as the int the helper takes, as call_indirect does
        f.mv()
            .visitMethodInsn(
                org.objectweb.asm.Opcodes.INVOKESTATIC, RuntimeNames.TABLE, "index", "(J)I", false);
      }
      boxBelowOperand(f, t, ValueType.I32);
      f.module().tailCalls.indirectCall(typeIndex, tableIndex);
      f.loadInstance();
      f.invokeOwn(
          TailCalls.indirectHelper(typeIndex, tableIndex),
          JvmTypes.methodDescriptor(t, "I", f.module().instanceDesc));
      returnWhatCameBack(f, t);
    };
  }

  static Emitter returnCallRef() {
    return (f, ins) -> {
      int typeIndex = (int) ins.operand(0);
      FunctionType t = f.module().type(typeIndex);
      boxBelowOperand(f, t, ValueType.FUNCREF);
      f.module().tailCalls.refCall(typeIndex);
      f.loadInstance();
      f.invokeOwn(
          TailCalls.refHelper(typeIndex),
          JvmTypes.methodDescriptor(t, RuntimeNames.OBJECT_DESC, f.module().instanceDesc));
      returnWhatCameBack(f, t);
    };
  }

  /**
   * Pops the callee operand (a table element index or a reference) from the tracked stack, boxing
   * the arguments under it first when the callee's type is wide.
   */
  static void boxBelowOperand(EmitContext f, FunctionType t, ValueType operand) {
    if (t.isWide()) {
      int slot = f.acquireScratch(operand);
      f.mv().visitVarInsn(JvmTypes.storeOpcode(operand), slot);
      f.pop();
      f.boxTop(t.params().size());
      f.mv().visitVarInsn(JvmTypes.loadOpcode(operand), slot);
      f.releaseScratch(operand, slot);
    } else {
      f.pop();
    }
  }

  /** The helper returned the callee's results (zeros when the call is pending): return them. */
  private static void returnWhatCameBack(EmitContext f, FunctionType t) {
    for (int i = t.isWide() ? t.params().size() : 0; i < t.params().size(); i++) {
      f.pop();
    }
    if (t.results().size() == 1) {
      f.push(t.results().get(0));
    } else if (t.results().size() > 1) {
      f.unboxResults(t.results());
    }
    f.emitReturn();
    f.markUnreachable();
  }
}
