package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.BlockType;
import run.endive.wasm.types.OpCode;

/**
 * Emits one Wasm function as one static JVM method. Drives the {@link EmitterTable} over the
 * function's instructions and owns what every emitter shares: the typed operand stack, the
 * control stack, local-variable slots and the rules for branching.
 *
 * <p>The Wasm operand stack <em>is</em> the JVM operand stack; this class tracks the Wasm types
 * on it so that emitters know value widths and branches can discard what lies between the branch
 * values and the target's entry height. Code after an unconditional branch is unreachable in
 * Wasm's sense and is not emitted at all, which keeps the JVM verifier and Wasm's polymorphic
 * stack from ever meeting.
 *
 * <p>Call order: {@link #emit()} once; emitters call back into the {@code push}/{@code pop},
 * control and branch methods while it runs.
 */
final class FunctionEmitter {
  final MethodVisitor mv;
  final ModuleInfo module;
  final int functionIndex;
  final FunctionType type;
  final int instanceSlot;
  /**
   * Emit memory accesses as one helper call each instead of inline code, to fit a large function
   * into one JVM method. See docs/RATIONALE.md#why-a-compact-emission-mode.
   */
  final boolean compact;

  private final List<AnnotatedInstruction> code;
  private final EmitterTable table;
  private final int[] localSlots;
  private final ValueType[] localTypes;
  private final ArrayList<ValueType> stack = new ArrayList<>();
  private final ArrayList<ControlFrame> frames = new ArrayList<>();
  private final Map<ValueType, ArrayDeque<Integer>> freeScratch = new EnumMap<>(ValueType.class);
  private int nextSlot;
  private int pc;
  private boolean unreachable;
  private int skippedDepth;
  private AnnotatedInstruction current;

  FunctionEmitter(
      MethodVisitor mv,
      ModuleInfo module,
      int functionIndex,
      List<ValueType> declaredLocals,
      List<AnnotatedInstruction> code,
      EmitterTable table,
      boolean compact) {
    this.mv = mv;
    this.compact = compact;
    this.module = module;
    this.functionIndex = functionIndex;
    this.type = module.functionType(functionIndex);
    this.code = code;
    this.table = table;
    int params = type.params().size();
    this.localSlots = new int[params + declaredLocals.size()];
    this.localTypes = new ValueType[localSlots.length];
    int slot = 0;
    for (int i = 0; i < params; i++) {
      localTypes[i] = type.params().get(i);
      localSlots[i] = slot;
      slot += localTypes[i].slots();
    }
    this.instanceSlot = slot++;
    for (int i = 0; i < declaredLocals.size(); i++) {
      localTypes[params + i] = declaredLocals.get(i);
      localSlots[params + i] = slot;
      slot += localTypes[params + i].slots();
    }
    this.nextSlot = slot;
  }

