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
  /**
   * Bytecode C2 inlines for a call of a runtime helper (its own and its callees', force-inlined
   * ones included), which counts towards C2's {@code DesiredMethodLimit} like the method's own. A
   * memory access measures about 30 bytes; planning with less than 64 made some programs slower
   * (docs/RATIONALE.md#why-split-methods-are-sized-with-the-helpers-c2-inlines).
   */
  private static final int MEMORY_ACCESS_INLINED = 64;

  private static final int EFFECTIVE_ADDRESS_INLINED = 13;
  private static final int FRAME_SLOT_INLINED = 6;
  private static final int INTERRUPT_CHECK_INLINED = 12;

  private int size;
  private int inlined;
  private int vectorMemoryInlined;

  CodeSizeCounter(MethodVisitor next) {
    super(ASM9, next);
  }

  int size() {
    return size;
  }

  /**
   * The bytes C2 inlines for the calls of {@code V128Memory} (a 64-bit access each, two for a
   * store), which {@link #inlinedSize} leaves out: it sizes split methods, and SIMD functions are
   * planned without them; {@code FunctionSplitter} adds them to choose how {@code v128} values in
   * lanes access memory.
   */
  int vectorMemoryInlined() {
    return vectorMemoryInlined;
  }

  /**
   * The bytes C2 counts against {@code DesiredMethodLimit} (8,000) when it compiles the method: its
   * own code and the runtime helpers it inlines. Past that limit C2 inlines nothing more, not even
   * a frame slot's store, and the rest of the method calls them (see
   * docs/RATIONALE.md#why-split-methods-are-sized-with-the-helpers-c2-inlines).
   */
  int inlinedSize() {
    return size + inlined;
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
    if (opcode == INVOKESTATIC) {
      inlined += helperInlined(owner, name);
      if (owner.equals(SimdEmitters.MEMORY)) {
        vectorMemoryInlined +=
            name.startsWith("store") ? 2 * MEMORY_ACCESS_INLINED : MEMORY_ACCESS_INLINED;
      }
    }
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

  private static int helperInlined(String owner, String name) {
    return switch (owner) {
      case RuntimeNames.MEMORY_ACCESS -> MEMORY_ACCESS_INLINED;
      case RuntimeNames.MEMORY -> name.equals("effectiveAddress") ? EFFECTIVE_ADDRESS_INLINED : 0;
      case RuntimeNames.FRAME_SLOTS -> FRAME_SLOT_INLINED;
      case RuntimeNames.INSTANCE -> name.equals("checkInterrupt") ? INTERRUPT_CHECK_INLINED : 0;
      default -> 0;
    };
  }
}
