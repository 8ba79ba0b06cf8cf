package dev.flarec.compiler.emit;

import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Where one emitted method keeps each Wasm local: in JVM local slots of its own, or, in a split
 * function, in the heap frame, read and written there directly (see
 * docs/RATIONALE.md#why-split-functions-share-a-heap-frame). Also lays out the slots every method
 * has before its locals: the parameters, the instance and the frame's two arrays.
 *
 * <p>A whole function keeps every local in JVM locals. A split function's own method keeps the
 * locals it uses most, among those no run shares with it or those runs write that it uses often
 * enough to be worth the reloads (see
 * docs/RATIONALE.md#why-the-dispatch-method-keeps-loop-carried-locals). An outlined run that calls
 * no run caches the locals it uses most, taken as parameters or loaded on entry and written back on
 * exit; a run that calls runs works on the frame directly.
 *
 * @param slots the JVM slot caching each Wasm local this method touches; -1 for locals it does not
 * @param direct locals this method reads and writes in the heap frame itself, without a JVM local
 * @param dirty locals whose JVM local may differ from their frame slot: those a leaf run caches and
 *     writes, written back on its exits; none in a function's own method, which stores a local in
 *     the frame before each call of a run that reads it
 * @param instanceSlot the JVM local holding the instance
 * @param bitsSlot the JVM local holding the heap frame's {@code long[]}; -1 when not split
 * @param refsSlot the JVM local holding the heap frame's {@code Object[]}; -1 when not split
 * @param nextSlot the first JVM slot after the locals
 * @param root whether this is the function's own method rather than an outlined run
 */
record LocalPlacement(
    int[] slots,
    BitSet direct,
    BitSet dirty,
    int instanceSlot,
    int bitsSlot,
    int refsSlot,
    int nextSlot,
    boolean root) {
  /**
   * The most locals a method of a split function keeps in JVM locals; the rest it reads and writes
   * in the heap frame. C1 gives up on a method ("out of virtual registers") when its locals times
   * its merge points pass its limit, and a method C1 refuses runs in the bytecode interpreter until
   * C2 gets to it: a 7 KB run caching a hundred locals did (bzip2's inlined main). See
   * docs/RATIONALE.md#why-split-functions-share-a-heap-frame.
   */
  static final int MAX_CACHED_LOCALS = 32;

  /**
   * How often a split function's own method must use a local its runs write to keep it in a JVM
   * local. Lua's dispatch loop uses its interpreter state 10 to 35 times; SQLite's, whose arms keep
   * theirs to themselves, uses its run-written locals once or twice, and keeping those only added
   * reloads after its 127 runs.
   */
  static final int MIN_USES_TO_KEEP_WRITTEN = 8;

  /** The function's own method: the whole function, or the root of a split one. */
  static LocalPlacement ofRoot(FunctionCode fn, boolean split) {
    FunctionType type = fn.type;
    int paramCount = type.params().size();
    int[] slots = unplaced(fn);
    // a wide function receives its arguments boxed in slot 0 and unboxes them into locals
    int slot = type.isWide() ? 2 : 0;
    for (int i = 0; i < paramCount; i++) {
      slots[i] = slot;
      slot += fn.localTypes[i].slots();
    }
    int instanceSlot = type.isWide() ? 1 : slot++;
    if (!split) {
      for (int i = paramCount; i < slots.length; i++) {
        slots[i] = slot;
        slot += slotsOf(fn, i, true);
      }
      return new LocalPlacement(
          slots, new BitSet(), new BitSet(), instanceSlot, -1, -1, slot, true);
    }
    int bitsSlot = slot++;
    int refsSlot = slot++;
    int end = fn.code.size() - 1;
    // a number this method uses may stay a JVM local even when runs use it: the leaf runs that
    // cache it take it as a parameter, it is written to the frame before calls to the others
    // that read it, and read back after calls that may change it, where it is live (see
    // docs/RATIONALE.md#why-the-dispatch-method-keeps-loop-carried-locals). Without liveness
    // (a try_table: an exception may leave a run having changed it) only those runs never
    // change stay JVM locals; the others live in the frame, accessed there directly
    BitSet used = fn.localsUsed(0, end, false);
    BitSet candidates = (BitSet) used.clone();
    candidates.andNot(fn.sharedLocals);
    BitSet keepable = (BitSet) fn.sharedLocals.clone();
    if (!fn.keepsWrittenLocals || fn.liveness() == null) {
      keepable.andNot(fn.runWrittenLocals);
    } else {
      // one the method itself barely uses would cost more in reloads than it saves
      int[] uses = fn.useCounts(0, end);
      for (int i = fn.runWrittenLocals.nextSetBit(0);
          i >= 0;
          i = fn.runWrittenLocals.nextSetBit(i + 1)) {
        if (uses[i] < MIN_USES_TO_KEEP_WRITTEN) {
          keepable.clear(i);
        }
      }
    }
    keepable.and(used);
    for (int i = keepable.nextSetBit(0); i >= 0; i = keepable.nextSetBit(i + 1)) {
      if (!fn.localTypes[i].isObject()) {
        candidates.set(i);
      }
    }
    BitSet kept = fn.mostUsed(candidates, 0, end, MAX_CACHED_LOCALS);
    for (int i = paramCount; i < slots.length; i++) {
      if (kept.get(i)) {
        slots[i] = slot;
        slot += slotsOf(fn, i, true);
      }
    }
    BitSet direct = (BitSet) fn.sharedLocals.clone();
    direct.or(used);
    direct.andNot(kept);
    return new LocalPlacement(
        slots, direct, new BitSet(), instanceSlot, bitsSlot, refsSlot, slot, true);
  }

  /**
   * An outlined run {@code [from, to)}, taking the frame's arrays, the instance and the locals of
   * {@code passed} as parameters, in that order.
   */
  static LocalPlacement ofRun(FunctionCode fn, int from, int to, BitSet passed) {
    int[] slots = unplaced(fn);
    // slots 0 and 1: the frame's arrays; 2: the instance
    int slot = 3;
    BitSet used = fn.localsUsed(from, to, false);
    if (fn.plan.hasRunWithin(from, to)) {
      // a run that calls runs works on the frame directly, like the function's own method
      return new LocalPlacement(slots, used, new BitSet(), 2, 0, 1, slot, false);
    }
    // a leaf run caches its locals: taken as parameters (first, after the instance) or loaded on
    // entry, the changed ones written back on exit
    BitSet kept = fn.mostUsed(used, from, to, MAX_CACHED_LOCALS);
    for (int i = passed.nextSetBit(0); i >= 0; i = passed.nextSetBit(i + 1)) {
      slots[i] = slot;
      slot += slotsOf(fn, i, false);
    }
    for (int i = kept.nextSetBit(0); i >= 0; i = kept.nextSetBit(i + 1)) {
      if (!passed.get(i)) {
        slots[i] = slot;
        slot += slotsOf(fn, i, false);
      }
    }
    BitSet direct = (BitSet) used.clone();
    direct.andNot(kept);
    BitSet dirty = fn.localsUsed(from, to, true);
    dirty.and(kept);
    return new LocalPlacement(slots, direct, dirty, 2, 0, 1, slot, false);
  }

  private static int[] unplaced(FunctionCode fn) {
    int[] slots = new int[fn.localCount()];
    Arrays.fill(slots, -1);
    return slots;
  }

  /**
   * Whether Wasm local {@code index} lives in two {@code long} JVM locals rather than one {@code
   * V128} reference: the declared {@code v128} locals of the function's own method. Loop headers
   * then merge longs, which C2 keeps in registers, where merged objects would defeat its escape
   * analysis and allocate on every iteration (see
   * docs/RATIONALE.md#why-a-v128-is-an-immutable-pair-of-longs). Parameters arrive as objects and
   * stay so; the outlined runs of a split function keep objects too, as each run would otherwise
   * unbox its cached locals on entry and box them again on exit.
   */
  boolean inLongs(FunctionCode fn, int index) {
    return inLongs(fn, index, root);
  }

  private static boolean inLongs(FunctionCode fn, int index, boolean root) {
    return fn.localTypes[index] == ValueType.V128 && root && index >= fn.type.params().size();
  }

  /** JVM slots local {@code index} takes: four for one in longs (or in four 32-bit lanes). */
  private static int slotsOf(FunctionCode fn, int index, boolean root) {
    return inLongs(fn, index, root) ? 4 : fn.localTypes[index].slots();
  }
}
