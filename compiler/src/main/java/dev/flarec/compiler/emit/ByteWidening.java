package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.runtime.types.ValueType;
import java.util.Set;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.types.OpCode;

/**
 * An {@code i16x8} widening of bytes ({@code i16x8.extend_low/high_i8x16_s/u}, or the widening half
 * of {@code v128.load8x8_s/u}) kept <em>uncomputed</em> on the operand stack when an {@code i32x4}
 * widening of 16-bit lanes consumes it: the entry holds the bytes' halves, and the {@code i32x4}
 * widening, computing into {@code int} lanes, reads each 16-bit lane straight from its byte (one
 * shift and one extension per lane) instead of the bytes being spread into 16-bit lanes first and
 * then taken apart again. Any other use computes the halves the usual way (see
 * docs/RATIONALE.md#why-bytes-widen-to-32-bit-lanes-in-one-step).
 *
 * @param high whether the widening takes bytes 8 to 15 (else 0 to 7)
 * @param signed whether each byte is sign-extended (else zero-extended)
 */
record ByteWidening(boolean high, boolean signed) {
  /** The {@code i32x4} widenings of 16-bit lanes that {@link SimdLanes} computes into lanes. */
  private static final Set<OpCode> CONSUMERS =
      Set.of(
          OpCode.I32x4_EXTEND_LOW_I16x8_S,
          OpCode.I32x4_EXTEND_LOW_I16x8_U,
          OpCode.I32x4_EXTEND_HIGH_I16x8_S,
          OpCode.I32x4_EXTEND_HIGH_I16x8_U,
          OpCode.I32x4_EXTMUL_LOW_I16x8_S,
          OpCode.I32x4_EXTMUL_LOW_I16x8_U,
          OpCode.I32x4_EXTMUL_HIGH_I16x8_S,
          OpCode.I32x4_EXTMUL_HIGH_I16x8_U,
          OpCode.I32x4_EXTADD_PAIRWISE_I16x8_S,
          OpCode.I32x4_EXTADD_PAIRWISE_I16x8_U,
          OpCode.I32x4_DOT_I16x8_S);

  /**
   * Whether the value the current instruction pushes goes to an {@code i32x4} widening of 16-bit
   * lanes, so that it may be pushed uncomputed. (That widening may still compute on halves, if its
   * own consumer does not take {@code int} lanes; the value is then computed there, at the cost it
   * has today.)
   */
  static boolean deferrable(EmitContext f) {
    var consumer = f.consumerOfResult();
    return consumer != null && CONSUMERS.contains(consumer.opcode());
  }

  /**
   * {@code i16x8.extend_low/high_i8x16_s/u}: uncomputed if {@link #deferrable}, else on halves
   * ({@code onHalves}).
   */
  static HalvesEmitter extend(boolean high, boolean signed, Emitter onHalves) {
    ByteWidening widening = new ByteWidening(high, signed);
    return (f, ins) -> {
      if (!deferrable(f)) {
        HalvesEmitter.delegate(onHalves, f, ins, 1);
        return;
      }
      f.operandsToHalves(1);
      f.pushWidenedBytes(f.popHalves(), widening);
    };
  }

  /**
   * Emits the computation of this widening of the bytes in the long locals {@code bytes} into two
   * fresh long locals (the runtime's halves helpers, as the instruction on halves); returns them.
   */
  int[] compute(EmitContext f, int[] bytes) {
    String name = "i16x8Extend" + (high ? "High" : "Low") + "I8x16" + (signed ? "S" : "U");
    int[] halves = {f.acquireScratch(ValueType.I64), f.acquireScratch(ValueType.I64)};
    for (int h = 0; h < 2; h++) {
      f.mv().visitVarInsn(LLOAD, bytes[0]);
      f.mv().visitVarInsn(LLOAD, bytes[1]);
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.SIMD + "IntLanes",
              name + (h == 0 ? "Lo" : "Hi"),
              "(JJ)J",
              false);
      f.mv().visitVarInsn(LSTORE, halves[h]);
    }
    return halves;
  }

  /**
   * Pushes 16-bit lane {@code lane} (0 to 7) of this widening of the bytes in the long locals
   * {@code bytes}, as an {@code int}: sign-extended from 16 bits if {@code signed16}, else
   * zero-extended (what the consuming {@code i32x4} widening asks of a 16-bit lane).
   */
  void pushLane16(MethodVisitor mv, int[] bytes, int lane, boolean signed16) {
    int index = (high ? 8 : 0) + lane;
    // the byte's 32 bits of the half as an int, then the byte: the lowest byte of the int by an
    // extension alone, the highest by a shift alone, the others a shift and an extension
    mv.visitVarInsn(LLOAD, bytes[index / 8]);
    if (index % 8 >= 4) {
      mv.visitIntInsn(BIPUSH, 32);
      mv.visitInsn(LUSHR);
    }
    mv.visitInsn(L2I);
    int shift = 8 * (index % 4);
    if (signed) {
      if (shift < 24) {
        mv.visitIntInsn(BIPUSH, 24 - shift);
        mv.visitInsn(ISHL);
      }
      mv.visitIntInsn(BIPUSH, 24);
      mv.visitInsn(ISHR);
      if (!signed16) {
        // a negative byte is 0xFF80..0xFFFF as a 16-bit lane, read unsigned
        mv.visitLdcInsn(0xFFFF);
        mv.visitInsn(IAND);
      }
    } else {
      // 0..255 reads the same as a signed or an unsigned 16-bit lane
      if (shift > 0) {
        mv.visitIntInsn(BIPUSH, shift);
        mv.visitInsn(IUSHR);
      }
      if (shift < 24) {
        mv.visitIntInsn(SIPUSH, 0xFF);
        mv.visitInsn(IAND);
      }
    }
  }
}
