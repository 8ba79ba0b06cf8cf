package dev.flarec.compiler.layout;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.OpCode;

/**
 * Decides how to cut a function that does not fit the method budget into runs outlined as
 * methods of their own (see docs/RATIONALE.md#why-split-large-functions-into-runs).
 *
 * <p>Input: the function's instructions and the bytecode size each takes when emitted whole
 * ({@code offsets[i]} is where instruction {@code i}'s code starts; {@code offsets[n]} the
 * total). A run's cost is its code plus the loading and flushing of the locals it touches. The
 * planner walks the block structure: a sequence that fits stays; one that does not is cut into
 * runs of consecutive instructions that each fit; a single block too large for any run keeps its
 * label where it is and has its body cut the same way; and when the calls to the runs of one
 * sequence are themselves too many, consecutive runs are grouped into larger runs, recursively.
 */
public final class SplitPlanner {
  /** Estimated bytecode of one call to a run, with its stack spill and result dispatch. */
  static final int CALL_COST = 48;
  /** Estimated bytecode per local a method loads on entry and flushes before calls and exit. */
  static final int LOCAL_COST = 16;
  /** The smallest target worth planning for: a few calls and their dispatch. */
  public static final int MIN_TARGET = 4 * CALL_COST;

  private final List<? extends Instruction> code;
  private final int[] offsets;
  private final int target;
  private final int[] matchingEnd;
  private final int[] elseAt;
  private final SplitPlan plan = SplitPlan.split();

  private SplitPlanner(List<? extends Instruction> code, int[] offsets, int target) {
    this.code = code;
    this.offsets = offsets;
    this.target = target;
    this.matchingEnd = new int[code.size()];
    this.elseAt = new int[code.size()];
    matchBlocks();
  }

  /**
   * Plans runs so that every method stays within {@code target} estimated bytes. The body is
   * {@code [0, n-1)}; instruction {@code n-1} is the function's final {@code end}.
   */
  public static SplitPlan plan(List<? extends Instruction> code, int[] offsets, int target) {
    SplitPlanner p = new SplitPlanner(code, offsets, target);
    p.sequence(0, code.size() - 1, false);
    return p.plan;
  }

  private void matchBlocks() {
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    java.util.Arrays.fill(elseAt, -1);
    for (int i = 0; i < code.size(); i++) {
      switch (code.get(i).opcode()) {
        case BLOCK, LOOP, IF -> open.push(i);
        case ELSE -> elseAt[open.peek()] = i;
        case END -> {
          if (!open.isEmpty()) {
            matchingEnd[open.pop()] = i;
          }
        }
        default -> {}
      }
    }
  }

  private int size(int from, int to) {
    return offsets[to] - offsets[from];
  }

  /** One item of a sequence: a complete instruction (with its body, for blocks). */
  private record Item(int start, int end, int cost, BitSet locals) {}

  /**
   * Plans {@code [from, to)}, a sequence of complete instructions; returns its cost in the
   * method that contains it. With {@code force}, the whole sequence is outlined even if it would
   * fit, so its container stays small.
   */
  private int sequence(int from, int to, boolean force) {
    if (from >= to) {
      return 0;
    }
    BitSet all = localsOf(from, to);
    int whole = size(from, to) + LOCAL_COST * all.cardinality();
    if (!force && whole <= target) {
      return size(from, to);
    }
    List<Item> items = new ArrayList<>();
    int i = from;
    while (i < to) {
      OpCode op = code.get(i).opcode();
      int end = i + 1;
      int cost;
      if (op == OpCode.BLOCK || op == OpCode.LOOP || op == OpCode.IF) {
        end = matchingEnd[i] + 1;
        cost = size(i, end);
        if (cost + LOCAL_COST * localsOf(i, end).cardinality() > target) {
          cost = CALL_COST;
          if (elseAt[i] >= 0) {
            cost += sequence(i + 1, elseAt[i], true) + sequence(elseAt[i] + 1, matchingEnd[i], true);
          } else {
            cost += sequence(i + 1, matchingEnd[i], true);
          }
        }
      } else {
        cost = size(i, end);
      }
      items.add(new Item(i, end, cost, localsOf(i, end)));
      i = end;
    }
    return group(items, force);
  }

  /** Groups items into runs that fit; returns the cost left in the container. */
  private int group(List<Item> items, boolean force) {
    List<Item> runs = new ArrayList<>();
    int start = -1;
    int cost = 0;
    BitSet locals = new BitSet();
    int end = -1;
    for (Item item : items) {
      BitSet merged = (BitSet) locals.clone();
      merged.or(item.locals());
      int mergedCost = cost + item.cost() + LOCAL_COST * merged.cardinality();
      if (start >= 0 && mergedCost > target) {
        runs.add(new Item(start, end, cost, locals));
        start = -1;
        cost = 0;
        locals = new BitSet();
        merged = (BitSet) item.locals().clone();
      }
      if (start < 0) {
        start = item.start();
      }
      cost += item.cost();
      locals = merged;
      end = item.end();
    }
    if (start >= 0) {
      runs.add(new Item(start, end, cost, locals));
    }
    if (runs.size() == 1 && !force) {
      return runs.get(0).cost();
    }
    for (Item run : runs) {
      plan.addRun(run.start(), run.end());
    }
    if (runs.size() * CALL_COST <= target) {
      return runs.size() * CALL_COST;
    }
    // Too many calls for one method: the calls themselves become items of a coarser grouping.
    List<Item> calls = new ArrayList<>();
    for (Item run : runs) {
      calls.add(new Item(run.start(), run.end(), CALL_COST, new BitSet()));
    }
    return group(calls, false);
  }

  /** The locals read or written in {@code [from, to)}. */
  private BitSet localsOf(int from, int to) {
    BitSet locals = new BitSet();
    for (int i = from; i < to; i++) {
      Instruction ins = code.get(i);
      switch (ins.opcode()) {
        case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> locals.set((int) ins.operand(0));
        default -> {}
      }
    }
    return locals;
  }
}
