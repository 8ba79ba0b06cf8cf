package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.CatchOpCode;
import run.endive.wasm.types.OpCode;

/**
 * Emits one JVM method of a Wasm function: the whole function, or — for a function split across
 * several methods — its root or one outlined run. Drives the {@link OpcodeTable} over the
 * instructions and owns what every emitter shares: the typed operand stack, the locals (where each
 * lives is its {@link LocalPlacement}'s decision), scratch slots and the cached memory; its {@link
 * ControlLowering} owns the control stack and the rules for branching, its {@link VectorOperands}
 * the {@code v128} values held in halves or lanes. Emitters reach all of it through {@link
 * EmitContext} only.
 *
 * <p>The Wasm operand stack <em>is</em> the JVM operand stack; this class tracks the Wasm types on
 * it so that emitters know value widths and branches can discard what lies between the branch
 * values and the target's entry height. Code after an unconditional branch is unreachable in Wasm's
 * sense and is not emitted at all, which keeps the JVM verifier and Wasm's polymorphic stack from
 * ever meeting.
 *
 * <p>In a split function (see docs/RATIONALE.md#why-split-large-functions-by-structure) the locals
 * that runs use live in a heap frame: methods that call runs read and write them there directly,
 * and a run that calls none keeps up to {@link LocalPlacement#MAX_CACHED_LOCALS} of them in JVM
 * locals, loaded on entry and written back in its one exit. A run returns 0 when it completes, or
 * {@code k + 1} to branch to the control frame at index {@code k} (0 being the function itself,
 * that is, {@code return}); the values such a branch carries, and the operand stack across a run,
 * travel through the frame.
 *
 * <p>Call order: {@link #emit()} once; emitters call back into the {@code push}/{@code pop},
 * control and branch methods of {@link EmitContext} while it runs.
 */
final class FunctionEmitter implements EmitContext {
  private final MethodVisitor mv;
  private final ModuleInfo module;
  private final int functionIndex;
  private final FunctionType type;

  final FunctionCode fn;
  final MethodSink sink;
  private final List<AnnotatedInstruction> code;
  private final OpcodeTable table;
  private final boolean root;
  private final boolean split;

  /** See {@link #cachesFrame()}. */
  private final boolean cachesFrame;

  private final int from;
  private final int to;
  final int baseHeight;
  private final int outerFrames;
  final ControlLowering control;

  /** Where this method keeps each Wasm local, and the slots before the locals. */
  final LocalPlacement placement;

  /** Locals this method (a run) receives as parameters rather than from the frame. */
  private final BitSet passed;

  /** The heap frame and the calls of runs (a split function's methods); idle otherwise. */
  final RunCalls runs;

  /**
   * JVM local caching the memory's {@code byte[]}, or -1 when this method does no loads or stores.
   * Growth replaces the array, and only calls and {@code memory.grow} can grow it, so the local is
   * refreshed after those alone; C2 can then hoist the array's range checks out of loops. See
   * docs/RATIONALE.md#why-cache-the-memory-array-in-a-local.
   */
  private final int bytesSlot;

  /**
   * JVM local caching the memory's size in bytes, beside {@link #bytesSlot}, when the module's
   * accesses check it (the module grows memory); else -1.
   */
  private final int sizeSlot;

  /** JVM local caching the memory's write marks, when the module tracks writes; else -1. */
  private final int writtenSlot;

  /** JVM local holding the block this method marked last, beside {@link #writtenSlot}; else -1. */
  private final int markedSlot;

  final OperandStack stack = new OperandStack();

  /** The v128 values this method holds in halves or lanes, on the stack and in locals. */
  private final VectorOperands vectors = new VectorOperands(this, stack);

  private final Map<ValueType, ArrayDeque<Integer>> freeScratch = new EnumMap<>(ValueType.class);

  /** Where each instruction's code starts, when measuring a whole function; else null. */
  private final int[] offsets;

  private final CodeSizeCounter counter;
  private int nextSlot;

  /** The first JVM slot past the locals: scratch slots are this or above, locals' slots below. */
  private final int firstScratch;

  private int pc;
  private AnnotatedInstruction current;

  /** The entry a self tail call jumps to: after the prologue's setup, before locals are zeroed. */
  private final Label selfEntry = new Label();

