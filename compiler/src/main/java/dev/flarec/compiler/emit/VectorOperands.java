package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.ValueType;
import org.objectweb.asm.MethodVisitor;

/**
 * The {@code v128} values of the method a {@link FunctionEmitter} emits, kept out of {@code V128}
 * objects: on the operand stack <em>in halves</em> (two {@code long} scratch locals) or <em>in
 * lanes</em> (four {@code int} or {@code float} scratch locals), and in the declared {@code v128}
 * locals the method keeps as two longs or four lanes. It moves values between those forms and the
 * JVM stack: unboxing a {@code V128} into halves, packing lanes into halves and unpacking halves
 * into lanes, and boxing where an instruction takes objects (see
 * docs/RATIONALE.md#why-a-v128-is-an-immutable-pair-of-longs and
 * docs/RATIONALE.md#why-32-bit-lanes-are-four-jvm-locals).
 *
 * <p>Materialising the operands before an instruction lives here too: a value in halves is a
 * virtual entry of the {@link OperandStack} like one in the heap frame, and both kinds are put on
 * the JVM stack in the one pass that keeps the entries in order.
 *
 * <p>The {@link FunctionEmitter} implements {@link EmitContext}'s {@code v128} methods by
 * delegating here; this class uses its scratch slots, heap frame and local layout.
 */
final class VectorOperands {
  private final FunctionEmitter owner;
  private final OperandStack stack;

  /** Per local, the lane type of a {@code v128} local kept in lanes; computed when first asked. */
  private ValueType[] localLanes;

  /** Per local, whether every value it holds is a 16-bit splat; computed when first asked. */
  private boolean[] splatLocals;

  VectorOperands(FunctionEmitter owner, OperandStack stack) {
    this.owner = owner;
    this.stack = stack;
  }

  /**
   * Puts the top {@code count} values on the JVM stack in order: values in the frame are loaded,
   * values held in halves boxed into {@code V128} objects, unless {@code keepHalves} (the
   * instruction takes them as halves).
   */
  void materializeTop(int count, boolean keepHalves) {
    MethodVisitor mv = owner.mv();
    int size = stack.size();
    int lowest = -1;
    for (int i = Math.max(size - count, 0); i < size && lowest < 0; i++) {
      if (stack.isVirtual(i) && !(keepHalves && stack.slots(i) != null)) {
        lowest = i;
      }
    }
    if (lowest < 0) {
      return;
    }
    int[] parked = new int[size - lowest];
    for (int i = size - 1; i > lowest; i--) {
      if (!stack.isVirtual(i)) {
        parked[i - lowest] = owner.acquireScratch(stack.get(i));
        mv.visitVarInsn(JvmTypes.storeOpcode(stack.get(i)), parked[i - lowest]);
      }
    }
    for (int i = lowest; i < size; i++) {
      ValueType t = stack.get(i);
      int[] halves = stack.slots(i);
      if (halves != null) {
        if (!keepHalves) {
          toHalves(i);
          boxHalves(stack.slots(i));
          stack.clearHalves(i);
        }
      } else if (stack.isVirtual(i)) {
        owner.runs.frameLoad(t, owner.fn.stackSlot(owner.baseHeight + i));
        stack.setVirtual(i, false);
      } else {
        mv.visitVarInsn(JvmTypes.loadOpcode(t), parked[i - lowest]);
        owner.releaseScratch(t, parked[i - lowest]);
      }
    }
  }

  /**
   * Boxes every value held in halves: before an instruction that does more than consume its
   * operands (control, calls, runs), which expects every value on the JVM stack or in the frame.
   */
  void materializeAllHalves() {
    int lowest = stack.lowestHalves();
    if (lowest >= 0) {
      materializeTop(stack.size() - lowest, false);
    }
  }

