package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.types.BlockType;
import run.endive.wasm.types.CatchOpCode;
import run.endive.wasm.types.OpCode;

/**
 * Lowers Wasm's structured control for one method of a {@link FunctionEmitter}: the control stack
 * ({@code block}, {@code loop}, {@code if}/{@code else}, {@code try_table} and their {@code end}),
 * which code is reachable, and branches: a jump to a frame of this method, a return from the
 * function, or, from an outlined run, a return code naming a frame of a caller.
 *
 * <p>A branch leaves exactly the target's carried values above its entry height, so the JVM stack
 * agrees at every target label (JVMS §4.10.1); values in between that are on the JVM stack are
 * dropped first. A {@code try_table}'s body is the range of a JVM exception handler, cut around
 * tail calls. See docs/RATIONALE.md#why-wasm-exceptions-are-jvm-exceptions.
 *
 * <p>Call order: {@link #enterFunction} once in a root method (a run starts with its caller's
 * frames), then the {@code enter}/{@code end}/{@code branch} methods as instructions are emitted.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#control-instructions">Wasm
 *     2.0 §4.4.8</a>
 */
final class ControlLowering {
  private final FunctionEmitter f;
  private final MethodVisitor mv;
  private final OperandStack stack;
  private final ModuleInfo module;
  private final FunctionType type;
  private final boolean root;
  private final int baseHeight;
  private final ArrayList<ControlFrame> frames = new ArrayList<>();
  private final BranchTableLowering branchTables;

  /** How many frames belong to the methods that called this run (0 in a root method). */
  private final int outerFrames;

  private boolean unreachable;
  private int skippedDepth;

  /** A run's shared exit: writes changed locals back and returns the code on the stack. */
  private Label epilogue;

  /**
   * Control of a method of {@code f} whose operand stack starts at {@code baseHeight}; {@code
   * outer} are the frames of the methods that call it (none for a root method).
   */
  ControlLowering(
      FunctionEmitter f,
      MethodVisitor mv,
      OperandStack stack,
      boolean root,
      int baseHeight,
      List<ControlFrame> outer) {
    this.f = f;
    this.mv = mv;
    this.stack = stack;
    this.module = f.module();
    this.type = f.type();
    this.root = root;
    this.baseHeight = baseHeight;
    this.frames.addAll(outer);
    this.outerFrames = outer.size();
    this.branchTables = new BranchTableLowering(f, this, mv);
  }

  /** The function's own frame, which {@code return} and the final {@code end} leave. */
  void enterFunction() {
    pushFrame(new ControlFrame(ControlFrame.Kind.FUNCTION, List.of(), type.results(), 0));
  }

  private void pushFrame(ControlFrame frame) {
    frame.index = frames.size();
    frames.add(frame);
  }

  // ---- reachability ----

  boolean isUnreachable() {
    return unreachable;
  }

  void markUnreachable() {
    unreachable = true;
  }