  /** The root method of a function: the whole function, or the entry of a split one. */
  FunctionEmitter(FunctionCode fn, MethodVisitor mv, MethodSink sink, int[] offsets) {
    this.fn = fn;
    this.counter = offsets == null ? null : new CodeSizeCounter(mv);
    this.mv = counter == null ? mv : counter;
    this.offsets = offsets;
    this.sink = sink;
    this.module = fn.module;
    this.functionIndex = fn.index;
    this.type = fn.type;
    this.code = fn.code;
    this.table = fn.table;
    this.root = true;
    this.split = fn.plan.isSplit();
    // of a split function, any tail call needs the trampoline
    this.cachesFrame =
        split
            && !fn.holdsObjects
            && !type.isWide()
            && fn.liveness() != null
            && !TailCalls.needsTrampoline(fn);
    this.passed = new BitSet();
    this.from = 0;
    this.to = code.size();
    this.baseHeight = 0;
    this.control = new ControlLowering(this, this.mv, stack, true, 0, List.of());
    this.outerFrames = 0;
    this.placement = LocalPlacement.ofRoot(fn, split);
    int slot = placement.nextSlot();
    this.bytesSlot = accessesMemory(from, to) ? slot++ : -1;
    this.sizeSlot = bytesSlot >= 0 && module.descriptor.checksMemorySize() ? slot++ : -1;
    this.writtenSlot = bytesSlot >= 0 && module.descriptor.tracksMemoryWrites() ? slot++ : -1;
    this.markedSlot = writtenSlot >= 0 ? slot++ : -1;
    this.nextSlot = slot;
    this.firstScratch = slot;
    this.runs = new RunCalls(this, placement.bitsSlot(), placement.refsSlot());
  }

  /** An outlined run {@code [from, to)} called from {@code parent}. */
  FunctionEmitter(
      FunctionEmitter parent, MethodVisitor mv, int from, int to, int callBase, BitSet passed) {
    this.fn = parent.fn;
    this.counter = null;
    this.offsets = null;
    this.mv = mv;
    this.sink = parent.sink;
    this.module = fn.module;
    this.functionIndex = fn.index;
    this.type = fn.type;
    this.code = fn.code;
    this.table = fn.table;
    this.root = false;
    this.split = true;
    this.cachesFrame = false;
    this.from = from;
    this.to = to;
    this.baseHeight = callBase;
    this.passed = passed;
    this.placement = LocalPlacement.ofRun(fn, from, to, passed);
    int slot = placement.nextSlot();
    this.bytesSlot = accessesMemory(from, to) ? slot++ : -1;
    this.sizeSlot = bytesSlot >= 0 && module.descriptor.checksMemorySize() ? slot++ : -1;
    this.writtenSlot = bytesSlot >= 0 && module.descriptor.tracksMemoryWrites() ? slot++ : -1;
    this.markedSlot = writtenSlot >= 0 ? slot++ : -1;
    this.nextSlot = slot;
    this.firstScratch = slot;
    this.runs = new RunCalls(this, placement.bitsSlot(), placement.refsSlot());
    this.control =
        new ControlLowering(this, mv, stack, false, callBase, parent.control.openFrames());
    this.outerFrames = control.outerFrames();
    for (int i = callBase - parent.baseHeight; i < parent.stack.size(); i++) {
      stack.pushVirtual(parent.stack.get(i));
    }
  }

  @Override
  public MethodVisitor mv() {
    return mv;
  }

  @Override
  public ModuleInfo module() {
    return module;
  }

  @Override
  public int functionIndex() {
    return functionIndex;
  }

  @Override
  public FunctionType type() {
    return type;
  }

  @Override
  public int bytesSlot() {
    return bytesSlot;
  }

  @Override
  public int sizeSlot() {
    return sizeSlot;
  }

  @Override
  public int writtenSlot() {
    return writtenSlot;
  }

  @Override
  public boolean accessInBounds() {
    return fn.inBoundsAccesses(this).get(pc - 1);
  }

  @Override
  public int accessBytes(AnnotatedInstruction ins) {
    return table.row(ins, this).accessBytes();
  }

  @Override
  public int markedSlot() {
    return markedSlot;
  }

  /**
   * True when {@code [from, to)} loads or stores (a run's own code included: conservative) and
   * memory 0 is a 32-bit one, whose array and size the method keeps in locals.
   */
  private boolean accessesMemory(int from, int to) {
    return !module.descriptor.memories().isEmpty()
        && !module.descriptor.memories().get(0).is64()
        && fn.memoryAccesses(from, to) > 0;
  }

  /**
   * True when {@code [from, to)} grows memory or calls a function that may: the memory's array may
   * be replaced.
   */
  boolean mayGrowMemory(int from, int to) {
    for (int i = from; i < to; i++) {
      AnnotatedInstruction ins = code.get(i);
      if (ins.opcode() == OpCode.CALL) {
        if (module.mayGrowMemory((int) ins.operand(0))) {
          return true;
        }
        continue;
      }
      OpcodeRow row = table.rowOrNull(ins.opcode());
      if (row != null && row.mayGrowMemory()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Re-reads the memory's array and size into {@link #bytesSlot} and {@link #sizeSlot} (entry, and
   * after calls and growth).
   */
  @Override
  public void refreshMemoryArray() {
    if (bytesSlot >= 0) {
      loadInstance();
      mv.visitFieldInsn(
          GETFIELD,
          module.internalName,
          dev.flarec.compiler.layout.NamingScheme.memoryField(0),
          RuntimeNames.MEMORY_DESC);
      if (sizeSlot >= 0) {
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, RuntimeNames.MEMORY, "size", "I");
        mv.visitVarInsn(ISTORE, sizeSlot);
      }
      if (writtenSlot >= 0) {
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, RuntimeNames.MEMORY, "written", "[B");
        mv.visitVarInsn(ASTORE, writtenSlot);
        // whatever cleared marks (a host restoring a snapshot) ran before here
        if (markedSlot >= 0) {
          pushInt(NO_BLOCK);
          mv.visitVarInsn(ISTORE, markedSlot);
        }
      }
      mv.visitFieldInsn(GETFIELD, RuntimeNames.MEMORY, "bytes", "[B");
      mv.visitVarInsn(ASTORE, bytesSlot);
    }
  }

