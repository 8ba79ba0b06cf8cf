package dev.flarec.compiler.emit;

import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.BitSet;
import java.util.List;
import run.endive.wasm.types.AnnotatedInstruction;

/**
 * One Wasm function as its emitters share it: code, locals, and — when it is split across several
 * methods — the plan and the layout of its heap frame.
 *
 * <p>Heap frame layout (two arrays, see {@code runtime.frame.FrameSlots}):
 *
 * <pre>
 *   index:  0 .. locals-1          locals .. locals+maxHeight-1
 *           Wasm local i            operand stack value at absolute height h
 *   long[]  numbers as raw bits     numbers as raw bits
 *   Object[] references             references
 * </pre>
 */
final class FunctionCode {
  final ModuleInfo module;
  final int index;
  final FunctionType type;
  final List<AnnotatedInstruction> code;
  final ValueType[] localTypes;
  final OpcodeTable table;
  final String methodName;

  /**
   * Loads and stores before each instruction: {@code memoryOps[i]} counts those before instruction
   * {@code i}, {@code memoryOps[code.size()]} all of them.
   */
  final int[] memoryOps;

  SplitPlan plan = SplitPlan.whole();

  /**
   * In a split function, the locals some run uses: they live in the heap frame. The others are used
   * by the function's own method alone and stay JVM locals there.
   */
  BitSet sharedLocals = new BitSet();

  /** Of {@link #sharedLocals}, those some run writes. */
  BitSet runWrittenLocals = new BitSet();

  /**
   * Whether a reference or v128 value (an object in the heap frame's {@code Object[]}) is ever a
   * local or on the operand stack; when not, a split function allocates no {@code Object[]}.
   */
  boolean holdsObjects = true;

  /**
   * Whether the function's own method may keep in JVM locals the locals its runs write (when
   * liveness is known); cleared when the reloads this takes do not fit the method's budget.
   */
  boolean keepsWrittenLocals = true;

  /**
   * Whether {@code v128} loads and stores of values in 32-bit lanes access memory lane by lane (one
   * 32-bit access per lane, fastest once C2 inlines them) rather than as two 64-bit halves (half
   * the helper calls). False for a function whose helpers would pass C2's inlining limit with them
   * ({@link FunctionSplitter#decide}; see
   * docs/RATIONALE.md#why-v128-accesses-in-lanes-depend-on-c2s-inlining-limit).
   */
  boolean laneMemoryAccesses = true;

  /** Highest operand-stack height, in values, when emitted whole (sizes the heap frame). */
  int maxHeight;

  /** Bytecode of the function's own method, and of all its methods (runs included). */
  int rootSize;

  int totalSize;
  private int runCounter;
  private LocalLiveness liveness;
  private boolean livenessKnown;
  private BitSet inBounds;

  FunctionCode(
      ModuleInfo module,
      int index,
      List<ValueType> declaredLocals,
      List<AnnotatedInstruction> code,
      OpcodeTable table) {
    this.module = module;
    this.index = index;
    this.type = module.functionType(index);
    this.code = code;
    this.table = table;
    this.methodName = module.descriptor.functions().get(index).methodName();
    this.memoryOps = new int[code.size() + 1];
    for (int i = 0; i < code.size(); i++) {
      OpcodeRow row = table.rowOrNull(code.get(i).opcode());
      memoryOps[i + 1] = memoryOps[i] + (row != null && row.accessesMemory() ? 1 : 0);
    }
    int params = type.params().size();
    this.localTypes = new ValueType[params + declaredLocals.size()];
    for (int i = 0; i < params; i++) {
      localTypes[i] = type.params().get(i);
    }
    for (int i = 0; i < declaredLocals.size(); i++) {
      localTypes[params + i] = declaredLocals.get(i);
    }
  }

  int localCount() {
    return localTypes.length;
  }

  /** Frame index of operand-stack height {@code h}. */
  int stackSlot(int height) {
    return localTypes.length + height;
  }

  int frameLength() {
    return localTypes.length + maxHeight + 1;
  }

  /** Sets the plan and, from it, which locals the heap frame holds. */
  void setPlan(SplitPlan plan) {
    this.plan = plan;
    sharedLocals = new BitSet();
    runWrittenLocals = new BitSet();
    if (!plan.isSplit()) {
      return;
    }
    BitSet inside = plan.insideRuns(code.size());
    for (int i = inside.nextSetBit(0); i >= 0; i = inside.nextSetBit(i + 1)) {
      switch (code.get(i).opcode()) {
        case LOCAL_GET -> sharedLocals.set((int) code.get(i).operand(0));
        case LOCAL_SET, LOCAL_TEE -> {
          sharedLocals.set((int) code.get(i).operand(0));
          runWrittenLocals.set((int) code.get(i).operand(0));
        }
        default -> {}
      }
    }
  }