  /** Pushes a {@code V128} of the halves in {@code slots} and frees them. */
  private void boxHalves(int[] slots) {
    MethodVisitor mv = owner.mv();
    mv.visitTypeInsn(NEW, JvmTypes.V128_CLASS);
    mv.visitInsn(DUP);
    mv.visitVarInsn(LLOAD, slots[0]);
    mv.visitVarInsn(LLOAD, slots[1]);
    mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.V128_CLASS, "<init>", "(JJ)V", false);
    releaseHalves(slots);
  }

  /** Pops the {@code V128} on top of the JVM stack into two fresh long locals. */
  private int[] unboxToHalves() {
    MethodVisitor mv = owner.mv();
    int[] slots = {owner.acquireScratch(ValueType.I64), owner.acquireScratch(ValueType.I64)};
    mv.visitInsn(DUP);
    mv.visitFieldInsn(GETFIELD, JvmTypes.V128_CLASS, "lo", "J");
    mv.visitVarInsn(LSTORE, slots[0]);
    mv.visitFieldInsn(GETFIELD, JvmTypes.V128_CLASS, "hi", "J");
    mv.visitVarInsn(LSTORE, slots[1]);
    return slots;
  }

  /**
   * For an instruction that takes its {@code v128} operands in halves: of the top {@code count}
   * values (none of them in the frame), every {@code v128} is moved into halves, the others stay on
   * the JVM stack in order.
   */
  void operandsToHalves(int count) {
    operandsToHalves(count, false);
  }

  /**
   * {@link #operandsToHalves}, except that if {@code keepWidened} values held as widened bytes stay
   * so (the instruction reads their lanes itself, see {@link ByteWidening}).
   */
  void operandsToHalves(int count, boolean keepWidened) {
    unboxOperands(count);
    for (int i = stack.size() - count; i < stack.size(); i++) {
      if (!(keepWidened && stack.widening(i) != null)) {
        toHalves(i);
      }
    }
  }

  /**
   * For an instruction that takes its {@code v128} operands in lanes of type {@code lane} (I32 or
   * F32): of the top {@code count} values (none of them in the frame), every {@code v128} is moved
   * into such lanes, the others stay on the JVM stack in order.
   */
  void operandsToLanes(int count, ValueType lane) {
    unboxOperands(count);
    for (int i = stack.size() - count; i < stack.size(); i++) {
      if (stack.get(i) == ValueType.V128 && stack.laneType(i) != lane) {
        toHalves(i);
        int[] halves = stack.slots(i);
        stack.setLanes(i, lane, SimdLanes.unpack(owner, lane, halves));
        releaseHalves(halves);
      }
    }
  }

  /** Moves entry {@code i}, if held in lanes or as widened bytes, into halves. */
  private void toHalves(int i) {
    ByteWidening widening = stack.widening(i);
    if (widening != null) {
      int[] bytes = stack.slots(i);
      stack.setHalves(i, widening.compute(owner, bytes));
      releaseHalves(bytes);
      return;
    }
    ValueType lane = stack.laneType(i);
    if (lane != null) {
      int[] lanes = stack.slots(i);
      stack.setHalves(i, SimdLanes.pack(owner, lane, lanes));
      releaseLanes(lane, lanes);
    }
  }

  boolean splatAt(int depth) {
    return stack.isSplat(stack.size() - 1 - depth);
  }

  void markSplatOnTop() {
    stack.markSplat(stack.size() - 1);
  }

  /**
   * Whether local {@code index} only ever holds {@code v128} splats ({@link SimdSplats#locals}).
   */
  private boolean splatLocal(int index) {
    if (splatLocals == null) {
      splatLocals =
          SimdSplats.locals(owner.fn.code, owner.fn.localTypes, owner.fn.type.params().size());
    }
    return splatLocals[index];
  }

  /** The lane type of the value {@code depth} below the top if held in lanes, else null. */
  ValueType laneTypeAt(int depth) {
    return stack.laneType(stack.size() - 1 - depth);
  }

  /**
   * Moves the {@code v128} values among the top {@code count} that are on the JVM stack to halves.
   */
  private void unboxOperands(int count) {
    MethodVisitor mv = owner.mv();
    int size = stack.size();
    int lowest = -1;
    for (int i = size - count; i < size && lowest < 0; i++) {
      if (stack.get(i) == ValueType.V128 && !stack.isVirtual(i)) {
        lowest = i;
      }
    }
    if (lowest < 0) {
      return;
    }
    int[] parked = new int[size - lowest];
    for (int i = size - 1; i >= lowest; i--) {
      if (stack.isVirtual(i)) {
        continue;
      }
      ValueType t = stack.get(i);
      if (t == ValueType.V128) {
        stack.setHalves(i, unboxToHalves());
      } else {
        parked[i - lowest] = owner.acquireScratch(t);
        mv.visitVarInsn(JvmTypes.storeOpcode(t), parked[i - lowest]);
      }
    }
    for (int i = lowest; i < size; i++) {
      if (!stack.isVirtual(i)) {
        ValueType t = stack.get(i);
        mv.visitVarInsn(JvmTypes.loadOpcode(t), parked[i - lowest]);
        owner.releaseScratch(t, parked[i - lowest]);
      }
    }
  }

  /** Pops the {@code v128} on top of the tracked stack, held in halves: its {@code {lo, hi}}. */
  int[] popHalves() {
    int[] slots = stack.slots(stack.size() - 1);
    if (slots == null
        || stack.laneType(stack.size() - 1) != null
        || stack.widening(stack.size() - 1) != null) {
      throw new IllegalStateException("v128 operand not in halves");
    }
    stack.pop();
    return slots;
  }

  /** Pushes a {@code v128} held in the long locals {@code lo} and {@code hi}. */
  void pushHalves(int lo, int hi) {
    stack.pushHalves(lo, hi);
    owner.sawHeight(owner.baseHeight + stack.size());
  }

  void releaseHalves(int[] slots) {
    owner.releaseScratch(ValueType.I64, slots[0]);
    owner.releaseScratch(ValueType.I64, slots[1]);
  }

  /** The widening of the value {@code depth} below the top if held as widened bytes, else null. */
  ByteWidening wideningAt(int depth) {
    return stack.widening(stack.size() - 1 - depth);
  }

  /**
   * Pops the {@code v128} on top of the tracked stack, held as widened bytes: the bytes' halves.
   */
  int[] popWidenedBytes() {
    if (stack.widening(stack.size() - 1) == null) {
      throw new IllegalStateException("v128 operand not widened bytes");
    }
    int[] slots = stack.slots(stack.size() - 1);
    stack.pop();
    return slots;
  }

  /**
   * Pushes a {@code v128} that is {@code widening} of the bytes in the long locals {@code bytes}.
   */
  void pushWidenedBytes(int[] bytes, ByteWidening widening) {
    stack.pushWidenedBytes(bytes, widening);
    owner.sawHeight(owner.baseHeight + stack.size());
  }

  /** Pops the {@code v128} on top of the tracked stack, held in lanes: its four locals. */
  int[] popLanes() {
    if (stack.laneType(stack.size() - 1) == null) {
      throw new IllegalStateException("v128 operand not in lanes");
    }
    int[] slots = stack.slots(stack.size() - 1);
    stack.pop();
    return slots;
  }

  /** Pushes a {@code v128} held in the four locals {@code slots} of type {@code lane}. */
  void pushLanes(ValueType lane, int[] slots) {
    stack.pushLanes(lane, slots);
    owner.sawHeight(owner.baseHeight + stack.size());
  }

  void releaseLanes(ValueType lane, int[] slots) {
    for (int slot : slots) {
      owner.releaseScratch(lane, slot);
    }
  }

  /**
   * The lane type (I32 or F32) of a {@code v128} local in JVM locals that is kept in lanes (four
   * {@code int} or {@code float} locals) rather than two longs; null for any other local. See
   * {@link SimdLanes#localLaneTypes}.
   */
  ValueType laneTypeOfLocal(int index) {
    if (!owner.inLongs(index)) {
      return null;
    }
    if (localLanes == null) {
      localLanes =
          SimdLanes.localLaneTypes(
              owner.fn.code,
              owner.fn.localTypes,
              get -> owner.consumerFrom(get + 1, owner.fn.code.size(), false));
    }
    return localLanes[index];
  }

  /** Whether local {@code index} is a {@code v128} in two long JVM locals of this method. */
  boolean localInHalves(int index) {
    return !owner.placement.direct().get(index) && owner.inLongs(index);
  }

  /**
   * {@code local.get} of a local in halves (or lanes): its longs (or lanes) are copied into a new
   * stack entry.
   */
  void loadLocalHalves(int index) {
    MethodVisitor mv = owner.mv();
    int slot = owner.placement.slots()[index];
    ValueType lane = laneTypeOfLocal(index);
    if (lane != null) {
      if (owner.mayLendLanes(index)) {
        pushLanes(lane, new int[] {slot, slot + 1, slot + 2, slot + 3});
        return;
      }
      int[] lanes = new int[4];
      for (int k = 0; k < 4; k++) {
        lanes[k] = owner.acquireScratch(lane);
        mv.visitVarInsn(JvmTypes.loadOpcode(lane), slot + k);
        mv.visitVarInsn(JvmTypes.storeOpcode(lane), lanes[k]);
      }
      pushLanes(lane, lanes);
      return;
    }
    int lo = owner.acquireScratch(ValueType.I64);
    int hi = owner.acquireScratch(ValueType.I64);
    mv.visitVarInsn(LLOAD, slot);
    mv.visitVarInsn(LSTORE, lo);
    mv.visitVarInsn(LLOAD, slot + 2);
    mv.visitVarInsn(LSTORE, hi);
    pushHalves(lo, hi);
    if (splatLocal(index)) {
      markSplatOnTop();
    }
  }

  /**
   * {@code local.set} ({@code keep}: {@code local.tee}) of the top {@code v128} into a local in
   * halves (or lanes), moving the value into the local's form first.
   */
  void storeLocalHalves(int index, boolean keep) {
    MethodVisitor mv = owner.mv();
    int slot = owner.placement.slots()[index];
    ValueType lane = laneTypeOfLocal(index);
    if (lane != null) {
      unboxOperands(1);
      if (!keep && stack.laneType(stack.size() - 1) != lane) {
        // unpacked straight into the local's lanes, not into scratch lanes copied there
        toHalves(stack.size() - 1);
        int[] halves = popHalves();
        for (int h = 0; h < 2; h++) {
          mv.visitVarInsn(LLOAD, halves[h]);
          SimdLanes.storeUnpacked(mv, lane, slot + 2 * h, slot + 2 * h + 1);
        }
        releaseHalves(halves);
        return;
      }
      operandsToLanes(1, lane);
      int[] lanes = keep ? stack.slots(stack.size() - 1) : popLanes();
      for (int k = 0; k < 4; k++) {
        if (lanes[k] == slot + k) {
          continue; // computed in place (SimdLanes.binary, FunctionEmitter.lanesOfNextSet)
        }
        mv.visitVarInsn(JvmTypes.loadOpcode(lane), lanes[k]);
        mv.visitVarInsn(JvmTypes.storeOpcode(lane), slot + k);
      }
      if (!keep) {
        releaseLanes(lane, lanes);
      }
      return;
    }
    operandsToHalves(1);
    int[] value = keep ? stack.slots(stack.size() - 1) : popHalves();
    mv.visitVarInsn(LLOAD, value[0]);
    mv.visitVarInsn(LSTORE, slot);
    mv.visitVarInsn(LLOAD, value[1]);
    mv.visitVarInsn(LSTORE, slot + 2);
    if (!keep) {
      releaseHalves(value);
    }
  }
}
