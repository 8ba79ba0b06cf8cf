package dev.flarec.compiler.emit;

import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.compiler.layout.SplitPlan;
import dev.flarec.compiler.layout.SplitPlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a function is emitted as one method or split, and finds a split whose every
 * method fits the budget. Sizes are measured, not guessed: the function is emitted whole into a
 * {@link CodeSizeCounter} first; a split plan is then emitted into counters too, and re-planned
 * with a smaller target until every method fits (see
 * docs/RATIONALE.md#why-split-large-functions-into-runs).
 */
final class FunctionSplitter {
  /** The JVM's limit on locals and stack slots (JVMS §4.11), less room for scratch locals. */
  private static final int MAX_SLOTS = 65_000;

  private final FunctionCode fn;
  private final int budget;

  FunctionSplitter(FunctionCode fn, int budget) {
    this.fn = fn;
    this.budget = budget;
  }

  /** Sets {@code fn.plan} and {@code fn.maxHeight}. */
  void decide() {
    int n = fn.code.size();
    int[] offsets = new int[n + 1];
    fn.plan = SplitPlan.whole();
    fn.resetRuns();
    FunctionEmitter whole = new FunctionEmitter(fn, null, null, offsets);
    whole.emit();
    fn.maxHeight = whole.maxHeightSeen();
    if (offsets[n] <= budget && whole.slotsUsed() < MAX_SLOTS && 2 * fn.maxHeight < MAX_SLOTS) {
      fn.rootSize = offsets[n];
      fn.totalSize = offsets[n];
      return;
    }
    int target = budget * 4 / 5;
    int largest = Integer.MAX_VALUE;
    while (target >= SplitPlanner.MIN_TARGET) {
      fn.plan = SplitPlanner.plan(fn.code, offsets, target);
      largest = measureSplit();
      if (largest <= budget) {
        return;
      }
      target = target * 2 / 3;
    }
    throw new UnsupportedModuleException(
        "function " + fn.methodName + " cannot be split into JVM methods of at most " + budget
            + " bytes (the smallest split still has a method of " + largest + " bytes)",
        fn.index, UnsupportedModuleException.UNKNOWN, null);
  }

  /** Emits the current plan into counters; returns the largest method's size. */
  private int measureSplit() {
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
    int largest = root.size();
    int total = root.size();
    for (CodeSizeCounter c : methods) {
      largest = Math.max(largest, c.size());
      total += c.size();
    }
    fn.rootSize = root.size();
    fn.totalSize = total;
    return largest;
  }
}
