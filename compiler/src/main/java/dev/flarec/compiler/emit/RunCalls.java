package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;

/**
 * How the methods of a split function hand work to each other (see
 * docs/RATIONALE.md#why-split-large-functions-by-structure): the heap frame they share, the calls
 * of outlined runs with the locals passed as parameters, and the result codes by which a run
 * completes or branches out. One per emitted method, beside its {@link FunctionEmitter}.
 *
 * <p>A run returns 0 when it completes, or {@code k + 1} to branch to the control frame at index
 * {@code k} (0 being the function itself, that is, {@code return}); the values such a branch
 * carries, the operand stack across a run and the locals some run writes travel through the frame:
 * a {@code long[]} for numbers and an {@code Object[]} for references and vectors.
 */
final class RunCalls {
  private final FunctionEmitter e;

  /** JVM locals holding the frame's arrays; -1 when the function is not split. */
  private final int bitsSlot;

  private final int refsSlot;

  /** Codes this method (a run) may return besides 0: bit {@code k + 1} for frame {@code k}. */
  final BitSet exitCodes = new BitSet();

  /**
   * Ways on from runs to a frame (reloads, then the jump), shared by the calls that branch there
   * having changed the same: by frame (frames at the same depth follow one another), then by what
   * they restore.
   */
  private final Map<ControlFrame, Map<SharedWayOn, Label>> sharedWaysOn = new IdentityHashMap<>();

  /** The stack at normal completion of a run; null when it cannot complete normally. */
  private List<ValueType> exitTypes;

  RunCalls(FunctionEmitter e, int bitsSlot, int refsSlot) {
    this.e = e;
    this.bitsSlot = bitsSlot;
    this.refsSlot = refsSlot;
  }

  /**
   * The function's own method of a split function: allocates the frame into its two locals, or,
   * when {@code cached}, takes the one its last call gave back (see {@link #giveBackFrame}) and
   * zeroes in it the locals read before they are written that only the frame holds, the only slots
   * a call reads that it has not written.
   */
  void allocateFrame(boolean cached) {
    FunctionCode fn = e.fn;
    var mv = e.mv();
    if (cached) {
      Label fresh = new Label();
      Label done = new Label();
      loadCachedFrames();
      mv.visitInsn(AALOAD);
      mv.visitInsn(DUP);
      mv.visitJumpInsn(IFNULL, fresh);
      loadCachedFrames();
      mv.visitInsn(ACONST_NULL);
      mv.visitInsn(AASTORE); // taken: a recursive call allocates its own
      mv.visitJumpInsn(GOTO, done);
      mv.visitLabel(fresh);
      mv.visitInsn(POP);
      e.pushInt(fn.frameLength());
      mv.visitIntInsn(NEWARRAY, T_LONG);
      mv.visitLabel(done);
      mv.visitVarInsn(ASTORE, bitsSlot);
      // a local this method keeps in a JVM local reaches the frame before any run reads it there
      BitSet readFirst = fn.liveness().before(0);
      for (int i = readFirst.nextSetBit(fn.type.params().size());
          i >= 0 && i < fn.localTypes.length;
          i = readFirst.nextSetBit(i + 1)) {
        if (!e.inJvmLocal(i)) {
          e.pushZero(fn.localTypes[i]);
          frameStore(fn.localTypes[i], i);
        }
      }
    } else {
      e.pushInt(fn.frameLength());
      mv.visitIntInsn(NEWARRAY, T_LONG);
      mv.visitVarInsn(ASTORE, bitsSlot);
    }
    if (fn.holdsObjects) {
      e.pushInt(fn.frameLength());
      e.mv().visitTypeInsn(ANEWARRAY, RuntimeNames.OBJECT);
    } else {
      e.mv().visitInsn(ACONST_NULL); // no reference or v128 ever reaches the frame
    }
    e.mv().visitVarInsn(ASTORE, refsSlot);
  }

  /** Gives the frame back for the function's next call, as the method returns. */
  void giveBackFrame() {
    loadCachedFrames();
    e.mv().visitVarInsn(ALOAD, bitsSlot);
    e.mv().visitInsn(AASTORE);
  }

  /** Pushes the instance's cached frames and this function's index in them. */
  private void loadCachedFrames() {
    e.loadInstance();
    e.mv().visitFieldInsn(GETFIELD, RuntimeNames.INSTANCE, "splitFrames", "[[J");
    e.pushInt(e.fn.index);
  }

