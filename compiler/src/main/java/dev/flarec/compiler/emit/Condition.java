package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * A comparison not yet turned into an i32: the instructions that compute it and the JVM jump taken
 * when it holds. Comparisons feeding {@code br_if}, {@code if} or {@code select} become one JVM
 * compare-and-branch instead of 0/1 followed by a test (see
 * docs/RATIONALE.md#why-fuse-compare-and-branch).
 *
 * @param prefix a compare instruction to run first ({@code LCMP}, {@code FCMPL}, ...), or -1
 * @param jumpIfTrue the conditional jump taken when the comparison holds ({@code IFEQ}, {@code
 *     IF_ICMPLT}, ...)
 */
record Condition(int prefix, int jumpIfTrue) {
  /** An i32 already on the stack, true when non-zero. */
  static final Condition NONZERO = new Condition(-1, IFNE);

  /** Emits the test, jumping to {@code label} when the condition is {@code when}. */
  void jump(MethodVisitor mv, Label label, boolean when) {
    if (prefix >= 0) {
      mv.visitInsn(prefix);
    }
    mv.visitJumpInsn(when ? jumpIfTrue : negate(jumpIfTrue), label);
  }

  /** Leaves 1 or 0 on the stack. */
  void materialize(MethodVisitor mv) {
    Label isTrue = new Label();
    Label done = new Label();
    jump(mv, isTrue, true);
    mv.visitInsn(ICONST_0);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(isTrue);
    mv.visitInsn(ICONST_1);
    mv.visitLabel(done);
  }

  private static int negate(int jump) {
    return switch (jump) {
      case IFEQ -> IFNE;
      case IFNE -> IFEQ;
      case IFLT -> IFGE;
      case IFGE -> IFLT;
      case IFGT -> IFLE;
      case IFLE -> IFGT;
      case IF_ICMPEQ -> IF_ICMPNE;
      case IF_ICMPNE -> IF_ICMPEQ;
      case IF_ICMPLT -> IF_ICMPGE;
      case IF_ICMPGE -> IF_ICMPLT;
      case IF_ICMPGT -> IF_ICMPLE;
      case IF_ICMPLE -> IF_ICMPGT;
      case IF_ACMPEQ -> IF_ACMPNE;
      case IF_ACMPNE -> IF_ACMPEQ;
      case IFNULL -> IFNONNULL;
      case IFNONNULL -> IFNULL;
      default -> throw new IllegalArgumentException("not a conditional jump: " + jump);
    };
  }
}