  /**
   * Whether this split function's own method reuses its heap frame from call to call (see {@link
   * RunCalls#allocateFrame}): not when the frame holds references (an {@code Object[]} too), nor
   * with arguments in an array, tail calls, or no liveness to say which locals to zero.
   */
  boolean cachesFrame() {
    return cachesFrame;
  }

  void emit() {
    mv.visitCode();
    if (root) {
      emitRootPrologue();
      control.enterFunction();
    } else {
      // a local dead where the run starts is written before it is read on every path: its JVM
      // local is not loaded from the frame (the caller did not store it there), and needs a value
      // only if the write-back on exit, shared by all exits, may read it on a path that did not
      // write it (see unsetOnSomeExit)
      LocalLiveness liveness = fn.liveness();
      BitSet liveIn = liveness == null ? null : liveness.before(from);
      BitSet unsetOnSomeExit = liveness == null ? null : unsetOnSomeExit(liveness);
      for (int i = 0; i < placement.slots().length; i++) {
        if (placement.slots()[i] >= 0 && !passed.get(i)) {
          if (liveIn != null && !liveIn.get(i) && !inLongs(i)) {
            if (unsetOnSomeExit.get(i)) {
              pushZero(fn.localTypes[i]);
              storeJvmLocal(i);
            }
            continue;
          }
          runs.frameLoad(fn.localTypes[i], i);
          storeJvmLocal(i);
        }
      }
    }
    refreshMemoryArray();
    Label flushStart = null;
    if (flushesOnThrow()) {
      flushStart = new Label();
      mv.visitLabel(flushStart);
      mv.visitInsn(NOP);
    }
    pc = from;
    while (pc < to) {
      if (offsets != null) {
        offsets[pc] = counter.size();
      }
      if (split && !control.isUnreachable()) {
        int runEnd = fn.plan.runAt(pc, from, root ? to - 1 : to);
        if (runEnd >= 0) {
          vectors.materializeAllHalves();
          runs.emitRunCall(pc, runEnd);
          pc = runEnd;
          continue;
        }
      }
      current = code.get(pc++);
      OpCode op = current.opcode();
      if (control.isUnreachable()) {
        control.skipUnreachable(op);
      } else {
        OpcodeRow row = table.row(current, this);
        Emitter emitter = row.emitter();
        if (!(emitter instanceof TopOnlyEmitter) || row.has(OpcodeRow.Trait.FUSES_WITH_BRANCH)) {
          vectors.materializeAllHalves();
        }
        vectors.materializeTop(pops(row, current), emitter instanceof HalvesEmitter);
        boolean tailCall = row.has(OpcodeRow.Trait.TAIL_CALLS);
        if (tailCall) {
          control.cutHandlerRanges(false);
        }
        row.emitter().emit(this, current);
        if (tailCall) {
          control.cutHandlerRanges(true);
        }
      }
    }
    if (!control.isUnreachable()) {
      vectors.materializeAllHalves();
    }
    Label flushEnd = new Label();
    mv.visitLabel(flushEnd);
    if (offsets != null) {
      offsets[to] = counter.size();
      for (int i = to - 1; i >= from; i--) {
        // instructions fused into their predecessor, or skipped, take no code of their own
        if (offsets[i] == 0 && i > from) {
          offsets[i] = offsets[i + 1];
        }
      }
    }
    if (!root) {
      runs.completeRun();
      Label epilogue = control.epilogue();
      if (epilogue != null) {
        mv.visitLabel(epilogue);
        runs.flushLocalsGoingOn(to);
        mv.visitInsn(IRETURN);
      }
      if (flushStart != null) {
        // a Wasm exception on its way to a caller's try_table: write back, throw on
        Label handler = new Label();
        mv.visitTryCatchBlock(flushStart, flushEnd, handler, RuntimeNames.WASM_EXCEPTION);
        mv.visitLabel(handler);
        runs.flushLocals();
        mv.visitInsn(ATHROW);
      }
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void emitRootPrologue() {
    if (type.isWide()) {
      for (int i = 0; i < type.params().size(); i++) {
        mv.visitVarInsn(ALOAD, 0);
        pushInt(i);
        mv.visitInsn(AALOAD);
        JvmTypes.unbox(mv, fn.localTypes[i]);
        mv.visitVarInsn(JvmTypes.storeOpcode(fn.localTypes[i]), placement.slots()[i]);
      }
    }
    if (split) {
      runs.allocateFrame(cachesFrame());
      // a v128 local's zero is an object, not the null a fresh frame holds
      for (int i = type.params().size(); i < placement.slots().length; i++) {
        if (fn.localTypes[i] == ValueType.V128) {
          pushZero(ValueType.V128);
          runs.frameStore(ValueType.V128, i);
        }
      }
      // parameters that runs use move to the frame
      for (int i = 0; i < type.params().size(); i++) {
        if (placement.direct().get(i)) {
          mv.visitVarInsn(JvmTypes.loadOpcode(fn.localTypes[i]), placement.slots()[i]);
          runs.frameStore(fn.localTypes[i], i);
        }
      }
    }
    mv.visitLabel(selfEntry);
    BitSet readFirst = readBeforeWritten();
    for (int i = type.params().size(); i < placement.slots().length; i++) {
      if (placement.slots()[i] >= 0 && laneTypeOfLocal(i) != null) {
        for (int k = 0; k < 4; k++) {
          pushZero(laneTypeOfLocal(i));
          mv.visitVarInsn(JvmTypes.storeOpcode(laneTypeOfLocal(i)), placement.slots()[i] + k);
        }
      } else if (placement.slots()[i] >= 0 && inLongs(i)) {
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, placement.slots()[i]);
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, placement.slots()[i] + 2);
      } else if (placement.slots()[i] >= 0 && (readFirst == null || readFirst.get(i))) {
        pushZero(fn.localTypes[i]);
        mv.visitVarInsn(JvmTypes.storeOpcode(fn.localTypes[i]), placement.slots()[i]);
      }
    }
    // Only a function that calls can recurse forever; a leaf's loops carry their own checks.
    if (makesCalls()) {
      emitInterruptCheck();
    }
  }

