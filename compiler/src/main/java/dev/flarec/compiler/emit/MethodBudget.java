package dev.flarec.compiler.emit;

/**
 * The one owner of the method budget: the most bytes of bytecode a generated method may have
 * (HotSpot's {@code HugeMethodLimit}, 8,000, by default: a larger method is never JIT-compiled).
 * Everything that sizes generated methods asks it, so the margins for estimated sizes live here and
 * nowhere else (see docs/RATIONALE.md#why-split-large-functions-by-structure).
 *
 * @param bytes the budget in bytes of bytecode
 */
record MethodBudget(int bytes) {
  /**
   * Estimated sizes (a planned split, a switch of calls) aim this far under the budget: the
   * estimates leave out small costs such as constant-pool widths and stack shuffles.
   */
  private static final int ESTIMATE_MARGIN_PERCENT = 10;

  boolean fits(int size) {
    return size <= bytes;
  }

  /**
   * C2's {@code DesiredMethodLimit}: once a compilation's own bytecode and what it has inlined
   * reach this, C2 inlines nothing more, so later helper calls (memory accesses, frame slots) stay
   * calls.
   */
  static final int INLINING_LIMIT = 8000;

  /**
   * What a split method measures against the budget: its bytecode, or its bytecode with the helpers
   * C2 inlines scaled to the budget, whichever is more. A split method fits when this does, so C2
   * inlines every helper of a method of the default budget.
   */
  int splitSize(int bytecode, int withInlined) {
    return Math.max(bytecode, (int) ((long) withInlined * bytes / INLINING_LIMIT));
  }

  /**
   * The most loads and stores a run (or the function's own method, as runs are inlined back) may
   * hold. C1 gave up on methods with more than about 85 when each access was a {@code VarHandle}
   * chain ("out of virtual registers"); with {@code Unsafe} accesses it no longer does, but lifting
   * the cap made bzip2's steady state twice as slow, so it stays. Functions that fit the budget are
   * not split for it: their heap frame would cost an allocation per call (see
   * docs/RATIONALE.md#why-split-large-functions-by-structure).
   */
  private static final int MEMORY_ACCESSES = 64;

  /** What a planned method may be estimated at, the first time a function is planned. */
  int planningTarget() {
    return bytes * (100 - ESTIMATE_MARGIN_PERCENT) / 100;
  }

  /** The most loads and stores one method may hold. */
  int memoryAccesses() {
    return MEMORY_ACCESSES;
  }

  /**
   * The next planning target after a method planned at {@code target} measured {@code measured}
   * bytes, over the budget: scaled by how far the estimate missed, with the margin again, and
   * always smaller than before.
   */
  int retarget(int target, int measured) {
    long scaled = (long) target * planningTarget() / Math.max(measured, 1);
    return (int) Math.min(scaled, target * 9L / 10);
  }

  /**
   * How many items of about {@code bytesPerItem} each fit one method (the cases of a dispatch
   * switch, the globals of an initialiser chunk); at least 1. Per-item sizes are rough, so these
   * methods are not measured and keep a quarter of the budget free.
   */
  int itemsPerMethod(int bytesPerItem) {
    return Math.max(1, bytes * 3 / 4 / bytesPerItem);
  }
}