  /**
   * Follows the block structure through unreachable code, which is not emitted: an {@code else} or
   * {@code end} of the block that became unreachable makes code reachable again.
   */
  void skipUnreachable(OpCode op) {
    switch (op) {
      case BLOCK, LOOP, IF, TRY_TABLE -> skippedDepth++;
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

  // ---- the control stack ----

  /** The control frame {@code depth} labels out (0 = innermost). */
  ControlFrame frame(int depth) {
    return frames.get(frames.size() - 1 - depth);
  }

  /** The frame at {@code index} of the function's control stack (0 = the function itself). */
  ControlFrame frameAt(int index) {
    return frames.get(index);
  }

  ControlFrame innermost() {
    return frames.get(frames.size() - 1);
  }

  /** The frames open now, outermost first: a run called here starts with them. */
  List<ControlFrame> openFrames() {
    return List.copyOf(frames);
  }

  /** How many control frames belong to the methods that called this run (0 in a root method). */
  int outerFrames() {
    return outerFrames;
  }

  FunctionType blockType(long bt) {
    if (BlockType.isEmpty(bt)) {
      return FunctionType.of(List.of(), List.of());
    }
    if (BlockType.isValueType(bt)) {
      return FunctionType.of(List.of(), List.of(JvmTypes.valueTypeOfId(BlockType.valueTypeId(bt))));
    }
    return module.type((int) BlockType.typeIndex(bt));
  }

  /** {@code block} or {@code loop}, whose body starts at instruction {@code bodyStart}. */
  void enterBlock(ControlFrame.Kind kind, long blockType, int bodyStart) {
    FunctionType bt = blockType(blockType);
    ControlFrame frame =
        new ControlFrame(kind, bt.params(), bt.results(), f.height() - bt.params().size());
    frame.bodyStart = bodyStart;
    pushFrame(frame);
    if (kind == ControlFrame.Kind.LOOP) {
      mv.visitLabel(frame.target);
      f.emitInterruptCheck();
    }
  }

  /**
   * {@code if}, whose then arm starts at instruction {@code bodyStart}: the i32 condition (or a
   * fused comparison) has been popped already.
   */
  void enterIf(Condition c, long blockType, int bodyStart) {
    FunctionType bt = blockType(blockType);
    ControlFrame frame =
        new ControlFrame(
            ControlFrame.Kind.IF, bt.params(), bt.results(), f.height() - bt.params().size());
    frame.bodyStart = bodyStart;
    pushFrame(frame);
    c.jump(mv, frame.elseLabel, false);
  }

  void elseArm() {
    ControlFrame frame = innermost();
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
    if (frame.kind == ControlFrame.Kind.TRY_TABLE) {
      endTryTable(frame);
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

  private void resetStack(int entryHeight, List<ValueType> top) {
    stack.truncate(entryHeight - baseHeight);
    for (ValueType t : top) {
      f.push(t);
    }
  }

  // ---- exception handling ----

  /**
   * {@code try_table}: a block whose body is the range of a JVM exception handler catching {@code
   * WasmException}. A JVM handler starts with an empty operand stack, so the values below the block
   * that are on the JVM stack are copied to JVM locals here, for the handler to put back.
   */
  void enterTryTable(long blockType, List<CatchOpCode.Catch> catches) {
    FunctionType bt = blockType(blockType);
    int params = bt.params().size();
    int entry = f.height() - params;
    int below = entry - baseHeight;
    int[] belowSlots = new int[Math.max(below, 0)];
    java.util.Arrays.fill(belowSlots, -1);
    boolean anyReal = false;
    for (int i = 0; i < below; i++) {
      anyReal |= !stack.isVirtual(i);
    }
    if (anyReal) {
      int[] kept = f.spill(params);
      for (int i = below - 1; i >= 0; i--) {
        if (!stack.isVirtual(i)) {
          belowSlots[i] = f.acquireScratch(stack.get(i));
          mv.visitVarInsn(JvmTypes.storeOpcode(stack.get(i)), belowSlots[i]);
        }
      }
      for (int i = 0; i < below; i++) {
        if (belowSlots[i] >= 0) {
          mv.visitVarInsn(JvmTypes.loadOpcode(stack.get(i)), belowSlots[i]);
        }
      }
      f.reload(kept);
    }
    ControlFrame frame =
        new ControlFrame(ControlFrame.Kind.TRY_TABLE, bt.params(), bt.results(), entry);
    frame.catches = catches;
    frame.belowSlots = belowSlots;
    pushFrame(frame);
    openRange(frame);
  }

  private void openRange(ControlFrame frame) {
    Label start = new Label();
    frame.ranges.add(start);
    mv.visitLabel(start);
    // an exception table range may not be empty, and a body may emit no code
    mv.visitInsn(NOP);
  }

  /**
   * A tail call leaves the function before its callee runs, so the callee's exceptions are not the
   * function's try_tables' to catch: the ranges of every try_table of this method end before it and
   * start again after it ({@code resume}).
   */
  void cutHandlerRanges(boolean resume) {
    for (int i = outerFrames; i < frames.size(); i++) {
      ControlFrame frame = frames.get(i);
      if (frame.kind == ControlFrame.Kind.TRY_TABLE) {
        if (resume) {
          openRange(frame);
        } else {
          Label end = new Label();
          mv.visitLabel(end);
          frame.ranges.add(end);
        }
      }
    }
  }

  /**
   * Closes a {@code try_table}'s range and emits its handler: each clause in order tests the tag
   * (by identity, through the instance) and branches to its label with the payload and/or the
   * exnref; an exception no clause takes is thrown on. Registered at the end, so that an inner
   * {@code try_table}, which ends first, precedes its outer ones in the exception table (the JVM
   * takes the first entry that covers the throwing instruction).
   */
  private void endTryTable(ControlFrame frame) {
    Label tryEnd = new Label();
    mv.visitLabel(tryEnd);
    frame.ranges.add(tryEnd);
    if (!unreachable) {
      mv.visitJumpInsn(GOTO, frame.target);
      frame.targetUsed = true;
    }
    Label handler = new Label();
    for (int i = 0; i < frame.ranges.size(); i += 2) {
      mv.visitTryCatchBlock(
          frame.ranges.get(i), frame.ranges.get(i + 1), handler, RuntimeNames.WASM_EXCEPTION);
    }
    mv.visitLabel(handler);
    OperandStack.Snapshot saved = stack.snapshot();
    stack.truncate(frame.entryHeight - baseHeight);
    int exception = f.acquireScratch(ValueType.EXNREF);
    mv.visitVarInsn(ASTORE, exception);
    restoreBelow(frame);
    // the exception may come from a callee that grew memory
    f.refreshMemoryArray();
    if (!emitCatchClauses(frame, exception)) {
      mv.visitVarInsn(ALOAD, exception);
      mv.visitTypeInsn(CHECKCAST, RuntimeNames.WASM_EXCEPTION);
      mv.visitInsn(ATHROW);
    }
    f.releaseScratch(ValueType.EXNREF, exception);
    stack.restore(saved);
    unreachable = true;
  }

  /** In a handler: puts back the values below the block that were on the JVM stack at its entry. */
  private void restoreBelow(ControlFrame frame) {
    for (int i = 0; i < frame.belowSlots.length; i++) {
      if (frame.belowSlots[i] >= 0) {
        mv.visitVarInsn(JvmTypes.loadOpcode(stack.get(i)), frame.belowSlots[i]);
        f.releaseScratch(stack.get(i), frame.belowSlots[i]);
      }
    }
  }

  /** The clauses of a handler, in order; true when one catches every exception. */
  private boolean emitCatchClauses(ControlFrame frame, int exception) {
    for (CatchOpCode.Catch c : frame.catches) {
      CatchOpCode kind = c.opcode();
      Label next = null;
      if (kind == CatchOpCode.CATCH || kind == CatchOpCode.CATCH_REF) {
        next = new Label();
        testTag(c.tag(), exception, next);
      }
      if (kind == CatchOpCode.CATCH_REF || kind == CatchOpCode.CATCH_ALL_REF) {
        mv.visitVarInsn(ALOAD, exception);
        f.push(ValueType.EXNREF);
      }
      int pushed = stack.size() - (frame.entryHeight - baseHeight);
      jumpTo(frame(c.label()));
      stack.truncate(stack.size() - pushed);
      if (next == null) {
        return true;
      }
      mv.visitLabel(next);
    }
    return false;
  }

  /** Goes to {@code next} unless the exception has tag {@code tag}; if so, pushes its payload. */
  private void testTag(int tag, int exception, Label next) {
    mv.visitVarInsn(ALOAD, exception);
    f.pushInt(tag);
    f.loadInstance();
    mv.visitMethodInsn(
        INVOKESTATIC,
        RuntimeNames.INSTANCE,
        "isTag",
        "(Ljava/lang/Object;I" + RuntimeNames.INSTANCE_DESC + ")Z",
        false);
    mv.visitJumpInsn(IFEQ, next);
    List<ValueType> payload = module.tagType(tag).params();
    if (!payload.isEmpty()) {
      mv.visitVarInsn(ALOAD, exception);
      mv.visitMethodInsn(
          INVOKESTATIC,
          RuntimeNames.WASM_EXCEPTION,
          "payloadOf",
          "(Ljava/lang/Object;)[Ljava/lang/Object;",
          false);
      f.unboxResults(payload);
    }
  }

  // ---- branches ----

  /** {@code br depth}. */
  void branch(int depth) {
    jumpTo(frame(depth));
    unreachable = true;
  }

  /**
   * {@code br_if depth}, the instruction at {@code brIfAt}; the condition already popped from the
   * tracked stack. A loop's back edge on a non-unit step is emitted as ordered tests ({@link
   * LoopBackEdge}).
   */
  void branchIf(Condition c, int depth, int brIfAt) {
    ControlFrame target = frame(depth);
    if (isLocal(target) && realExtrasBelow(target) == 0) {
      LoopBackEdge edge =
          target.kind == ControlFrame.Kind.LOOP
              ? LoopBackEdge.recognise(f.fn.code, brIfAt, c, target.bodyStart)
              : null;
      if (edge != null && edge.reloadableIn(f)) {
        edge.emit(f, target.target);
      } else {
        c.jump(mv, target.target, true);
      }
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
    branchTables.lower(depths);
  }

  List<ValueType> carriedBy(ControlFrame target) {
    return target.kind == ControlFrame.Kind.FUNCTION ? type.results() : target.branchTypes();
  }

  /** A frame this method can jump to with a JVM branch (not the function, not a caller's). */
  boolean isLocal(ControlFrame target) {
    return target.kind != ControlFrame.Kind.FUNCTION && target.index >= outerFrames;
  }

  /** Values on the JVM stack between the carried ones and the target's entry height. */
  int realExtrasBelow(ControlFrame target) {
    int keep = target.branchTypes().size();
    int n = 0;
    for (int i = stack.size() - keep - 1; i >= target.entryHeight - baseHeight; i--) {
      if (!stack.isVirtual(i)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Jumps to {@code target} carrying its branch values, first dropping whatever the current frames
   * stacked between them and the target's entry height. The tracked stack is unchanged.
   */
  void jumpTo(ControlFrame target) {
    int index = target.index;
    if (index < outerFrames) {
      branchOut(target, index);
      return;
    }
    if (target.kind == ControlFrame.Kind.FUNCTION) {
      emitReturn();
      return;
    }
    int keep = target.branchTypes().size();
    if (realExtrasBelow(target) > 0) {
      int[] kept = f.spill(keep);
      for (int i = stack.size() - keep - 1; i >= target.entryHeight - baseHeight; i--) {
        if (!stack.isVirtual(i)) {
          f.discard(stack.get(i));
        }
      }
      f.reload(kept);
    }
    mv.visitJumpInsn(GOTO, target.target);
    target.targetUsed = true;
  }

  /** From a run, a branch to a frame of a caller: values and locals to the frame, return code. */
  private void branchOut(ControlFrame target, int index) {
    List<ValueType> carried = carriedBy(target);
    for (int i = carried.size() - 1; i >= 0; i--) {
      f.runs.frameStore(carried.get(i), f.stackSlotOf(target.entryHeight + i));
    }
    f.pushInt(index + 1);
    returnCode(carried.size());
    f.addExitCode(index + 1);
  }

  /**
   * Returns the code on top of the JVM stack from a run. A run that changed cached locals writes
   * them back once, in a shared epilogue that every exit jumps to (its values below the code are
   * dropped first: the epilogue expects the code alone); {@code consumed} is how many entries of
   * the tracked stack's top are off the JVM stack already.
   */
  void returnCode(int consumed) {
    returnCode(consumed, false);
  }

  /**
   * {@link #returnCode(int)}, with {@code atEnd} for the run's last instruction, which the
   * write-back follows directly: no jump to it.
   */
  void returnCode(int consumed, boolean atEnd) {
    if (!f.writesBackLocals()) {
      mv.visitInsn(IRETURN);
      return;
    }
    boolean below = false;
    for (int i = stack.size() - consumed - 1; i >= 0; i--) {
      below |= !stack.isVirtual(i);
    }
    if (below) {
      int code = f.acquireScratch(ValueType.I32);
      mv.visitVarInsn(ISTORE, code);
      for (int i = stack.size() - consumed - 1; i >= 0; i--) {
        if (!stack.isVirtual(i)) {
          f.discard(stack.get(i));
        }
      }
      mv.visitVarInsn(ILOAD, code);
      f.releaseScratch(ValueType.I32, code);
    }
    if (epilogue == null) {
      epilogue = new Label();
    }
    if (!atEnd) {
      mv.visitJumpInsn(GOTO, epilogue);
    }
  }

  /** The label every exit of a run that writes back locals jumps to; null when none does. */
  Label epilogue() {
    return epilogue;
  }

  /** Returns the function's results from the top of the stack (extra values below are fine). */
  void emitReturn() {
    if (!root) {
      branchOut(frames.get(0), 0);
      return;
    }
    if (f.cachesFrame()) {
      f.runs.giveBackFrame();
    }
    List<ValueType> results = type.results();
    switch (results.size()) {
      case 0 -> mv.visitInsn(RETURN);
      case 1 -> mv.visitInsn(JvmTypes.returnOpcode(results.get(0)));
      default -> {
        f.boxResults(results.size());
        mv.visitInsn(ARETURN);
      }
    }
  }
}