  /**
   * The locals this run writes back on exit that some exit may reach without writing them: the
   * write-back, one for all exits, stores those live at any exit, and a local dead where the run
   * starts is written on every path only to the exits where it is live. An exit is the run's end, a
   * branch to a frame outside it, or a return (nothing live).
   */
  private BitSet unsetOnSomeExit(LocalLiveness liveness) {
    BitSet liveAtAll = (BitSet) liveness.before(to).clone();
    BitSet liveAtAny = (BitSet) liveAtAll.clone();
    int depth = 0;
    for (int i = from; i < to; i++) {
      AnnotatedInstruction ins = code.get(i);
      switch (ins.opcode()) {
        case BLOCK, LOOP, IF -> depth++;
        case END -> depth--;
        case BR, BR_IF -> leave(liveAtAll, liveAtAny, liveness, (int) ins.operand(0), depth);
        case BR_TABLE -> {
          for (long d : ins.operands()) {
            leave(liveAtAll, liveAtAny, liveness, (int) d, depth);
          }
        }
        case RETURN, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> liveAtAll.clear();
        default -> {}
      }
    }
    BitSet unset = (BitSet) placement.dirty().clone();
    unset.and(liveAtAny);
    unset.andNot(liveAtAll);
    return unset;
  }

  /**
   * Accounts for a branch of {@code depth}, {@code nesting} blocks into this run: when it leaves
   * the run, what is live where it goes narrows {@code liveAtAll} and widens {@code liveAtAny}.
   */
  private void leave(
      BitSet liveAtAll, BitSet liveAtAny, LocalLiveness liveness, int depth, int nesting) {
    if (depth >= nesting) {
      ControlFrame target = control.frame(depth - nesting);
      if (target.kind == ControlFrame.Kind.FUNCTION) {
        liveAtAll.clear();
      } else {
        BitSet there = liveness.atBranchTarget(target.bodyStart);
        liveAtAll.and(there);
        liveAtAny.or(there);
      }
    }
  }

  /**
   * The locals the function may read before writing them, the only ones its prologue must set to
   * zero; null when every local must be (no liveness: a {@code try_table}'s handler may read any).
   * Any other local is written on every path before it is read, so the JVM's verifier, following
   * the same paths, finds it assigned wherever it is loaded; clang's functions declare dozens of
   * such scratch locals. What split methods read beyond Wasm's own {@code local.get}s follows
   * liveness too: a run's parameters and the frame writes before a call of it are the locals live
   * where it starts, a run's write-back on exit those live where it goes on.
   */
  private BitSet readBeforeWritten() {
    LocalLiveness liveness = fn.liveness();
    return liveness == null ? null : liveness.before(0);
  }

  private boolean makesCalls() {
    for (AnnotatedInstruction ins : code) {
      OpcodeRow row = table.rowOrNull(ins.opcode());
      if (row != null && row.has(OpcodeRow.Trait.CALLS)) {
        return true;
      }
    }
    return false;
  }

  /** Measured: the highest operand-stack height seen (valid after {@link #emit()}). */
  private int maxHeightSeen;

  /**
   * The bytes C2 would count against its inlining limit when compiling this method, {@code v128}
   * memory helpers included; only when measuring a whole function.
   */
  int inlinedSizeWithVectorMemory() {
    return counter.inlinedSize() + counter.vectorMemoryInlined();
  }

  @Override
  public int[] lanesOfNextSet(ValueType lane) {
    if (!nextFusable() || code.get(pc).opcode() != OpCode.LOCAL_SET) {
      return null;
    }
    int index = (int) code.get(pc).operand(0);
    int slot = placement.slots()[index];
    if (slot < 0 || slot >= firstScratch || !inLongs(index) || laneTypeOfLocal(index) != lane) {
      return null;
    }
    return new int[] {slot, slot + 1, slot + 2, slot + 3};
  }

