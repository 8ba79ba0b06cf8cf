package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * A method visitor that only counts the bytes of code ASM would write (JVMS §6.5 instruction
 * lengths), optionally passing everything on. Used to measure functions before deciding how to
 * split them, and to check every emitted method against the budget.
 */
final class CodeSizeCounter extends MethodVisitor {
  private int size;

  CodeSizeCounter(MethodVisitor next) {
    super(ASM9, next);
  }

  int size() {
    return size;
  }

  @Override
  public void visitInsn(int opcode) {
    size += 1;
    super.visitInsn(opcode);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    size += opcode == SIPUSH ? 3 : 2;
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    size += varIndex < 4 ? 1 : varIndex < 256 ? 2 : 4;
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    size += 3;
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    size += 3;
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    size += opcode == INVOKEINTERFACE ? 5 : 3;
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
    size += 5;
    super.visitInvokeDynamicInsn(name, descriptor, bsm, args);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    size += 3;
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    size += 3; // ldc_w or ldc2_w: the worst case, as the constant pool index is not known here
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    size += varIndex < 256 && increment >= -128 && increment <= 127 ? 3 : 6;
    super.visitIincInsn(varIndex, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    size += 1 + 3 + 12 + 4 * labels.length; // opcode, worst-case padding, default/low/high, table
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    size += 1 + 3 + 8 + 8 * keys.length;
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    size += 4;
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }
}
