package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.ValueType;
import java.util.List;
import java.util.function.IntFunction;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * {@code i32x4} and {@code f32x4} arithmetic on {@code v128} values held <em>in lanes</em>: four
 * {@code int} or {@code float} locals, one per 32-bit lane, so that a lane operation is plain JVM
 * arithmetic ({@code iadd}, {@code fmul}) where on halves it unpacks and packs 32-bit lanes around
 * every operation. Values move between lanes and halves where an instruction needs the other form
 * (see docs/RATIONALE.md#why-32-bit-lanes-are-four-jvm-locals).
 */
final class SimdLanes {
  private static final long LOW32 = 0xFFFF_FFFFL;

  private SimdLanes() {}

  /**
   * A lane-wise binary operation on 32-bit lanes, the JVM instruction {@code jvmOpcode} per lane.
   * Unless {@code always}, it computes in lanes only when an operand already is in lanes, and
   * otherwise on halves ({@code onHalves}): an {@code i32x4.add} on halves costs about what moving
   * two operands into lanes does.
   */
  static HalvesEmitter binary(ValueType lane, int jvmOpcode, boolean always, Emitter onHalves) {
    return (f, ins) -> {
      if (!always && f.laneTypeAt(0) != lane && f.laneTypeAt(1) != lane) {
        HalvesEmitter.delegate(onHalves, f, ins, 2);
        return;
      }
      f.operandsToLanes(2, lane);
      int[] b = f.popLanes();
      int[] a = f.popLanes();
      // the result goes straight to the local a local.set after it writes, else to the first
      // operand's slots, unless they are a local's own, lent to this instruction by its local.get
      // (FunctionEmitter.mayLendLanes); each lane reads its operands before it is written
      int[] result = f.lanesOfNextSet(lane);
      boolean fresh = result == null && !f.isScratch(a[0]);
      if (result == null) {
        result = fresh ? new int[4] : a;
      }
      for (int k = 0; k < 4; k++) {
        f.mv().visitVarInsn(JvmTypes.loadOpcode(lane), a[k]);
        f.mv().visitVarInsn(JvmTypes.loadOpcode(lane), b[k]);
        f.mv().visitInsn(jvmOpcode);
        if (fresh) {
          result[k] = f.acquireScratch(lane);
        }
        f.mv().visitVarInsn(JvmTypes.storeOpcode(lane), result[k]);
      }
      f.releaseLanes(lane, b);
      if (result != a) {
        f.releaseLanes(lane, a);
      }
      f.pushLanes(lane, result);
    };
  }

  /** {@code i32x4.splat} or {@code f32x4.splat}: the scalar on the JVM stack into four lanes. */
  static HalvesEmitter splat(ValueType lane) {
    return (f, ins) -> {
      f.pop();
      int[] lanes = new int[4];
      for (int k = 0; k < 4; k++) {
        lanes[k] = f.acquireScratch(lane);
        if (k < 3) {
          f.mv().visitInsn(DUP);
        }
        f.mv().visitVarInsn(JvmTypes.storeOpcode(lane), lanes[k]);
      }
      f.pushLanes(lane, lanes);
    };
  }

  /**
   * {@code i32x4.extract_lane} or {@code f32x4.extract_lane}: of a value in lanes, one local (its
   * bits reinterpreted if its lanes have the other type); else on halves ({@code onHalves}).
   */
  static HalvesEmitter extractLane(ValueType result, Emitter onHalves) {
    return (f, ins) -> {
      ValueType lane = f.laneTypeAt(0);
      if (lane == null) {
        HalvesEmitter.delegate(onHalves, f, ins, 1);
        return;
      }
      int[] lanes = f.popLanes();
      f.mv().visitVarInsn(JvmTypes.loadOpcode(lane), lanes[(int) ins.operand(0)]);
      if (lane != result) {
        reinterpret(f.mv(), lane);
      }
      f.releaseLanes(lane, lanes);
      f.push(result);
    };
  }

  /**
   * The lane type {@code consumer} (the instruction that will take a {@code v128} about to be
   * pushed) computes in, or null: the {@code i32x4} and {@code f32x4} arithmetic of this class, or
   * a {@code local.set}/{@code local.tee} of a local kept in lanes.
   */
  static ValueType wantedBy(EmitContext f, AnnotatedInstruction consumer) {
    if (consumer == null) {
      return null;
    }
    OpCode op = consumer.opcode();
    if (op == OpCode.LOCAL_SET || op == OpCode.LOCAL_TEE) {
      int index = (int) consumer.operand(0);
      return f.localInHalves(index) ? f.laneTypeOfLocal(index) : null;
    }
    return op == OpCode.I32x4_SPLAT || op == OpCode.F32x4_SPLAT ? null : producedLanes(op);
  }

  /**
   * {@code v128.load} (or {@code v128.load32_splat} if {@code splat}) of the address in local
   * {@code address} straight into lanes, one 32-bit scalar load per lane; the lanes of a {@code
   * v128.load} each check the whole 16-byte access with the same check, which C2 commons into one
   * ({@code MemoryAccess.loadIntOf16}).
   */
  static void load(EmitContext f, int memory, int address, ValueType lane, boolean splat) {
    int[] lanes = new int[4];
    String descriptor = lane == ValueType.F32 ? "F" : "I";
    String method = lane == ValueType.F32 ? "loadFloat" : "loadInt";
    for (int k = 0; k < (splat ? 1 : 4); k++) {
      f.mv().visitVarInsn(ILOAD, address);
      String size = MemoryEmitters.loadBytesAndSize(f, memory);
      if (splat) {
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY_ACCESS,
                method,
                "(I[B" + size + ")" + descriptor,
                false);
      } else {
        f.pushInt(4 * k);
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY_ACCESS,
                method + "Of16",
                "(I[B" + size + "I)" + descriptor,
                false);
      }
      lanes[k] = f.acquireScratch(lane);
      f.mv().visitVarInsn(JvmTypes.storeOpcode(lane), lanes[k]);
    }
    for (int k = splat ? 1 : 4; k < 4; k++) {
      lanes[k] = f.acquireScratch(lane);
      f.mv().visitVarInsn(JvmTypes.loadOpcode(lane), lanes[0]);
      f.mv().visitVarInsn(JvmTypes.storeOpcode(lane), lanes[k]);
    }
    f.pushLanes(lane, lanes);
  }

  /**
   * {@code v128.store} of the value in lanes on top of the operand stack (below it the address):
   * one 32-bit store per lane, each checking the whole 16-byte access with the same check, so the
   * first lane's check traps before anything is written and C2 commons the other three into it.
   */
  static void store(EmitContext f, int memory, AnnotatedInstruction ins) {
    ValueType lane = f.laneTypeAt(0);
    int[] lanes = f.popLanes();
    f.pop();
    if (MemoryEmitters.effectiveAddress(f, ins.operand(1))) {
      int mark = MemoryEmitters.keepAddressForMark(f);
      int address = f.acquireScratch(ValueType.I32);
      f.mv().visitVarInsn(ISTORE, address);
      String descriptor = lane == ValueType.F32 ? "F" : "I";
      String method = lane == ValueType.F32 ? "storeFloatOf16" : "storeIntOf16";
      for (int k = 0; k < 4; k++) {
        f.mv().visitVarInsn(ILOAD, address);
        String size = MemoryEmitters.loadBytesAndSize(f, memory);
        f.pushInt(4 * k);
        f.mv().visitVarInsn(JvmTypes.loadOpcode(lane), lanes[k]);
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY_ACCESS,
                method,
                "(I[B" + size + "I" + descriptor + ")V",
                false);
      }
      f.releaseScratch(ValueType.I32, address);
      MemoryEmitters.markKeptAddress(f, memory, mark);
    }
    f.releaseLanes(lane, lanes);
  }

  /**
   * {@code i32x4.extend_low/high_i16x8_s/u} ({@code operands} 1), {@code
   * i32x4.extmul_low/high_i16x8_s/u} (2, the widened lanes multiplied) or {@code
   * i32x4.extadd_pairwise_i16x8_s/u} (1, adjacent lanes added): each 32-bit lane from one or two
   * 16-bit lanes of the operands' halves, straight into {@code int} lanes when the consumer
   * computes in them (an {@code i32x4.add} into an accumulator, as in a dot product of 16-bit or
   * byte data); otherwise on halves ({@code onHalves}).
   */
  static HalvesEmitter widen16(
      int operands, boolean pairwise, boolean high, boolean signed, Emitter onHalves) {
    return (f, ins) -> {
      if (wantedBy(f, f.consumerOfResult()) != ValueType.I32) {
        HalvesEmitter.delegate(onHalves, f, ins, operands);
        return;
      }
      f.operandsToHalves(operands, true);
      Source16 b = operands == 2 ? Source16.pop(f) : null;
      Source16 a = Source16.pop(f);
      int[] lanes = new int[4];
      for (int k = 0; k < 4; k++) {
        if (pairwise) {
          a.push(f.mv(), 2 * k, signed);
          a.push(f.mv(), 2 * k + 1, signed);
          f.mv().visitInsn(IADD);
        } else {
          a.push(f.mv(), (high ? 4 : 0) + k, signed);
          if (b != null) {
            b.push(f.mv(), (high ? 4 : 0) + k, signed);
            f.mv().visitInsn(IMUL);
          }
        }
        lanes[k] = f.acquireScratch(ValueType.I32);
        f.mv().visitVarInsn(ISTORE, lanes[k]);
      }
      a.release(f);
      if (b != null) {
        b.release(f);
      }
      f.pushLanes(ValueType.I32, lanes);
    };
  }

  /**
   * {@code i32x4.dot_i16x8_s}: lane k the sum of the products of signed 16-bit lanes 2k and 2k+1,
   * into {@code int} lanes when the consumer computes in them, else on halves ({@code onHalves}).
   */
  static HalvesEmitter dot16(Emitter onHalves) {
    return (f, ins) -> {
      if (wantedBy(f, f.consumerOfResult()) != ValueType.I32) {
        HalvesEmitter.delegate(onHalves, f, ins, 2);
        return;
      }
      f.operandsToHalves(2, true);
      Source16 b = Source16.pop(f);
      Source16 a = Source16.pop(f);
      int[] lanes = new int[4];
      for (int k = 0; k < 4; k++) {
        for (int j = 0; j < 2; j++) {
          a.push(f.mv(), 2 * k + j, true);
          b.push(f.mv(), 2 * k + j, true);
          f.mv().visitInsn(IMUL);
        }
        f.mv().visitInsn(IADD);
        lanes[k] = f.acquireScratch(ValueType.I32);
        f.mv().visitVarInsn(ISTORE, lanes[k]);
      }
      a.release(f);
      b.release(f);
      f.pushLanes(ValueType.I32, lanes);
    };
  }

  /**
   * An operand of the {@code i32x4} widenings of 16-bit lanes computed into lanes: a value in
   * halves ({@code widening} null) or held as widened bytes, whose 16-bit lanes are read from its
   * bytes.
   */
  private record Source16(int[] slots, ByteWidening widening) {
    static Source16 pop(EmitContext f) {
      ByteWidening widening = f.wideningAt(0);
      return new Source16(widening == null ? f.popHalves() : f.popWidenedBytes(), widening);
    }

    /** Pushes 16-bit lane {@code lane} (0 to 7) as an int, extended as {@code signed} says. */
    void push(MethodVisitor mv, int lane, boolean signed) {
      if (widening != null) {
        widening.pushLane16(mv, slots, lane, signed);
      } else {
        pushLane16(mv, slots[lane / 4], 16 * (lane % 4), signed);
      }
    }

    void release(EmitContext f) {
      f.releaseHalves(slots);
    }
  }

  /**
   * {@code v128.load16x4_s/u} of the address in local {@code address} straight into {@code int}
   * lanes: one 64-bit load (the access's 8 bytes, checked once), each lane its 16 bits extended.
   */
  static void loadWidened16(EmitContext f, int memory, int address, boolean signed) {
    f.mv().visitVarInsn(ILOAD, address);
    String size = MemoryEmitters.loadBytesAndSize(f, memory);
    f.mv()
        .visitMethodInsn(
            INVOKESTATIC, RuntimeNames.MEMORY_ACCESS, "loadLong", "(I[B" + size + ")J", false);
    int bits = f.acquireScratch(ValueType.I64);
    f.mv().visitVarInsn(LSTORE, bits);
    int[] lanes = new int[4];
    for (int k = 0; k < 4; k++) {
      pushLane16(f.mv(), bits, 16 * k, signed);
      lanes[k] = f.acquireScratch(ValueType.I32);
      f.mv().visitVarInsn(ISTORE, lanes[k]);
    }
    f.releaseScratch(ValueType.I64, bits);
    f.pushLanes(ValueType.I32, lanes);
  }

  /** Pushes the 16 bits at {@code shift} of the long in local {@code half}, extended to an int. */
  private static void pushLane16(MethodVisitor mv, int half, int shift, boolean signed) {
    mv.visitVarInsn(LLOAD, half);
    if (shift > 0) {
      mv.visitIntInsn(BIPUSH, shift);
      mv.visitInsn(LUSHR);
    }
    mv.visitInsn(L2I);
    if (signed) {
      mv.visitInsn(I2S);
    } else {
      mv.visitLdcInsn(0xFFFF);
      mv.visitInsn(IAND);
    }
  }

  /** Emits the unpacking of halves into four fresh locals of type {@code lane}; returns them. */
  static int[] unpack(EmitContext f, ValueType lane, int[] halves) {
    int[] lanes = new int[4];
    for (int k = 0; k < 4; k++) {
      lanes[k] = f.acquireScratch(lane);
    }
    for (int h = 0; h < 2; h++) {
      f.mv().visitVarInsn(LLOAD, halves[h]);
      storeUnpacked(f.mv(), lane, lanes[2 * h], lanes[2 * h + 1]);
    }
    return lanes;
  }

  /** Emits the packing of four lanes into two fresh long locals; returns them. */
  static int[] pack(EmitContext f, ValueType lane, int[] lanes) {
    int[] halves = {f.acquireScratch(ValueType.I64), f.acquireScratch(ValueType.I64)};
    for (int h = 0; h < 2; h++) {
      pushPacked(f.mv(), lane, lanes[2 * h], lanes[2 * h + 1]);
      f.mv().visitVarInsn(LSTORE, halves[h]);
    }
    return halves;
  }

  /**
   * Pushes the long whose low and high 32 bits are the lanes in locals {@code low}, {@code high}.
   */
  static void pushPacked(MethodVisitor mv, ValueType lane, int low, int high) {
    mv.visitVarInsn(JvmTypes.loadOpcode(lane), low);
    JvmTypes.toRawBits(mv, lane);
    mv.visitInsn(I2L);
    mv.visitLdcInsn(LOW32);
    mv.visitInsn(LAND);
    mv.visitVarInsn(JvmTypes.loadOpcode(lane), high);
    JvmTypes.toRawBits(mv, lane);
    mv.visitInsn(I2L);
    mv.visitIntInsn(BIPUSH, 32);
    mv.visitInsn(LSHL);
    mv.visitInsn(LOR);
  }

  /** Pops a long into the lanes in locals {@code low} and {@code high} (its low, high 32 bits). */
  static void storeUnpacked(MethodVisitor mv, ValueType lane, int low, int high) {
    mv.visitInsn(DUP2);
    mv.visitInsn(L2I);
    JvmTypes.fromRawBits(mv, lane);
    mv.visitVarInsn(JvmTypes.storeOpcode(lane), low);
    mv.visitIntInsn(BIPUSH, 32);
    mv.visitInsn(LUSHR);
    mv.visitInsn(L2I);
    JvmTypes.fromRawBits(mv, lane);
    mv.visitVarInsn(JvmTypes.storeOpcode(lane), high);
  }

  /** Reinterprets the lane on the JVM stack, of type {@code lane}, as the other 32-bit type. */
  private static void reinterpret(MethodVisitor mv, ValueType lane) {
    if (lane == ValueType.F32) {
      JvmTypes.toRawBits(mv, lane);
    } else {
      JvmTypes.fromRawBits(mv, ValueType.F32);
    }
  }

  /**
   * Which of a function's {@code v128} locals to keep in lanes, and of which type: a local is kept
   * in {@code int} lanes if every instruction that writes it ({@code local.set} or {@code
   * local.tee}, judged by the instruction just before) is {@code i32x4} arithmetic, a load or a
   * constant, and at least one is arithmetic; likewise in {@code float} lanes for {@code f32x4}
   * arithmetic. Any other writer keeps it in halves. This only chooses a form: a value of the other
   * form is converted on its way in or out, so a wrong guess costs time, never correctness.
   */
  static ValueType[] localLaneTypes(
      List<AnnotatedInstruction> code,
      ValueType[] localTypes,
      IntFunction<AnnotatedInstruction> consumerOfGet) {
    ValueType[] lanes = new ValueType[localTypes.length];
    boolean[] mixed = new boolean[localTypes.length];
    boolean[] written = new boolean[localTypes.length];
    for (int pc = 1; pc < code.size(); pc++) {
      OpCode op = code.get(pc).opcode();
      if (op != OpCode.LOCAL_SET && op != OpCode.LOCAL_TEE) {
        continue;
      }
      int index = (int) code.get(pc).operand(0);
      if (localTypes[index] != ValueType.V128 || mixed[index]) {
        continue;
      }
      written[index] = true;
      OpCode writer = code.get(pc - 1).opcode();
      ValueType lane = producedLanes(writer);
      if (lane != null && (lanes[index] == null || lanes[index] == lane)) {
        lanes[index] = lane;
      } else if (lane != null || !neutral(writer)) {
        mixed[index] = true;
        lanes[index] = null;
      }
    }
    for (int index = 0; index < lanes.length; index++) {
      if (written[index] && !mixed[index] && lanes[index] == null) {
        lanes[index] = readersLanes(code, index, consumerOfGet);
      }
    }
    return lanes;
  }

  /**
   * For a local only loads and constants write (say the splat of {@code matmul_f32}'s {@code
   * a[i][k]}): the lane type of the arithmetic that consumes every {@code local.get} of it, if they
   * all agree, else null.
   */
  private static ValueType readersLanes(
      List<AnnotatedInstruction> code, int index, IntFunction<AnnotatedInstruction> consumerOfGet) {
    ValueType lane = null;
    for (int pc = 0; pc < code.size(); pc++) {
      AnnotatedInstruction ins = code.get(pc);
      if (ins.opcode() != OpCode.LOCAL_GET || ins.operand(0) != index) {
        continue;
      }
      AnnotatedInstruction consumer = consumerOfGet.apply(pc);
      ValueType wanted = consumer == null ? null : arithmeticLanes(consumer.opcode());
      if (wanted == null || (lane != null && lane != wanted)) {
        return null;
      }
      lane = wanted;
    }
    return lane;
  }

  /** Whether {@code op} is lane arithmetic ({@link #binary}) on 32-bit lanes. */
  static boolean computesInLanes(OpCode op) {
    return arithmeticLanes(op) != null;
  }

  /** The lane type of lane arithmetic {@code op} (not a splat, whose operand is a scalar). */
  private static ValueType arithmeticLanes(OpCode op) {
    return op == OpCode.I32x4_SPLAT || op == OpCode.F32x4_SPLAT ? null : producedLanes(op);
  }

  /** The lane type an instruction leaves its result in, or null if it leaves halves. */
  private static ValueType producedLanes(OpCode op) {
    return switch (op) {
      case I32x4_ADD, I32x4_SUB, I32x4_MUL, I32x4_SPLAT -> ValueType.I32;
      case F32x4_ADD, F32x4_SUB, F32x4_MUL, F32x4_DIV, F32x4_SPLAT -> ValueType.F32;
      default -> null;
    };
  }

  /** Writers that cost the same to put into either form. */
  private static boolean neutral(OpCode op) {
    return op == OpCode.V128_LOAD || op == OpCode.V128_CONST || op == OpCode.V128_LOAD32_SPLAT;
  }
}