  @Override
  public boolean isScratch(int slot) {
    return slot >= firstScratch;
  }

  @Override
  public boolean laneMemoryAccesses() {
    return fn.laneMemoryAccesses;
  }

  int maxHeightSeen() {
    return maxHeightSeen;
  }

  /** Records that the operand stack reached {@code height} values (in a run this method calls). */
  void sawHeight(int height) {
    maxHeightSeen = Math.max(maxHeightSeen, height);
  }

  /** Whether Wasm local {@code index} lives in JVM locals of this method, not in the frame. */
  boolean inJvmLocal(int index) {
    return placement.slots()[index] >= 0 && !placement.direct().get(index);
  }

  /** Whether a reference or v128 value was ever on this method's operand stack. */
  boolean pushedObject() {
    return stack.heldObject();
  }

  @Override
  public UnsupportedModuleException unsupported(String what) {
    return new UnsupportedModuleException(
        what, functionIndex, current == null ? -1 : current.address(), null);
  }

  // ---- operand stack ----

  @Override
  public void push(ValueType t) {
    stack.push(t);
    maxHeightSeen = Math.max(maxHeightSeen, baseHeight + stack.size());
  }

  @Override
  public ValueType pop() {
    return stack.pop();
  }

  /** The type {@code depth} entries below the top (0 = top). */
  @Override
  public ValueType peek(int depth) {
    return stack.peek(depth);
  }

  int height() {
    return baseHeight + stack.size();
  }

  /** Emits POP or POP2 for a value of type {@code t} on top of the JVM stack. */
  @Override
  public void discard(ValueType t) {
    mv.visitInsn(t.slots() == 2 ? POP2 : POP);
  }

  void pushZero(ValueType t) {
    switch (t) {
      case I32 -> mv.visitInsn(ICONST_0);
      case I64 -> mv.visitInsn(LCONST_0);
      case F32 -> mv.visitInsn(FCONST_0);
      case F64 -> mv.visitInsn(DCONST_0);
      case FUNCREF, EXTERNREF, EXNREF -> mv.visitInsn(ACONST_NULL);
      case V128 ->
          mv.visitFieldInsn(GETSTATIC, JvmTypes.V128_CLASS, "ZERO", ValueType.V128.descriptor());
    }
  }

  /** Pushes an int constant with the shortest instruction. */
  @Override
  public void pushInt(int v) {
    JvmConstants.pushInt(mv, v);
  }

  @Override
  public void loadInstance() {
    mv.visitVarInsn(ALOAD, placement.instanceSlot());
  }

  /** Calls a static method of the generated class. */
  @Override
  public void invokeOwn(String name, String descriptor) {
    mv.visitMethodInsn(INVOKESTATIC, module.internalName, name, descriptor, false);
  }

  // ---- v128 operands (held in halves or lanes: VectorOperands) ----

  @Override
  public void operandsToHalves(int count) {
    vectors.operandsToHalves(count);
  }

  @Override
  public void operandsToLanes(int count, ValueType lane) {
    vectors.operandsToLanes(count, lane);
  }

  @Override
  public boolean splatAt(int depth) {
    return vectors.splatAt(depth);
  }

  @Override
  public void markSplatOnTop() {
    vectors.markSplatOnTop();
  }

  @Override
  public ValueType laneTypeAt(int depth) {
    return vectors.laneTypeAt(depth);
  }

  @Override
  public int[] popHalves() {
    return vectors.popHalves();
  }

  @Override
  public void pushHalves(int lo, int hi) {
    vectors.pushHalves(lo, hi);
  }

  @Override
  public void releaseHalves(int[] slots) {
    vectors.releaseHalves(slots);
  }

  @Override
  public int[] popLanes() {
    return vectors.popLanes();
  }

  @Override
  public void pushLanes(ValueType lane, int[] slots) {
    vectors.pushLanes(lane, slots);
  }

  @Override
  public void releaseLanes(ValueType lane, int[] slots) {
    vectors.releaseLanes(lane, slots);
  }

  @Override
  public void operandsToHalves(int count, boolean keepWidened) {
    vectors.operandsToHalves(count, keepWidened);
  }

  @Override
  public ByteWidening wideningAt(int depth) {
    return vectors.wideningAt(depth);
  }

  @Override
  public int[] popWidenedBytes() {
    return vectors.popWidenedBytes();
  }

  @Override
  public void pushWidenedBytes(int[] bytes, ByteWidening widening) {
    vectors.pushWidenedBytes(bytes, widening);
  }

  /** Whether a comparison followed by {@code next} is emitted as one with it. */
  private static boolean fusesWith(OpCode next) {
    return next == OpCode.BR_IF
        || next == OpCode.IF
        || next == OpCode.SELECT
        || next == OpCode.SELECT_T;
  }

