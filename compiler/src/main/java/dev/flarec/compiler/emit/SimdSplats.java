package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;

import dev.flarec.runtime.types.ValueType;
import java.util.List;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * {@code v128} values known, when the code is compiled, to be splats: all their 16-bit lanes equal
 * (an {@code i16x8.splat} or {@code i8x16.splat}, such a constant, or a local only ever written by
 * those). An {@code i16x8.mul} by such a value, the loop-invariant factor of an auto-vectorised
 * loop, multiplies two lanes per 64-bit multiply (see
 * docs/RATIONALE.md#why-a-multiply-by-a-splat-takes-two-multiplies-per-half).
 */
final class SimdSplats {
  private static final String INT_LANES = RuntimeNames.SIMD + "IntLanes";
  private static final long ONES16 = 0x0001_0001_0001_0001L;

  private SimdSplats() {}

  /** The emitter of {@code inner} (a splat instruction) that marks its result a splat. */
  static HalvesEmitter marking(Emitter inner) {
    return (f, ins) -> {
      inner.emit(f, ins);
      f.markSplatOnTop();
    };
  }

  /** {@code v128.const} ({@code inner}), its result marked a splat if its 16-bit lanes are. */
  static HalvesEmitter constant(Emitter inner) {
    return (f, ins) -> {
      inner.emit(f, ins);
      if (isSplatConstant(ins)) {
        f.markSplatOnTop();
      }
    };
  }

  /**
   * {@code i16x8.mul}: by a splat operand, two multiplies per half ({@code
   * IntLanes.i16x8MulSplatHalf}); otherwise {@code general}.
   */
  static HalvesEmitter i16x8Mul(Emitter general) {
    return (f, ins) -> {
      boolean secondIsSplat = f.splatAt(0);
      if (!secondIsSplat && !f.splatAt(1)) {
        HalvesEmitter.delegate(general, f, ins, 2);
        return;
      }
      f.operandsToHalves(2);
      int[] b = f.popHalves();
      int[] a = f.popHalves();
      int[] other = secondIsSplat ? a : b;
      int[] splat = secondIsSplat ? b : a;
      int[] result = new int[2];
      for (int half = 0; half < 2; half++) {
        f.mv().visitVarInsn(LLOAD, other[half]);
        f.mv().visitVarInsn(LLOAD, splat[0]);
        f.mv().visitMethodInsn(INVOKESTATIC, INT_LANES, "i16x8MulSplatHalf", "(JJ)J", false);
        result[half] = f.acquireScratch(ValueType.I64);
        f.mv().visitVarInsn(LSTORE, result[half]);
      }
      f.releaseHalves(a);
      f.releaseHalves(b);
      f.pushHalves(result[0], result[1]);
    };
  }

  /**
   * Which of a function's locals only ever hold splats: {@code v128} locals other than parameters
   * (which start with the caller's value; the others start at zero, a splat) whose every writer
   * ({@code local.set} or {@code local.tee}, judged by the instruction just before) is an {@code
   * i16x8.splat}, an {@code i8x16.splat} or a constant with equal 16-bit lanes.
   */
  static boolean[] locals(List<AnnotatedInstruction> code, ValueType[] localTypes, int params) {
    boolean[] splat = new boolean[localTypes.length];
    for (int i = params; i < localTypes.length; i++) {
      splat[i] = localTypes[i] == ValueType.V128;
    }
    for (int pc = 0; pc < code.size(); pc++) {
      OpCode op = code.get(pc).opcode();
      if (op != OpCode.LOCAL_SET && op != OpCode.LOCAL_TEE) {
        continue;
      }
      int index = (int) code.get(pc).operand(0);
      if (splat[index] && (pc == 0 || !isSplat(code.get(pc - 1)))) {
        splat[index] = false;
      }
    }
    return splat;
  }

  private static boolean isSplat(AnnotatedInstruction ins) {
    OpCode op = ins.opcode();
    return op == OpCode.I16x8_SPLAT || op == OpCode.I8x16_SPLAT || isSplatConstant(ins);
  }

  private static boolean isSplatConstant(AnnotatedInstruction ins) {
    if (ins.opcode() != OpCode.V128_CONST) {
      return false;
    }
    long lo = ins.operand(0);
    return lo == ins.operand(1) && lo == (lo & 0xFFFFL) * ONES16;
  }
}
