package dev.flarec.compiler.emit;

import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.List;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * Decides whether a function is emitted as one method or split, and finds a split whose every
 * method fits the budget. Sizes are measured, not guessed: the function is emitted whole into a
 * {@link CodeSizeCounter} first; a split plan is then emitted into counters too, and planned again
 * while a method does not fit, with a smaller target for the kind of method that did not: the
 * function's own method or its runs (see docs/RATIONALE.md#why-split-large-functions-by-structure).
 */
final class FunctionSplitter {
  /** The JVM's limit on locals and stack slots (JVMS §4.11), less room for scratch locals. */
  private static final int MAX_SLOTS = 65_000;

  /** Plans tried at most; each one shrinks a target by at least a tenth, down to the minimum. */
  private static final int MAX_ATTEMPTS = 40;

  private final FunctionCode fn;
  private final MethodBudget budget;

  /** Sizes of the last measured split: the function's own method and its largest run. */
  private int rootSize;

  private int largestRun;

  FunctionSplitter(FunctionCode fn, MethodBudget budget) {
    this.fn = fn;
    this.budget = budget;
  }

  /** Sets {@code fn.plan}, {@code fn.maxHeight} and {@code fn.holdsObjects}. */
  void decide() {
    int n = fn.code.size();
    int[] offsets = new int[n + 1];
    fn.setPlan(SplitPlan.whole());
    fn.resetRuns();
    fn.laneMemoryAccesses = true;
    fn.keepsWrittenLocals = true;
    FunctionEmitter whole = new FunctionEmitter(fn, null, null, offsets);
    whole.emit();
    if (whole.inlinedSizeWithVectorMemory() > MethodBudget.INLINING_LIMIT && accessesVectors()) {
      // past C2's inlining limit the helpers it no longer inlines are calls; a v128 access in
      // halves is two of them where lane by lane it is four, so such a function takes halves
      // (docs/RATIONALE.md#why-v128-accesses-in-lanes-depend-on-c2s-inlining-limit)
      fn.laneMemoryAccesses = false;
      fn.resetRuns();
      whole = new FunctionEmitter(fn, null, null, offsets);
      whole.emit();
    }
    fn.maxHeight = whole.maxHeightSeen();
    fn.holdsObjects =
        whole.pushedObject()
            || java.util.Arrays.stream(fn.localTypes).anyMatch(ValueType::isObject);
    if (budget.fits(offsets[n]) && whole.slotsUsed() < MAX_SLOTS && 2 * fn.maxHeight < MAX_SLOTS) {
      fn.rootSize = offsets[n];
      fn.totalSize = offsets[n];
      return;
    }
    int rootTarget = budget.planningTarget();
    int runTarget = budget.planningTarget();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      fn.setPlan(
          SplitPlanner.plan(
              fn.code, offsets, fn.memoryOps, rootTarget, runTarget, budget.memoryAccesses()));
      measureSplit();
      if (budget.fits(rootSize) && budget.fits(largestRun)) {
        return;
      }
      if (fn.keepsWrittenLocals && !budget.fits(rootSize)) {
        // the reloads after its runs did not fit: the same plan with those locals in the frame,
        // rather than a plan of runs holding runs (two calls per step of an interpreter's loop)
        fn.keepsWrittenLocals = false;
        continue;
      }
      int nextRoot =
          budget.fits(rootSize)
              ? rootTarget
              : Math.max(SplitPlanner.MIN_TARGET, budget.retarget(rootTarget, rootSize));
      int nextRun =
          budget.fits(largestRun)
              ? runTarget
              : Math.max(SplitPlanner.MIN_TARGET, budget.retarget(runTarget, largestRun));
      if (nextRoot == rootTarget && nextRun == runTarget) {
        break; // the targets are as small as planning goes
      }
      rootTarget = nextRoot;
      runTarget = nextRun;
    }
    throw new UnsupportedModuleException(
        "function "
            + fn.methodName
            + " cannot be split into JVM methods of at most "
            + budget.bytes()
            + " bytes (the smallest split still has a method of "
            + Math.max(rootSize, largestRun)
            + " bytes)",
        fn.index,
        UnsupportedModuleException.UNKNOWN,
        null);
  }

  /** Whether the function has {@code v128} loads or stores that may access memory lane by lane. */
  private boolean accessesVectors() {
    for (AnnotatedInstruction ins : fn.code) {
      if (ins.opcode() == OpCode.V128_LOAD || ins.opcode() == OpCode.V128_STORE) {
        return true;
      }
    }
    return false;
  }

  /** Emits the current plan into counters, recording the sizes of its methods. */
  private void measureSplit() {
    fn.resetRuns();
    List<CodeSizeCounter> methods = new ArrayList<>();
    MethodSink sink =
        (name, desc) -> {
          CodeSizeCounter c = new CodeSizeCounter(null);
          methods.add(c);
          return new MethodSink.Opened(fn.module.internalName, c);
        };
    CodeSizeCounter root = new CodeSizeCounter(null);
    new FunctionEmitter(fn, root, sink, null).emit();
    rootSize = budget.splitSize(root.size(), root.inlinedSize());
    largestRun = 0;
    int total = root.size();
    for (CodeSizeCounter c : methods) {
      largestRun = Math.max(largestRun, budget.splitSize(c.size(), c.inlinedSize()));
      total += c.size();
    }
    fn.rootSize = root.size();
    fn.totalSize = total;
  }
}