  /** Descriptor of an outlined run: the frame arrays, the instance and the locals passed. */
  private String runDescriptor(BitSet passed) {
    StringBuilder desc =
        new StringBuilder("([J[Ljava/lang/Object;").append(e.module().instanceDesc);
    for (int i = passed.nextSetBit(0); i >= 0; i = passed.nextSetBit(i + 1)) {
      desc.append(e.fn.localTypes[i].descriptor());
    }
    return desc.append(")I").toString();
  }

  /** Pushes frame slot {@code index} as a value of type {@code t}. */
  void frameLoad(ValueType t, int index) {
    if (t.isObject()) {
      e.mv().visitVarInsn(ALOAD, refsSlot);
      e.pushInt(index);
      e.mv().visitInsn(AALOAD);
      if (t == ValueType.V128) {
        e.mv().visitTypeInsn(CHECKCAST, JvmTypes.V128_CLASS);
      }
    } else {
      // plain array loads: as cheap in the bytecode interpreter as in compiled code
      e.mv().visitVarInsn(ALOAD, bitsSlot);
      e.pushInt(index);
      e.mv().visitInsn(LALOAD);
      if (t == ValueType.I32 || t == ValueType.F32) {
        e.mv().visitInsn(L2I);
      }
      JvmTypes.fromRawBits(e.mv(), t);
    }
  }

  /**
   * Stores Wasm local {@code index}, which this method keeps in a JVM local, into its frame slot.
   * With the array pushed before the value, a plain array store does it, where a value already on
   * the stack needs {@link #frameStore}'s helper: no call for the bytecode interpreter to make, and
   * nothing of C2's inlining budget spent, at every write-back of a run's locals.
   */
  void frameStoreJvmLocal(int index) {
    ValueType t = e.fn.localTypes[index];
    var mv = e.mv();
    mv.visitVarInsn(ALOAD, t.isObject() ? refsSlot : bitsSlot);
    e.pushInt(index);
    e.loadJvmLocal(index);
    JvmTypes.toRawBits(mv, t);
    if (t == ValueType.I32 || t == ValueType.F32) {
      mv.visitInsn(I2L);
    }
    mv.visitInsn(t.isObject() ? AASTORE : LASTORE);
  }