  void emit() {
    mv.visitCode();
    for (int i = type.params().size(); i < localSlots.length; i++) {
      pushZero(localTypes[i]);
      mv.visitVarInsn(JvmTypes.storeOpcode(localTypes[i]), localSlots[i]);
    }
    emitInterruptCheck();
    frames.add(new ControlFrame(ControlFrame.Kind.FUNCTION, List.of(), type.results(), 0));
    while (pc < code.size()) {
      current = code.get(pc++);
      OpCode op = current.opcode();
      if (unreachable) {
        skipUnreachable(op);
      } else {
        table.emitter(op, this).emit(this, current);
      }
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void skipUnreachable(OpCode op) {
    switch (op) {
      case BLOCK, LOOP, IF -> skippedDepth++;
      case ELSE -> {
        if (skippedDepth == 0) {
          elseArm();
        }
      }
      case END -> {
        if (skippedDepth > 0) {
          skippedDepth--;
        } else {
          end();
        }
      }
      default -> {}
    }
  }

  UnsupportedModuleException unsupported(String what) {
    return new UnsupportedModuleException(
        what, functionIndex, current == null ? -1 : current.address(), null);
  }

  // ---- operand stack ----

  void push(ValueType t) {
    stack.add(t);
  }

  ValueType pop() {
    return stack.remove(stack.size() - 1);
  }

  /** The type {@code depth} entries below the top (0 = top). */
  ValueType peek(int depth) {
    return stack.get(stack.size() - 1 - depth);
  }

  /** Emits POP or POP2 for a value of type {@code t} on top of the JVM stack. */
  void discard(ValueType t) {
    mv.visitInsn(t.slots() == 2 ? POP2 : POP);
  }

  void pushZero(ValueType t) {
    switch (t) {
      case I32 -> mv.visitInsn(ICONST_0);
      case I64 -> mv.visitInsn(LCONST_0);
      case F32 -> mv.visitInsn(FCONST_0);
      case F64 -> mv.visitInsn(DCONST_0);
      case FUNCREF, EXTERNREF -> mv.visitInsn(ACONST_NULL);
    }
  }

  /** Pushes an int constant with the shortest instruction. */
  void pushInt(int v) {
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

  void loadInstance() {
    mv.visitVarInsn(ALOAD, instanceSlot);
  }

  /** Calls a static method of the generated class. */
  void invokeOwn(String name, String descriptor) {
    mv.visitMethodInsn(INVOKESTATIC, module.internalName, name, descriptor, false);
  }

  // ---- locals ----

  int localSlot(int index) {
    return localSlots[index];
  }

  ValueType localType(int index) {
    return localTypes[index];
  }

  /**
   * Stores the top {@code count} JVM stack values (whose Wasm types are the top {@code count}
   * entries of the tracked stack) into fresh scratch locals, without changing the tracked stack;
   * returns the slots, bottom value first. Pair with {@link #reload}.
   */
  int[] spill(int count) {
    int[] slots = new int[count];
    for (int i = 0; i < count; i++) {
      ValueType t = peek(i);
      int slot = acquireScratch(t);
      slots[count - 1 - i] = slot;
      mv.visitVarInsn(JvmTypes.storeOpcode(t), slot);
    }
    return slots;
  }

  /** Loads spilled values back (bottom first) and frees their slots. */
  void reload(int[] slots) {
    int count = slots.length;
    for (int i = 0; i < count; i++) {
      ValueType t = peek(count - 1 - i);
      mv.visitVarInsn(JvmTypes.loadOpcode(t), slots[i]);
      freeScratch.computeIfAbsent(t, k -> new ArrayDeque<>()).push(slots[i]);
    }
  }

  int acquireScratch(ValueType t) {
    ArrayDeque<Integer> free = freeScratch.get(t);
    if (free != null && !free.isEmpty()) {
      return free.pop();
    }
    int slot = nextSlot;
    nextSlot += t.slots();
    return slot;
  }

  void releaseScratch(ValueType t, int slot) {
    freeScratch.computeIfAbsent(t, k -> new ArrayDeque<>()).push(slot);
  }

  // ---- control ----

  /** The opcode of the next instruction, or null at the end. */
  OpCode nextOpcode() {
    return pc < code.size() ? code.get(pc).opcode() : null;
  }

  void markUnreachable() {
    unreachable = true;
  }

  /**
   * A comparison's result: fused into a following {@code br_if} or {@code if}, or else
   * materialised as an i32.
   */
  void condition(Condition c) {
    OpCode next = nextOpcode();
    if (next == OpCode.BR_IF) {
      current = code.get(pc++);
      branchIf(c, (int) current.operand(0));
    } else if (next == OpCode.IF) {
      current = code.get(pc++);
      enterIf(c, current.operand(0));
    } else {
      c.materialize(mv);
      push(ValueType.I32);
    }
  }

  void enterBlock(ControlFrame.Kind kind, long blockType) {
    FunctionType bt = blockType(blockType);
    ControlFrame frame =
        new ControlFrame(kind, bt.params(), bt.results(), stack.size() - bt.params().size());
    frames.add(frame);
    if (kind == ControlFrame.Kind.LOOP) {
      mv.visitLabel(frame.target);
      emitInterruptCheck();
    }
  }

  /** {@code if}: the i32 condition (or a fused comparison) has been popped already. */
  void enterIf(Condition c, long blockType) {
    FunctionType bt = blockType(blockType);
    ControlFrame frame =
        new ControlFrame(
            ControlFrame.Kind.IF, bt.params(), bt.results(), stack.size() - bt.params().size());
    frames.add(frame);
    c.jump(mv, frame.elseLabel, false);
  }

  void elseArm() {
    ControlFrame frame = frames.get(frames.size() - 1);
    if (!unreachable) {
      mv.visitJumpInsn(GOTO, frame.target);
      frame.targetUsed = true;
    }
    frame.hasElse = true;
    mv.visitLabel(frame.elseLabel);
    resetStack(frame.entryHeight, frame.params);
    unreachable = false;
  }

  void end() {
    ControlFrame frame = frames.remove(frames.size() - 1);
    if (frame.kind == ControlFrame.Kind.FUNCTION) {
      if (!unreachable) {
        emitReturn();
      }
      return;
    }
    boolean reachable = !unreachable;
    if (frame.kind == ControlFrame.Kind.IF && !frame.hasElse) {
      mv.visitLabel(frame.elseLabel);
      reachable = true;
    }
    if (frame.kind != ControlFrame.Kind.LOOP && frame.targetUsed) {
      mv.visitLabel(frame.target);
      reachable = true;
    }
    resetStack(frame.entryHeight, frame.results);
    unreachable = !reachable;
  }

  private void resetStack(int height, List<ValueType> top) {
    while (stack.size() > height) {
      pop();
    }
    stack.addAll(top);
  }

  private ControlFrame frame(int depth) {
    return frames.get(frames.size() - 1 - depth);
  }

  /** {@code br depth}. */
  void branch(int depth) {
    jumpTo(frame(depth));
    unreachable = true;
  }

  /** {@code br_if depth}, the condition already popped from the tracked stack. */
  void branchIf(Condition c, int depth) {
    ControlFrame target = frame(depth);
    if (target.kind != ControlFrame.Kind.FUNCTION && extraBelow(target) == 0) {
      c.jump(mv, target.target, true);
      target.targetUsed = true;
    } else {
      Label skip = new Label();
      c.jump(mv, skip, false);
      jumpTo(target);
      mv.visitLabel(skip);
    }
  }

  /** {@code br_table}: operands are the label depths, the last one the default. */
  void branchTable(long[] depths) {
    int n = depths.length - 1;
    if (n == 0) {
      mv.visitInsn(POP);
      branch((int) depths[0]);
      return;
    }
    Map<Integer, Label> trampolines = new java.util.LinkedHashMap<>();
    Label[] labels = new Label[n];
    for (int i = 0; i < n; i++) {
      labels[i] = labelFor((int) depths[i], trampolines);
    }
    Label dflt = labelFor((int) depths[n], trampolines);
    mv.visitTableSwitchInsn(0, n - 1, dflt, labels);
    for (Map.Entry<Integer, Label> t : trampolines.entrySet()) {
      mv.visitLabel(t.getValue());
      jumpTo(frame(t.getKey()));
    }
    unreachable = true;
  }

  private Label labelFor(int depth, Map<Integer, Label> trampolines) {
    ControlFrame target = frame(depth);
    if (target.kind != ControlFrame.Kind.FUNCTION && extraBelow(target) == 0) {
      target.targetUsed = true;
      return target.target;
    }
    return trampolines.computeIfAbsent(depth, d -> new Label());
  }

  private int extraBelow(ControlFrame target) {
    return stack.size() - target.branchTypes().size() - target.entryHeight;
  }

  /**
   * Jumps to {@code target} carrying its branch values, first dropping whatever the current
   * frames stacked between them and the target's entry height. The tracked stack is unchanged.
   */
  private void jumpTo(ControlFrame target) {
    if (target.kind == ControlFrame.Kind.FUNCTION) {
      emitReturn();
      return;
    }
    int keep = target.branchTypes().size();
    int extra = extraBelow(target);
    if (extra > 0) {
      int[] kept = spill(keep);
      for (int i = 0; i < extra; i++) {
        discard(peek(keep + i));
      }
      reload(kept);
    }
    mv.visitJumpInsn(GOTO, target.target);
    target.targetUsed = true;
  }

  /** Returns the function's results from the top of the stack (extra values below are fine). */
  void emitReturn() {
    List<ValueType> results = type.results();
    switch (results.size()) {
      case 0 -> mv.visitInsn(RETURN);
      case 1 -> mv.visitInsn(JvmTypes.returnOpcode(results.get(0)));
      default -> {
        boxResults(results.size());
        mv.visitInsn(ARETURN);
      }
    }
  }

  /** Replaces the top {@code n} values by an {@code Object[]} holding them boxed. */
  void boxResults(int n) {
    int[] slots = spill(n);
    pushInt(n);
    mv.visitTypeInsn(ANEWARRAY, RuntimeNames.OBJECT);
    for (int i = 0; i < n; i++) {
      ValueType t = peek(n - 1 - i);
      mv.visitInsn(DUP);
      pushInt(i);
      mv.visitVarInsn(JvmTypes.loadOpcode(t), slots[i]);
      box(t);
      mv.visitInsn(AASTORE);
      releaseScratch(t, slots[i]);
    }
  }

  /** Pushes the values of an {@code Object[]} of results (on the JVM stack) in order. */
  void unboxResults(List<ValueType> results) {
    int array = acquireScratch(ValueType.EXTERNREF);
    mv.visitVarInsn(ASTORE, array);
    for (int i = 0; i < results.size(); i++) {
      mv.visitVarInsn(ALOAD, array);
      pushInt(i);
      mv.visitInsn(AALOAD);
      unbox(results.get(i));
      push(results.get(i));
    }
    releaseScratch(ValueType.EXTERNREF, array);
  }

  private void box(ValueType t) {
    if (!t.isReference()) {
      String box = JvmTypes.boxInternalName(t);
      mv.visitMethodInsn(INVOKESTATIC, box, "valueOf", "(" + t.descriptor() + ")L" + box + ";", false);
    }
  }

  private void unbox(ValueType t) {
    if (!t.isReference()) {
      String box = JvmTypes.boxInternalName(t);
      mv.visitTypeInsn(CHECKCAST, box);
      String prim = t.jvmClass().getName();
      mv.visitMethodInsn(INVOKEVIRTUAL, box, prim + "Value", "()" + t.descriptor(), false);
    }
  }

  /** Function entry and loop headers: lets the host interrupt a runaway module. */
  private void emitInterruptCheck() {
    loadInstance();
    mv.visitMethodInsn(
        INVOKESTATIC, RuntimeNames.INSTANCE, "checkInterrupt", "(" + RuntimeNames.INSTANCE_DESC + ")V", false);
  }

  private FunctionType blockType(long bt) {
    if (BlockType.isEmpty(bt)) {
      return FunctionType.of(List.of(), List.of());
    }
    if (BlockType.isValueType(bt)) {
      return FunctionType.of(List.of(), List.of(JvmTypes.valueTypeOfId(BlockType.valueTypeId(bt))));
    }
    return module.type((int) BlockType.typeIndex(bt));
  }
}