  /**
   * Which locals are live before each instruction; null when the function's control flow is beyond
   * {@link LocalLiveness} (a {@code try_table}, where a Wasm exception may end a run midway, or a
   * typed reference branch). Computed once, when first asked: by a split function's own method, or
   * by an unsplit function's prologue, which zeroes only the locals live at its entry.
   */
  LocalLiveness liveness() {
    if (!livenessKnown) {
      liveness = LocalLiveness.of(code);
      livenessKnown = true;
    }
    return liveness;
  }

  /**
   * The loads and stores that need no bounds check ({@link InBoundsAccesses}), by instruction
   * index; computed once, when first asked.
   */
  BitSet inBoundsAccesses(EmitContext f) {
    if (inBounds == null) {
      inBounds = InBoundsAccesses.of(code, localCount(), table, f);
    }
    return inBounds;
  }

  /** Restarts run numbering, before each emission of the function. */
  void resetRuns() {
    runCounter = 0;
  }

  String nextRunName() {
    return methodName + "$run" + runCounter++;
  }

  /** The locals {@code [from, to)} reads or writes, not counting runs outlined inside it. */
  BitSet localsUsed(int from, int to, boolean writesOnly) {
    BitSet locals = new BitSet();
    forEachOwn(
        from,
        to,
        ins -> {
          switch (ins.opcode()) {
            case LOCAL_GET -> {
              if (!writesOnly) {
                locals.set((int) ins.operand(0));
              }
            }
            case LOCAL_SET, LOCAL_TEE -> locals.set((int) ins.operand(0));
            default -> {}
          }
        });
    return locals;
  }

  /** Calls {@code action} on each instruction of {@code [from, to)} outside the runs inside it. */
  private void forEachOwn(
      int from, int to, java.util.function.Consumer<AnnotatedInstruction> action) {
    int i = from;
    while (i < to) {
      int run = plan.runAt(i, from, to);
      if (run >= 0) {
        i = run;
        continue;
      }
      action.accept(code.get(i));
      i++;
    }
  }

  /**
   * Of {@code candidates}, the {@code max} locals that {@code [from, to)} itself (runs outlined
   * inside it not counted) reads and writes most often; all of them if there are no more.
   */
  BitSet mostUsed(BitSet candidates, int from, int to, int max) {
    if (candidates.cardinality() <= max) {
      return (BitSet) candidates.clone();
    }
    int[] counts = useCounts(from, to);
    Integer[] order = candidates.stream().boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(counts[b], counts[a]));
    BitSet kept = new BitSet();
    for (int k = 0; k < max; k++) {
      kept.set(order[k]);
    }
    return kept;
  }

  /** How often {@code [from, to)} itself (runs outlined inside it not counted) uses each local. */
  int[] useCounts(int from, int to) {
    int[] counts = new int[localTypes.length];
    forEachOwn(
        from,
        to,
        ins -> {
          switch (ins.opcode()) {
            case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> counts[(int) ins.operand(0)]++;
            default -> {}
          }
        });
    return counts;
  }

  /** Loads and stores in {@code [from, to)}, runs inside it included. */
  int memoryAccesses(int from, int to) {
    return memoryOps[to] - memoryOps[from];
  }

  /** The locals read or written anywhere in {@code [from, to)}, runs inside it included. */
  BitSet localsAccessed(int from, int to) {
    BitSet locals = new BitSet();
    for (int i = from; i < to; i++) {
      switch (code.get(i).opcode()) {
        case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> locals.set((int) code.get(i).operand(0));
        default -> {}
      }
    }
    return locals;
  }

  /** The locals written anywhere in {@code [from, to)}, runs inside it included. */
  BitSet localsWritten(int from, int to) {
    BitSet locals = new BitSet();
    for (int i = from; i < to; i++) {
      AnnotatedInstruction ins = code.get(i);
      if (ins.opcode() == run.endive.wasm.types.OpCode.LOCAL_SET
          || ins.opcode() == run.endive.wasm.types.OpCode.LOCAL_TEE) {
        locals.set((int) ins.operand(0));
      }
    }
    return locals;
  }
}