  /** How many operand-stack values {@code ins} consumes, counting a fused branch after it. */
  private int pops(OpcodeRow row, AnnotatedInstruction ins) {
    int n = row.pops().of(this, ins);
    OpCode next = nextOpcode();
    if (row.has(OpcodeRow.Trait.FUSES_WITH_BRANCH) && fusesWith(next)) {
      AnnotatedInstruction branch = code.get(pc);
      n += table.row(next, this).pops().of(this, branch) - 1;
    }
    return n;
  }

  // ---- locals ----

  /** Pushes Wasm local {@code index}. */
  @Override
  public void loadLocal(int index) {
    if (placement.direct().get(index)) {
      runs.frameLoad(fn.localTypes[index], index);
    } else {
      loadJvmLocal(index);
    }
  }

  /**
   * Whether this method can read Wasm local {@code index}: it has a JVM local for it or works on
   * its frame slot. An outlined run has only the locals its own instructions use.
   */
  boolean holdsLocal(int index) {
    return placement.direct().get(index) || placement.slots()[index] >= 0;
  }

  /** Pops the top of the JVM stack into Wasm local {@code index}. */
  @Override
  public void storeLocal(int index) {
    if (placement.direct().get(index)) {
      runs.frameStore(fn.localTypes[index], index);
    } else {
      storeJvmLocal(index);
    }
  }

  /** See {@link LocalPlacement#inLongs}. */
  boolean inLongs(int index) {
    return placement.inLongs(fn, index);
  }

  @Override
  public ValueType laneTypeOfLocal(int index) {
    return vectors.laneTypeOfLocal(index);
  }

  @Override
  public boolean localInHalves(int index) {
    return vectors.localInHalves(index);
  }

  @Override
  public void loadLocalHalves(int index) {
    vectors.loadLocalHalves(index);
  }

  @Override
  public void storeLocalHalves(int index, boolean keep) {
    vectors.storeLocalHalves(index, keep);
  }

  /** Boxes the top {@code count} values if held in halves (for a {@link HalvesEmitter}). */
  @Override
  public void materializeOperands(int count) {
    vectors.materializeTop(count, false);
  }

