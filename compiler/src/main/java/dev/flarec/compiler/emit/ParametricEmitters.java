package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.runtime.types.ValueType;
import org.objectweb.asm.Label;

/** {@code drop} and {@code select} (typed or not). */
final class ParametricEmitters {
  private ParametricEmitters() {}

  static Emitter drop() {
    return (f, ins) -> f.discard(f.pop());
  }

  /** {@code select}: {@code [a, b, c] -> c != 0 ? a : b}. */
  static Emitter select() {
    return (f, ins) -> {
      f.pop(); // condition
      pick(f, Condition.NONZERO);
    };
  }

  /**
   * The choice of a {@code select} whose condition is {@code c}: the two values are below what
   * {@code c} tests on the JVM stack (an i32 for a plain {@code select}, a comparison's operands
   * when the comparison is fused into it: see {@link EmitContext#condition}).
   */
  static void pick(EmitContext f, Condition c) {
    ValueType t = f.pop();
    f.pop();
    Label pickB = new Label();
    Label done = new Label();
    c.jump(f.mv(), pickB, false);
    f.discard(t);
    f.mv().visitJumpInsn(GOTO, done);
    f.mv().visitLabel(pickB);
    if (t.slots() == 2) {
      f.mv().visitInsn(DUP2_X2);
      f.mv().visitInsn(POP2);
      f.mv().visitInsn(POP2);
    } else {
      f.mv().visitInsn(SWAP);
      f.mv().visitInsn(POP);
    }
    f.mv().visitLabel(done);
    f.push(t);
  }
}
