package dev.flarec.compiler.emit;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.compiler.layout.NamingScheme;
import dev.flarec.runtime.types.FunctionType;

/**
 * {@code call} and {@code call_indirect}. Every call is an {@code invokestatic} with the callee's
 * exact JVM types and the instance appended: to the callee's own method, or to a small bridge of
 * the generated class for imports and indirect calls (see {@code ClassEmitter}), which C2 inlines.
 * Nothing is boxed except the results of multi-value functions.
 */
final class CallEmitters {
  private CallEmitters() {}

  static Emitter call() {
    return (f, ins) -> {
      int callee = (int) ins.operand(0);
      FunctionType t = f.module().functionType(callee);
      if (t.isWide()) {
        f.boxTop(t.params().size());
      }
      f.loadInstance();
      f.mv()
          .visitMethodInsn(
              org.objectweb.asm.Opcodes.INVOKESTATIC,
              f.module().callOwner(callee),
              f.module().callTarget(callee),
              JvmTypes.methodDescriptor(t, f.module().instanceDesc),
              false);
      afterCall(f, t, f.module().mayGrowMemory(callee));
    };
  }

  static Emitter callIndirect() {
    return (f, ins) -> {
      int typeIndex = (int) ins.operand(0);
      int tableIndex = (int) ins.operand(1);
      FunctionType t = f.module().type(typeIndex);
      if (f.module().descriptor.tables().get(tableIndex).is64()) {
        // table64: the i64 index as the int the bridge takes (Table.index saturates)
        f.mv()
            .visitMethodInsn(
                org.objectweb.asm.Opcodes.INVOKESTATIC, RuntimeNames.TABLE, "index", "(J)I", false);
      }
      if (t.isWide()) {
        int index = f.acquireScratch(dev.flarec.runtime.types.ValueType.I32);
        f.mv().visitVarInsn(org.objectweb.asm.Opcodes.ISTORE, index);
        f.pop();
        f.boxTop(t.params().size());
        f.mv().visitVarInsn(org.objectweb.asm.Opcodes.ILOAD, index);
        f.releaseScratch(dev.flarec.runtime.types.ValueType.I32, index);
      } else {
        f.pop(); // element index
      }
      f.module().indirectCalls.add(((long) typeIndex << 32) | tableIndex);
      f.loadInstance();
      f.invokeOwn(
          NamingScheme.indirectBridge(typeIndex, tableIndex),
          JvmTypes.methodDescriptor(t, "I", f.module().instanceDesc));
      afterCall(f, t, true);
    };
  }

  private static void afterCall(EmitContext f, FunctionType t, boolean mayGrowMemory) {
    if (mayGrowMemory) {
      // the callee may have grown the memory, which replaces its array
      f.refreshMemoryArray();
    }
    // a wide call's arguments were already boxed (and popped) by boxTop
    for (int i = t.isWide() ? t.params().size() : 0; i < t.params().size(); i++) {
      f.pop();
    }
    if (t.results().size() == 1) {
      f.push(t.results().get(0));
    } else if (t.results().size() > 1) {
      f.unboxResults(t.results());
    }
  }
}