  /** Pushes the value of a local that has JVM slots of its own. */
  void loadJvmLocal(int index) {
    int slot = placement.slots()[index];
    if (inLongs(index)) {
      mv.visitTypeInsn(NEW, JvmTypes.V128_CLASS);
      mv.visitInsn(DUP);
      ValueType lane = laneTypeOfLocal(index);
      if (lane != null) {
        SimdLanes.pushPacked(mv, lane, slot, slot + 1);
        SimdLanes.pushPacked(mv, lane, slot + 2, slot + 3);
      } else {
        mv.visitVarInsn(LLOAD, slot);
        mv.visitVarInsn(LLOAD, slot + 2);
      }
      mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.V128_CLASS, "<init>", "(JJ)V", false);
    } else {
      mv.visitVarInsn(JvmTypes.loadOpcode(fn.localTypes[index]), slot);
    }
  }

  /** Pops the top of the JVM stack into the JVM slots of a local. */
  void storeJvmLocal(int index) {
    int slot = placement.slots()[index];
    if (inLongs(index) && laneTypeOfLocal(index) != null) {
      ValueType lane = laneTypeOfLocal(index);
      mv.visitInsn(DUP);
      mv.visitFieldInsn(GETFIELD, JvmTypes.V128_CLASS, "lo", "J");
      SimdLanes.storeUnpacked(mv, lane, slot, slot + 1);
      mv.visitFieldInsn(GETFIELD, JvmTypes.V128_CLASS, "hi", "J");
      SimdLanes.storeUnpacked(mv, lane, slot + 2, slot + 3);
    } else if (inLongs(index)) {
      mv.visitInsn(DUP);
      mv.visitFieldInsn(GETFIELD, JvmTypes.V128_CLASS, "lo", "J");
      mv.visitVarInsn(LSTORE, slot);
      mv.visitFieldInsn(GETFIELD, JvmTypes.V128_CLASS, "hi", "J");
      mv.visitVarInsn(LSTORE, slot + 2);
    } else {
      mv.visitVarInsn(JvmTypes.storeOpcode(fn.localTypes[index]), slot);
    }
  }

  @Override
  public ValueType localType(int index) {
    return fn.localTypes[index];
  }

  /**
   * Stores the top {@code count} JVM stack values (whose Wasm types are the top {@code count}
   * entries of the tracked stack) into fresh scratch locals, without changing the tracked stack;
   * returns the slots, bottom value first. Pair with {@link #reload}.
   */
  @Override
  public int[] spill(int count) {
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
  @Override
  public void reload(int[] slots) {
    int count = slots.length;
    for (int i = 0; i < count; i++) {
      ValueType t = peek(count - 1 - i);
      mv.visitVarInsn(JvmTypes.loadOpcode(t), slots[i]);
      releaseScratch(t, slots[i]);
    }
  }

  @Override
  public int acquireScratch(ValueType t) {
    ArrayDeque<Integer> free = freeScratch.get(t);
    if (free != null && !free.isEmpty()) {
      return free.pop();
    }
    int slot = nextSlot;
    nextSlot += t.slots();
    return slot;
  }

  @Override
  public void releaseScratch(ValueType t, int slot) {
    if (slot < firstScratch) {
      return; // a local's own lane slots, lent to an operand (mayLendLanes)
    }
    freeScratch.computeIfAbsent(t, k -> new ArrayDeque<>()).push(slot);
  }

  /** Highest JVM local slot used so far plus one (to check the JVM's limit). */
  int slotsUsed() {
    return nextSlot;
  }

  // ---- control ----

  /** The opcode of the next instruction of this method, or null at its end. */
  OpCode nextOpcode() {
    return pc < to ? code.get(pc).opcode() : null;
  }

  /**
   * The instruction that will consume the value the current instruction pushes, found by counting
   * pops and pushes over the straight-line instructions that follow; null if control flow, a call
   * or the end of this method comes first.
   */
  @Override
  public AnnotatedInstruction consumerOfResult() {
    return consumerFrom(pc, to, true);
  }

  /**
   * Whether a {@code local.get} of local {@code index} (the current instruction), kept in lanes,
   * may push the local's own lane slots instead of a copy of them: when the value's consumer is
   * lane arithmetic ({@link SimdLanes#binary}, which then writes its result to fresh slots),
   * reached by straight-line code that writes no local of that index. Saves the copy's 16 bytes of
   * bytecode per read, which count against C2's inlining limit (see
   * docs/RATIONALE.md#why-v128-accesses-in-lanes-depend-on-c2s-inlining-limit).
   */
  boolean mayLendLanes(int index) {
    if (placement.slots()[index] < 0 || placement.slots()[index] >= firstScratch) {
      return false;
    }
    int depth = 1;
    for (int i = pc; i < to && !(split && fn.plan.runAt(i, from, root ? to - 1 : to) >= 0); i++) {
      AnnotatedInstruction ins = code.get(i);
      OpcodeRow row = table.rowOrNull(ins.opcode()) == null ? null : table.row(ins, this);
      if (row == null || !(row.emitter() instanceof TopOnlyEmitter)) {
        return false;
      }
      if ((ins.opcode() == OpCode.LOCAL_SET || ins.opcode() == OpCode.LOCAL_TEE)
          && ins.operand(0) == index) {
        return false;
      }
      int pops = row.pops().of(this, ins);
      if (pops >= depth) {
        return SimdLanes.computesInLanes(ins.opcode());
      }
      depth += row.pushes().of(this, ins) - pops;
    }
    return false;
  }

  /**
   * The consumer of a value pushed just before instruction {@code start}, scanning to {@code end}
   * (and, if {@code ownRunOnly}, stopping where an outlined run starts).
   */
  AnnotatedInstruction consumerFrom(int start, int end, boolean ownRunOnly) {
    int depth = 1;
    for (int i = start;
        i < end && !(ownRunOnly && split && fn.plan.runAt(i, from, root ? to - 1 : to) >= 0);
        i++) {
      AnnotatedInstruction ins = code.get(i);
      OpcodeRow row = table.rowOrNull(ins.opcode()) == null ? null : table.row(ins, this);
      if (row == null || !(row.emitter() instanceof TopOnlyEmitter)) {
        return null;
      }
      int pops = row.pops().of(this, ins);
      if (pops >= depth) {
        return ins;
      }
      depth += row.pushes().of(this, ins) - pops;
    }
    return null;
  }

  /** True when the next instruction may be fused into the current one (not a run's start). */
  private boolean nextFusable() {
    return nextOpcode() != null && !(split && fn.plan.runAt(pc, from, root ? to - 1 : to) >= 0);
  }

  @Override
  public void markUnreachable() {
    control.markUnreachable();
  }

  @Override
  public ControlFrame innermostFrame() {
    return control.innermost();
  }

  /** Records that this run may return {@code code} (a branch to frame {@code code - 1}). */
  void addExitCode(int code) {
    runs.exitCodes.set(code);
  }

  /** The instruction being emitted. */
  AnnotatedInstruction current() {
    return current;
  }

  /** The values a branch to the frame {@code depth} labels out carries. */
  @Override
  public List<ValueType> carriedTo(int depth) {
    return control.carriedBy(control.frame(depth));
  }

  @Override
  public FunctionType blockTypeOf(long bt) {
    return control.blockType(bt);
  }

  /**
   * A comparison's result: fused into a following {@code br_if} or {@code if}, or else materialised
   * as an i32.
   */
  @Override
  public void condition(Condition c) {
    OpCode next = nextFusable() ? nextOpcode() : null;
    if (next == OpCode.BR_IF) {
      current = code.get(pc++);
      control.branchIf(c, (int) current.operand(0), pc - 1);
    } else if (next == OpCode.IF) {
      current = code.get(pc++);
      control.enterIf(c, current.operand(0), pc);
    } else if (next == OpCode.SELECT || next == OpCode.SELECT_T) {
      current = code.get(pc++);
      ParametricEmitters.pick(this, c);
    } else {
      c.materialize(mv);
      push(ValueType.I32);
    }
  }

  @Override
  public void enterBlock(ControlFrame.Kind kind, long blockType) {
    control.enterBlock(kind, blockType, pc);
  }

  @Override
  public void enterIf(Condition c, long blockType) {
    control.enterIf(c, blockType, pc);
  }

  @Override
  public void elseArm() {
    control.elseArm();
  }

  @Override
  public void end() {
    control.end();
  }

  @Override
  public void enterTryTable(long blockType, List<CatchOpCode.Catch> catches) {
    control.enterTryTable(blockType, catches);
  }

  /**
   * True when this run caches locals it changes and a Wasm exception may leave it towards a {@code
   * try_table} of the methods that called it: the changed locals would be lost with the run's JVM
   * frame, so the run writes them back to the heap frame on its way out (see {@link #emit()}).
   */
  private boolean flushesOnThrow() {
    if (root || placement.dirty().isEmpty()) {
      return false;
    }
    boolean enclosed = false;
    for (int i = 0; i < outerFrames; i++) {
      enclosed |= control.frameAt(i).kind == ControlFrame.Kind.TRY_TABLE;
    }
    if (!enclosed) {
      return false;
    }
    for (int i = from; i < to; i++) {
      OpcodeRow row = table.rowOrNull(code.get(i).opcode());
      if (row != null && row.mayThrow()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void branch(int depth) {
    control.branch(depth);
  }

  @Override
  public void branchIf(Condition c, int depth) {
    control.branchIf(c, depth, pc - 1);
  }

  @Override
  public void branchTable(long[] depths) {
    control.branchTable(depths);
  }

  @Override
  public void jumpTo(int depth) {
    control.jumpTo(control.frame(depth));
  }

  /** True when this run caches locals it changes, to write back at every exit. */
  boolean writesBackLocals() {
    return !placement.dirty().isEmpty();
  }

  /** The heap-frame slot of the operand-stack entry at {@code height}. */
  int stackSlotOf(int height) {
    return fn.stackSlot(height);
  }

  /**
   * True when a tail call of this function to itself can be a jump to its entry: this method is the
   * whole function, so all its locals are JVM locals of this frame. {@link
   * TailCalls#needsTrampoline} applies the same rule.
   */
  @Override
  public boolean canJumpToSelf() {
    return root && !split;
  }

  /**
   * {@code return_call} of the function itself: the arguments become the parameters, the other
   * locals start again from zero (at {@link #selfEntry}), and whatever lies below the arguments is
   * dropped, as a new call would not see it.
   */
  @Override
  public void selfTailCall() {
    for (int i = type.params().size() - 1; i >= 0; i--) {
      mv.visitVarInsn(JvmTypes.storeOpcode(fn.localTypes[i]), placement.slots()[i]);
      pop();
    }
    for (int i = stack.size() - 1; i >= 0; i--) {
      discard(stack.get(i));
    }
    mv.visitJumpInsn(GOTO, selfEntry);
    control.markUnreachable();
  }

  /** Returns the function's results from the top of the stack (extra values below are fine). */
  @Override
  public void emitReturn() {
    control.emitReturn();
  }

  /**
   * Replaces the top {@code n} values by an {@code Object[]} holding them boxed (multi-value
   * results; arguments of wide calls). The tracked stack loses the {@code n} entries.
   */
  @Override
  public void boxTop(int n) {
    boxValues(n);
    for (int i = 0; i < n; i++) {
      pop();
    }
  }

  /** As {@link #boxTop} but leaves the tracked stack as it is (the values are returned). */
  void boxResults(int n) {
    boxValues(n);
  }

  private void boxValues(int n) {
    int[] slots = spill(n);
    pushInt(n);
    mv.visitTypeInsn(ANEWARRAY, RuntimeNames.OBJECT);
    for (int i = 0; i < n; i++) {
      ValueType t = peek(n - 1 - i);
      mv.visitInsn(DUP);
      pushInt(i);
      mv.visitVarInsn(JvmTypes.loadOpcode(t), slots[i]);
      JvmTypes.box(mv, t);
      mv.visitInsn(AASTORE);
      releaseScratch(t, slots[i]);
    }
  }

  /** Pushes the values of an {@code Object[]} of results (on the JVM stack) in order. */
  @Override
  public void unboxResults(List<ValueType> results) {
    int array = acquireScratch(ValueType.EXTERNREF);
    mv.visitVarInsn(ASTORE, array);
    for (int i = 0; i < results.size(); i++) {
      mv.visitVarInsn(ALOAD, array);
      pushInt(i);
      mv.visitInsn(AALOAD);
      JvmTypes.unbox(mv, results.get(i));
      push(results.get(i));
    }
    releaseScratch(ValueType.EXTERNREF, array);
  }

  /** Function entry and loop headers: lets the host interrupt a runaway module. */
  void emitInterruptCheck() {
    loadInstance();
    mv.visitMethodInsn(
        INVOKESTATIC,
        RuntimeNames.INSTANCE,
        "checkInterrupt",
        "(" + RuntimeNames.INSTANCE_DESC + ")V",
        false);
  }
}
