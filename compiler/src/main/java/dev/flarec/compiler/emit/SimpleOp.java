package dev.flarec.compiler.emit;

import dev.flarec.runtime.types.ValueType;
import java.util.function.Consumer;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.types.AnnotatedInstruction;

/**
 * An instruction that pops fixed operand types, runs straight-line JVM code and pushes at most one
 * result: most numeric instructions are one of these.
 */
record SimpleOp(ValueType[] in, ValueType out, Consumer<MethodVisitor> code)
    implements TopOnlyEmitter {
  @Override
  public void emit(EmitContext f, AnnotatedInstruction ins) {
    for (int i = 0; i < in.length; i++) {
      f.pop();
    }
    code.accept(f.mv());
    if (out != null) {
      f.push(out);
    }
  }

  /** A JVM instruction sequence from {@code in} to {@code out}. */
  static SimpleOp insns(ValueType[] in, ValueType out, int... opcodes) {
    return new SimpleOp(
        in,
        out,
        mv -> {
          for (int op : opcodes) {
            mv.visitInsn(op);
          }
        });
  }

  /** A call to a static helper of the runtime or the JDK. */
  static SimpleOp call(ValueType[] in, ValueType out, String owner, String name) {
    StringBuilder desc = new StringBuilder("(");
    for (ValueType t : in) {
      desc.append(t.descriptor());
    }
    desc.append(')').append(out == null ? "V" : out.descriptor());
    String d = desc.toString();
    return new SimpleOp(
        in,
        out,
        mv -> mv.visitMethodInsn(org.objectweb.asm.Opcodes.INVOKESTATIC, owner, name, d, false));
  }
}
