package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.MethodVisitor;

/** Constants in the fewest bytes of bytecode. */
final class JvmConstants {
  private JvmConstants() {}

  /** {@code iconst_n}, {@code bipush}, {@code sipush} or {@code ldc}, whichever is shortest. */
  static void pushInt(MethodVisitor mv, int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(SIPUSH, v);
    } else {
      mv.visitLdcInsn(v);
    }
  }
}