  /** Stores the value of type {@code t} on top of the JVM stack into frame slot {@code index}. */
  void frameStore(ValueType t, int index) {
    if (t.isObject()) {
      e.mv().visitVarInsn(ALOAD, refsSlot);
      e.pushInt(index);
      e.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.FRAME_SLOTS,
              "storeRef",
              "(Ljava/lang/Object;[Ljava/lang/Object;I)V",
              false);
    } else {
      e.mv().visitVarInsn(ALOAD, bitsSlot);
      e.pushInt(index);
      e.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.FRAME_SLOTS,
              "store" + frameSuffix(t),
              "(" + t.descriptor() + "[JI)V",
              false);
    }
  }

  private static String frameSuffix(ValueType t) {
    return switch (t) {
      case I32 -> "I32";
      case I64 -> "I64";
      case F32 -> "F32";
      case F64 -> "F64";
      case FUNCREF, EXTERNREF, EXNREF, V128 -> "Ref";
    };
  }

  /** Writes the locals this method changed back to the frame (before calls and exits). */
  void flushLocals() {
    BitSet dirty = e.placement.dirty();
    for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
      frameStoreJvmLocal(i);
    }
  }

  /**
   * At the exit of a run ending at {@code end}: writes back the locals it changed, those live
   * wherever it may go on (its end, the frames it branches to); the others are written again before
   * they are read.
   */
  void flushLocalsGoingOn(int end) {
    BitSet live = liveGoingOn(end);
    BitSet dirty = e.placement.dirty();
    for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
      if (live == null || live.get(i)) {
        frameStoreJvmLocal(i);
      }
    }
  }

  /**
   * The locals live wherever this run, ending at {@code end}, may go on; null when not known (every
   * local may be).
   */
  private BitSet liveGoingOn(int end) {
    LocalLiveness liveness = e.fn.liveness();
    if (liveness == null) {
      return null;
    }
    BitSet live = new BitSet();
    if (exitTypes != null) {
      live.or(liveness.before(end));
    }
    for (int code = exitCodes.nextSetBit(1); code >= 0; code = exitCodes.nextSetBit(code + 1)) {
      BitSet there = liveAt(e.control.frameAt(code - 1));
      if (there == null) {
        return null;
      }
      live.or(there);
    }
    return live;
  }

  /**
   * The locals live where a branch to {@code target} goes: none for the function itself (a return);
   * null when not known.
   */
  private BitSet liveAt(ControlFrame target) {
    LocalLiveness liveness = e.fn.liveness();
    if (target.kind == ControlFrame.Kind.FUNCTION) {
      return new BitSet();
    }
    return liveness == null || target.bodyStart < 0
        ? null
        : liveness.atBranchTarget(target.bodyStart);
  }

  /**
   * Calls the outlined run {@code [start, end)}: the values of the innermost block are handed over
   * through the frame, the locals the run caches and this method keeps in JVM locals as parameters,
   * the run's method is emitted, and its result code is dispatched.
   */
  void emitRunCall(int start, int end) {
    FunctionCode fn = e.fn;
    OperandStack stack = e.stack;
    int baseHeight = e.baseHeight;
    ControlFrame innermost = e.innermostFrame();
    int callBase = Math.max(innermost.entryHeight, baseHeight);
    int first = callBase - baseHeight;
    for (int i = stack.size() - 1; i >= first; i--) {
      if (!stack.isVirtual(i)) {
        frameStore(stack.get(i), fn.stackSlot(baseHeight + i));
        stack.setVirtual(i, true);
      }
    }
    flushLocals();
    BitSet passed = passedTo(start, end);
    // the run reads the others of our JVM-local numbers in the frame, the live ones at least
    BitSet toFrame = fn.localsAccessed(start, end);
    toFrame.andNot(passed);
    LocalLiveness liveness = fn.liveness();
    if (liveness != null) {
      toFrame.and(liveness.before(start));
    }
    for (int i = toFrame.nextSetBit(0); i >= 0; i = toFrame.nextSetBit(i + 1)) {
      if (e.inJvmLocal(i)) {
        frameStoreJvmLocal(i);
      }
    }

    String name = fn.nextRunName();
    String descriptor = runDescriptor(passed);
    MethodSink.Opened opened = e.sink.open(name, descriptor);
    FunctionEmitter run = new FunctionEmitter(e, opened.mv(), start, end, callBase, passed);
    run.emit();
    e.sawHeight(run.maxHeightSeen());

    e.mv().visitVarInsn(ALOAD, bitsSlot);
    e.mv().visitVarInsn(ALOAD, refsSlot);
    e.loadInstance();
    for (int i = passed.nextSetBit(0); i >= 0; i = passed.nextSetBit(i + 1)) {
      e.loadJvmLocal(i);
    }
    e.mv().visitMethodInsn(INVOKESTATIC, opened.owner(), name, descriptor, false);
    // the locals we keep in JVM locals that the run may have changed come back from the frame,
    // on each way on only those live there
    BitSet written = fn.localsWritten(start, end);
    for (int i = written.nextSetBit(0); i >= 0; i = written.nextSetBit(i + 1)) {
      if (!e.inJvmLocal(i)) {
        written.clear(i);
      }
    }
    boolean growsMemory = e.mayGrowMemory(start, end);
    if (growsMemory && !goesOnOnlyByASharedWay(run.runs)) {
      e.refreshMemoryArray(); // once here rather than on each way on
      growsMemory = false;
    }
    dispatch(run.runs, first, new AfterRun(written, growsMemory, end));
  }

  /**
   * Whether {@code run} never completes and branches to one frame of this method only, by a way
   * calls share (an interpreter's arm going back to its loop): what follows the call is then that
   * way alone, and restoring the memory's array there serves every such call at once.
   */
  private boolean goesOnOnlyByASharedWay(RunCalls run) {
    BitSet own = (BitSet) run.exitCodes.clone();
    own.clear(0, e.control.outerFrames() + 1);
    if (run.exitTypes != null || own.cardinality() != 1) {
      return false;
    }
    ControlFrame target = e.control.frameAt(own.nextSetBit(0) - 1);
    return target.kind != ControlFrame.Kind.FUNCTION && sharesWayOn(target);
  }

  /**
   * What each way on from a call of the run ending at {@code end} restores, there rather than at
   * the call, so that the ways shared by many calls restore it once: the locals kept in JVM locals
   * that the run may have changed ({@code written}), and the memory's array when the run may have
   * grown it.
   */
  private record AfterRun(BitSet written, boolean growsMemory, int end) {}

  /** The ways on from runs shared by calls: by frame, then by what they restore. */
  private record SharedWayOn(BitSet reloaded, boolean refreshesMemory) {}

  /**
   * Reloads from the frame those of {@code written} that are live in {@code live} (all of them when
   * liveness is not known).
   */
  private void reload(BitSet written, BitSet live) {
    for (int i = written.nextSetBit(0); i >= 0; i = written.nextSetBit(i + 1)) {
      if (live == null || live.get(i)) {
        frameLoad(e.fn.localTypes[i], i);
        e.storeJvmLocal(i);
      }
    }
  }

  /**
   * The locals a call of the run {@code [start, end)} passes as parameters: the numbers this method
   * keeps in JVM locals that the run, a leaf, caches too. Only the function's own method keeps
   * locals that runs use in JVM locals, and only those no run writes, so none comes back.
   */
  private BitSet passedTo(int start, int end) {
    FunctionCode fn = e.fn;
    BitSet passed = new BitSet();
    if (fn.plan.hasRunWithin(start, end)) {
      return passed;
    }
    BitSet cached =
        fn.mostUsed(fn.localsUsed(start, end, false), start, end, LocalPlacement.MAX_CACHED_LOCALS);
    LocalLiveness liveness = fn.liveness();
    if (liveness != null) {
      cached.and(liveness.before(start)); // a dead one the run writes before it reads
    }
    for (int i = cached.nextSetBit(0); i >= 0; i = cached.nextSetBit(i + 1)) {
      if (e.inJvmLocal(i) && !fn.localTypes[i].isObject()) {
        passed.set(i);
      }
    }
    return passed;
  }

  /**
   * After a run returns its code: continue (0), pass a code for a caller's frame on with one range
   * check (codes {@code 1..outerFrames}), or branch to one of our own frames.
   */
  private void dispatch(RunCalls run, int first, AfterRun after) {
    var mv = e.mv();
    int outerFrames = e.control.outerFrames();
    BitSet own = (BitSet) run.exitCodes.clone();
    own.clear(0, outerFrames + 1);
    boolean anyOuter = run.exitCodes.previousSetBit(outerFrames) > 0;
    if (run.exitCodes.isEmpty()) {
      mv.visitInsn(POP);
      if (run.exitTypes == null) {
        throwUnreachable();
      }
    } else if (!anyOuter && own.cardinality() == 1) {
      // one place to branch to (an interpreter's arm going back to its loop): no switch
      Label normal = new Label();
      if (run.exitTypes != null) {
        mv.visitJumpInsn(IFEQ, normal);
      } else {
        mv.visitInsn(POP);
      }
      branchFromRun(own.nextSetBit(0) - 1, first, after);
      if (run.exitTypes != null) {
        mv.visitLabel(normal);
      }
    } else {
      Label normal = new Label();
      int codeSlot = e.acquireScratch(ValueType.I32);
      mv.visitVarInsn(ISTORE, codeSlot);
      if (run.exitTypes != null) {
        mv.visitVarInsn(ILOAD, codeSlot);
        mv.visitJumpInsn(IFEQ, normal);
      }
      if (anyOuter) {
        // our locals were flushed before the call and the frame holds the carried values
        exitCodes.or(run.exitCodes);
        exitCodes.andNot(own);
        Label mine = new Label();
        if (!own.isEmpty()) {
          mv.visitVarInsn(ILOAD, codeSlot);
          e.pushInt(outerFrames);
          mv.visitJumpInsn(IF_ICMPGT, mine);
        }
        mv.visitVarInsn(ILOAD, codeSlot);
        mv.visitInsn(IRETURN);
        if (!own.isEmpty()) {
          mv.visitLabel(mine);
        }
      }
      if (!own.isEmpty()) {
        int[] keys = own.stream().toArray();
        Label[] handlers = new Label[keys.length];
        for (int k = 0; k < keys.length; k++) {
          handlers[k] = new Label();
        }
        mv.visitVarInsn(ILOAD, codeSlot);
        // no other code can come back: the last case doubles as the default
        mv.visitLookupSwitchInsn(handlers[keys.length - 1], keys, handlers);
        for (int k = 0; k < keys.length; k++) {
          mv.visitLabel(handlers[k]);
          branchFromRun(keys[k] - 1, first, after);
        }
      }
      e.releaseScratch(ValueType.I32, codeSlot);
      if (run.exitTypes != null) {
        mv.visitLabel(normal);
      }
    }
    if (run.exitTypes != null) {
      LocalLiveness liveness = e.fn.liveness();
      reload(after.written(), liveness == null ? null : liveness.before(after.end()));
      if (after.growsMemory()) {
        e.refreshMemoryArray();
      }
    }
    OperandStack stack = e.stack;
    stack.truncate(first);
    if (run.exitTypes == null) {
      e.markUnreachable();
    } else {
      for (ValueType t : run.exitTypes) {
        stack.pushVirtual(t);
      }
      e.sawHeight(e.baseHeight + stack.size());
    }
  }

  /**
   * A run branched to frame {@code index}; its carried values are in the frame, and so are the
   * locals of {@code written} it changed.
   */
  private void branchFromRun(int index, int first, AfterRun after) {
    OperandStack stack = e.stack;
    ControlFrame target = e.control.frameAt(index);
    for (int i = first - 1; i >= target.entryHeight - e.baseHeight; i--) {
      if (!stack.isVirtual(i)) {
        e.discard(stack.get(i));
      }
    }
    if (target.kind != ControlFrame.Kind.FUNCTION) {
      BitSet reloaded = (BitSet) after.written().clone();
      BitSet live = liveAt(target);
      if (live != null) {
        reloaded.and(live);
      }
      SharedWayOn wayOn = new SharedWayOn(reloaded, after.growsMemory());
      if ((!reloaded.isEmpty() || after.growsMemory()) && sharesWayOn(target)) {
        // an interpreter's arms nearly all go back to its loop having changed the same locals:
        // one copy of what follows serves them all
        Map<SharedWayOn, Label> ways = sharedWaysOn.computeIfAbsent(target, t -> new HashMap<>());
        Label shared = ways.get(wayOn);
        if (shared != null) {
          e.mv().visitJumpInsn(GOTO, shared);
          return;
        }
        shared = new Label();
        ways.put(wayOn, shared);
        e.mv().visitLabel(shared);
      }
      reload(reloaded, null);
      if (after.growsMemory()) {
        e.refreshMemoryArray();
      }
    }
    List<ValueType> carried = e.control.carriedBy(target);
    for (int i = 0; i < carried.size(); i++) {
      frameLoad(carried.get(i), e.fn.stackSlot(target.entryHeight + i));
    }
    if (target.kind == ControlFrame.Kind.FUNCTION) {
      // only the root owns the function frame
      OperandStack.Snapshot saved = stack.snapshot();
      stack.truncate(0);
      for (ValueType t : carried) {
        stack.push(t);
      }
      e.control.emitReturn();
      stack.restore(saved);
    } else {
      e.mv().visitJumpInsn(GOTO, target.target);
      target.targetUsed = true;
    }
  }

  /**
   * Whether a branch from a run to {@code target} may join other such branches once it has dropped
   * the values above the target's: every value below is held in the frame, so the JVM stack is
   * empty and all of them arrive in the same state.
   */
  private boolean sharesWayOn(ControlFrame target) {
    for (int i = 0; i < target.entryHeight - e.baseHeight; i++) {
      if (!e.stack.isVirtual(i)) {
        return false;
      }
    }
    return true;
  }

  /** A run reached its end: hand its stack and locals back, and return 0. */
  void completeRun() {
    OperandStack stack = e.stack;
    if (e.control.isUnreachable()) {
      exitTypes = null;
      return;
    }
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (!stack.isVirtual(i)) {
        frameStore(stack.get(i), e.fn.stackSlot(e.baseHeight + i));
      }
    }
    e.mv().visitInsn(ICONST_0);
    e.control.returnCode(stack.size(), true);
    exitTypes = new ArrayList<>();
    for (int i = 0; i < stack.size(); i++) {
      exitTypes.add(stack.get(i));
    }
  }

  private void throwUnreachable() {
    e.mv()
        .visitMethodInsn(
            INVOKESTATIC, RuntimeNames.TRAP, "unreachable", RuntimeNames.TRAP_FACTORY_DESC, false);
    e.mv().visitInsn(ATHROW);
  }
}
