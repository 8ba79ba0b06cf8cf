package dev.flarec.compiler.emit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.OpCode;

/**
 * Decides which parts of a function too large for one JVM method are outlined into methods of their
 * own, following the function's structure (see
 * docs/RATIONALE.md#why-split-large-functions-by-structure).
 *
 * <p>Input: the function's instructions and where each one's code starts when the function is
 * emitted whole ({@code offsets[i]}; {@code offsets[n]} is the total). The planner works in three
 * steps, none of them recursive, so that a function of any size or nesting depth plans in constant
 * stack:
 *
 * <ol>
 *   <li><b>Open</b> what cannot move whole. A block, loop or {@code if} larger than a method, or
 *       one that holds a dispatch {@code br_table} (an interpreter's opcode switch), stays in its
 *       caller as structure: its label and branches remain JVM jumps there, and its body is planned
 *       in turn. Everything else is packed, in order, into runs of consecutive complete
 *       instructions that each fit a method. The dispatch {@code br_table} does not move here: the
 *       loop around it and its jumps to the arms stay in one method, and the arms become the runs
 *       it calls.
 *   <li><b>Inline back</b> the smallest runs while the caller still fits: a small arm costs less
 *       inline than its call.
 *   <li><b>Group</b>, only when the caller is still too large (thousands of runs, as in very long
 *       straight-line code, or thousands of tiny arms): bottom up, consecutive parts of each opened
 *       block too large for a run, then of the function's body, become runs holding runs. This may
 *       move a switch's blocks, its {@code br_table} and arms with them, into a run that its loop
 *       then calls once per iteration (SQLite's VDBE, MuJS): measured faster than keeping the
 *       switch in a loop method near the budget
 *       (docs/RATIONALE.md#why-split-large-functions-by-structure).
 * </ol>
 *
 * <p>Sizes are estimates; {@code FunctionSplitter} emits the plan into counters and plans again
 * with a smaller target when a method does not fit.
 */
final class SplitPlanner {
  /** Estimated bytecode of one call to a run with the dispatch of its result code. */
  static final int CALL_COST = 40;

  /**
   * Extra bytecode per {@code local.get/set/tee} in a method that reaches locals in the heap frame
   * directly (the function's own method, runs holding runs): an array access instead of a JVM
   * local.
   */
  static final int DIRECT_LOCAL_COST = 5;

  /** Bytecode a run that caches locals spends per local on entry (a frame load)... */
  static final int LOCAL_LOAD_COST = 7;

  /** ...and per changed local in its exit (a frame store). */
  static final int LOCAL_FLUSH_COST = 9;

  /** The function's own method of a split function: allocating the frame. */
  static final int FRAME_SETUP_COST = 16;

  /** Estimated bytecode of one case of a run's result dispatch: a switch entry and its jump. */
  static final int DISPATCH_CASE_COST = 12;

  /** The smallest target worth planning for: a call and its dispatch. */
  static final int MIN_TARGET = CALL_COST;

  /** A {@code br_table} with this many distinct targets is taken for a dispatch switch. */
  static final int DISPATCH_TARGETS = 24;

  private final List<? extends Instruction> code;
  private final int[] offsets;
  private final int rootTarget;
  private final int runTarget;
  private final int[] matchingEnd;

  /** {@code localOps[i]}: how many local accesses precede instruction {@code i}. */
  private final int[] localOps;

  /** {@code memoryOps[i]}: how many loads and stores precede instruction {@code i}. */
  private final int[] memoryOps;

  /** The most loads and stores one method may hold (see {@link MethodBudget#memoryAccesses}). */
  private final int memoryCap;

  private final int[] elseAt;

  /** Blocks holding a dispatch {@code br_table}, and the dispatch instructions themselves. */
  private final BitSet dispatch = new BitSet();

  private final SplitPlan plan = SplitPlan.split();

  /** The function's body, once planning starts. */
  private Sequence function;

  private enum Kind {
    /** Consecutive instructions without a block among them. */
    STRAIGHT,
    /** A {@code block}, {@code loop} or {@code if} with its body. */
    BLOCK,
    /** A dispatch {@code br_table}: stays where it is. */
    PINNED
  }

  /** A part of a sequence: complete instructions {@code [start, end)}. */
  private static final class Item {
    final int start;
    final int end;
    final int size;
    final Kind kind;

    /** Opened: kept as structure in its method, its body planned as sequences of its own. */
    boolean opened;

    /** Bytecode of an opened block's own instructions (label, loop check, {@code if} test). */
    int ownSize;

    final List<Sequence> children = new ArrayList<>();

    /** {@code size} is what the part costs in a method that reaches locals in the frame. */
    Item(int start, int end, int size, Kind kind) {
      this.start = start;
      this.end = end;
      this.size = size;
      this.kind = kind;
    }
  }

  /** A run of parts outlined as one method, or kept inline when small enough. */
  private static final class Run {
    final int start;
    final int end;
    final int size;
    boolean inline;

    Run(int start, int end, int size) {
      this.start = start;
      this.end = end;
      this.size = size;
    }
  }

  /** The body of a block (or the function, or one arm of an {@code if}): its parts in order. */
  private static final class Sequence {
    final List<Item> items = new ArrayList<>();

    /** Filled by packing: the parts grouped into runs, in order, with the opened ones between. */
    final List<Object> segments = new ArrayList<>();
  }

  private SplitPlanner(
      List<? extends Instruction> code,
      int[] offsets,
      int[] memoryOps,
      int rootTarget,
      int runTarget,
      int memoryCap) {
    this.code = code;
    this.offsets = offsets;
    this.rootTarget = rootTarget;
    this.runTarget = runTarget;
    this.memoryCap = memoryCap;
    this.matchingEnd = new int[code.size()];
    this.elseAt = new int[code.size()];
    this.localOps = new int[code.size() + 1];
    this.memoryOps = memoryOps;
    for (int i = 0; i < code.size(); i++) {
      localOps[i + 1] = localOps[i] + (isLocalAccess(code.get(i).opcode()) ? 1 : 0);
    }
    matchBlocks();
  }

  /**
   * Plans runs so that the function's own method stays within {@code rootTarget} estimated bytes
   * and every run within {@code runTarget}, each holding at most {@code memoryCap} loads and stores
   * ({@code memoryOps[i]} counts those before instruction {@code i}). The body is {@code [0, n-1)};
   * instruction {@code n-1} is the function's final {@code end}.
   */
  static SplitPlan plan(
      List<? extends Instruction> code,
      int[] offsets,
      int[] memoryOps,
      int rootTarget,
      int runTarget,
      int memoryCap) {
    return new SplitPlanner(code, offsets, memoryOps, rootTarget, runTarget, memoryCap)
        .planFunction();
  }

  /** Loads and stores in {@code [from, to)}. */
  private int memoryAccesses(int from, int to) {
    return memoryOps[to] - memoryOps[from];
  }

  private void matchBlocks() {
    int[] open = new int[code.size() + 1];
    int depth = 0;
    Arrays.fill(elseAt, -1);
    for (int i = 0; i < code.size(); i++) {
      Instruction ins = code.get(i);
      switch (ins.opcode()) {
        case BLOCK, LOOP, IF, TRY_TABLE -> open[depth++] = i;
        case ELSE -> elseAt[open[depth - 1]] = i;
        case END -> {
          if (depth > 0) {
            matchingEnd[open[--depth]] = i;
          }
        }
        case BR_TABLE -> {
          // a switch too large to share a method with its loop is planned as ordinary code
          if (distinctTargets(ins) >= DISPATCH_TARGETS && size(i, i + 1) <= rootTarget / 2) {
            dispatch.set(i);
            // mark the enclosing blocks, stopping where an earlier dispatch marked the rest
            for (int d = depth - 1; d >= 0 && !dispatch.get(open[d]); d--) {
              dispatch.set(open[d]);
            }
          }
        }
        default -> {}
      }
    }
  }

  private static int distinctTargets(Instruction ins) {
    long[] depths = new long[ins.operandCount()];
    for (int k = 0; k < depths.length; k++) {
      depths[k] = ins.operand(k);
    }
    return (int) Arrays.stream(depths).distinct().count();
  }

  /** Bytecode of {@code [from, to)} as measured whole, locals in JVM locals. */
  private int size(int from, int to) {
    return offsets[to] - offsets[from];
  }

  /** Bytecode of {@code [from, to)} in a method that reaches locals in the frame. */
  private int directSize(int from, int to) {
    return size(from, to) + DIRECT_LOCAL_COST * (localOps[to] - localOps[from]);
  }

  private static boolean isLocalAccess(OpCode op) {
    return op == OpCode.LOCAL_GET || op == OpCode.LOCAL_SET || op == OpCode.LOCAL_TEE;
  }

  /**
   * Adds the locals {@code [from, to)} uses to {@code used}, and those it writes to {@code
   * written}.
   */
  private void localsOf(int from, int to, BitSet used, BitSet written) {
    for (int i = from; i < to; i++) {
      Instruction ins = code.get(i);
      if (isLocalAccess(ins.opcode())) {
        used.set((int) ins.operand(0));
        if (ins.opcode() != OpCode.LOCAL_GET) {
          written.set((int) ins.operand(0));
        }
      }
    }
  }

  private static boolean opensBlock(OpCode op) {
    return op == OpCode.BLOCK || op == OpCode.LOOP || op == OpCode.IF || op == OpCode.TRY_TABLE;
  }

  private SplitPlan planFunction() {
    int n = code.size();
    Sequence root = sequence(0, n - 1);
    function = root;
    List<Sequence> sequences = new ArrayList<>();
    List<Item> opened = new ArrayList<>();
    open(root, sequences, opened);
    List<Run> runs = new ArrayList<>();
    for (Sequence s : sequences) {
      pack(s, runs);
    }
    int rootCost = inlineBack(root, opened, runs);
    if (rootCost > rootTarget) {
      group(root, opened);
    }
    for (Run run : runs) {
      if (!run.inline) {
        plan.addRun(run.start, run.end);
      }
    }
    return plan;
  }

  /** The parts of {@code [from, to)}: straight stretches, blocks, dispatch instructions. */
  private Sequence sequence(int from, int to) {
    Sequence s = new Sequence();
    int i = from;
    while (i < to) {
      OpCode op = code.get(i).opcode();
      if (opensBlock(op)) {
        int end = matchingEnd[i] + 1;
        s.items.add(new Item(i, end, directSize(i, end), Kind.BLOCK));
        i = end;
      } else if (dispatch.get(i)) {
        s.items.add(new Item(i, i + 1, directSize(i, i + 1), Kind.PINNED));
        i++;
      } else {
        int j = i;
        while (j < to && !opensBlock(code.get(j).opcode()) && !dispatch.get(j)) {
          j++;
        }
        addStraight(s, i, j);
        i = j;
      }
    }
    return s;
  }

  /** Adds {@code [from, to)} as straight parts, cut at instruction boundaries to fit a method. */
  private void addStraight(Sequence s, int from, int to) {
    int start = from;
    for (int i = from + 1; i <= to; i++) {
      if (i == to || size(start, i + 1) > runTarget || memoryAccesses(start, i + 1) > memoryCap) {
        s.items.add(new Item(start, i, directSize(start, i), Kind.STRAIGHT));
        start = i;
      }
    }
  }

  /**
   * Step 1: opens every block too large for a method or holding a dispatch, top down through a work
   * list. Collects every sequence that stays in a method as structure, outermost first.
   */
  private void open(Sequence root, List<Sequence> sequences, List<Item> opened) {
    ArrayDeque<Sequence> work = new ArrayDeque<>();
    work.add(root);
    while (!work.isEmpty()) {
      Sequence s = work.poll();
      sequences.add(s);
      for (Item item : s.items) {
        if (item.kind != Kind.BLOCK || !(tooLargeForRun(item) || dispatch.get(item.start))) {
          continue;
        }
        item.opened = true;
        opened.add(item);
        int end = matchingEnd[item.start];
        int els = elseAt[item.start];
        if (els >= 0) {
          item.children.add(sequence(item.start + 1, els));
          item.children.add(sequence(els + 1, end));
        } else {
          item.children.add(sequence(item.start + 1, end));
        }
        int inner = 0;
        for (Sequence child : item.children) {
          work.add(child);
          for (Item c : child.items) {
            inner += c.size;
          }
        }
        // a run inside may branch to this block's label: one more case where its code is dispatched
        item.ownSize = Math.max(0, item.size - inner) + DISPATCH_CASE_COST;
      }
    }
  }

  /**
   * True when a block cannot be a run of its own: its code and its locals' traffic overflow one.
   */
  private boolean tooLargeForRun(Item item) {
    int size = size(item.start, item.end);
    if (size > runTarget || memoryAccesses(item.start, item.end) > memoryCap) {
      return true;
    }
    BitSet used = new BitSet();
    BitSet written = new BitSet();
    localsOf(item.start, item.end, used, written);
    return size + LOCAL_LOAD_COST * used.cardinality() + LOCAL_FLUSH_COST * written.cardinality()
        > runTarget;
  }

  /** Packs the parts of {@code s} that are not opened into runs that fit, in order. */
  private void pack(Sequence s, List<Run> runs) {
    int start = -1;
    int end = -1;
    int size = 0;
    BitSet used = new BitSet();
    BitSet written = new BitSet();
    for (Item item : s.items) {
      boolean movable = !item.opened && item.kind != Kind.PINNED;
      if (start >= 0
          && (!movable
              || leafCost(start, item.end, used, written, item) > runTarget
              || memoryAccesses(start, item.end) > memoryCap)) {
        Run run = new Run(start, end, size);
        runs.add(run);
        s.segments.add(run);
        start = -1;
        size = 0;
        used.clear();
        written.clear();
      }
      if (!movable) {
        s.segments.add(item);
        continue;
      }
      if (start < 0) {
        start = item.start;
      }
      end = item.end;
      size += item.size;
      localsOf(item.start, item.end, used, written);
    }
    if (start >= 0) {
      Run run = new Run(start, end, size);
      runs.add(run);
      s.segments.add(run);
    }
  }

  /**
   * What a run calling no run costs when it covers {@code [start, end)}, {@code next} included: its
   * code as measured whole, plus loading the locals it uses and writing back those it changes.
   */
  private int leafCost(int start, int end, BitSet used, BitSet written, Item next) {
    BitSet u = (BitSet) used.clone();
    BitSet w = (BitSet) written.clone();
    localsOf(next.start, next.end, u, w);
    return size(start, end)
        + LOCAL_LOAD_COST * u.cardinality()
        + LOCAL_FLUSH_COST * w.cardinality();
  }

  /**
   * Step 2: with every movable part outlined, inlines runs back, smallest first, while the
   * function's own method stays within the target. Returns the cost of that method.
   */
  private int inlineBack(Sequence root, List<Item> opened, List<Run> runs) {
    int cost = FRAME_SETUP_COST + cost(root, opened);
    int accesses = memoryAccesses(0, code.size());
    for (Run run : runs) {
      accesses -= memoryAccesses(run.start, run.end);
    }
    List<Run> bySize = new ArrayList<>(runs);
    bySize.sort(Comparator.comparingInt(r -> r.size));
    for (Run run : bySize) {
      int grown = cost + run.size - CALL_COST;
      int grownAccesses = accesses + memoryAccesses(run.start, run.end);
      if ((grown <= rootTarget && grownAccesses <= memoryCap)
          || (run.size <= CALL_COST && grownAccesses == accesses)) {
        run.inline = true;
        cost = grown;
        accesses = grownAccesses;
      }
    }
    return cost;
  }

  /** The estimated size of the method holding {@code s}. */
  private static int cost(Sequence s, List<Item> opened) {
    return segmentsCost(s, blockCosts(opened));
  }

  /**
   * What each opened block costs in the method holding it: its own code and its sequences'. Opened
   * blocks were collected outermost first, so walking them backwards sees children first.
   */
  private static IdentityHashMap<Item, Integer> blockCosts(List<Item> opened) {
    IdentityHashMap<Item, Integer> costs = new IdentityHashMap<>();
    for (int k = opened.size() - 1; k >= 0; k--) {
      Item item = opened.get(k);
      costs.put(item, blockCost(item, costs));
    }
    return costs;
  }

  private static int segmentsCost(Sequence s, IdentityHashMap<Item, Integer> costs) {
    int c = 0;
    for (Object segment : s.segments) {
      c += segmentCost(segment, costs);
    }
    return c;
  }

  /**
   * Step 3: the function's method is still too large. Bottom up, every opened block that costs more
   * than a run may has its sequences grouped into runs holding runs (an opened block that fits may
   * become such a run whole, structure and all), then the function's own sequence.
   */
  private void group(Sequence root, List<Item> opened) {
    IdentityHashMap<Item, Integer> costs = new IdentityHashMap<>();
    for (int k = opened.size() - 1; k >= 0; k--) {
      Item item = opened.get(k);
      int c = blockCost(item, costs);
      // level upon level of runs holding runs, while that still shrinks the block: until it can
      // move whole into a run, or fits the function's method
      int limit = Math.min(runTarget, rootTarget);
      int segments = Integer.MAX_VALUE;
      while (c > limit && segmentCount(item.children) < segments) {
        segments = segmentCount(item.children);
        for (Sequence child : item.children) {
          groupSegments(child, costs);
        }
        c = blockCost(item, costs);
      }
      costs.put(item, c);
    }
    int segments = Integer.MAX_VALUE;
    while (segmentsCost(root, costs) > rootTarget && root.segments.size() < segments) {
      segments = root.segments.size();
      groupSegments(root, costs);
    }
  }

  private static int segmentCount(List<Sequence> sequences) {
    int n = 0;
    for (Sequence s : sequences) {
      n += s.segments.size();
    }
    return n;
  }

  private static int blockCost(Item item, IdentityHashMap<Item, Integer> costs) {
    int c = item.ownSize;
    for (Sequence child : item.children) {
      c += segmentsCost(child, costs);
    }
    return c;
  }

  /** Replaces runs of consecutive segments of {@code s} by grouping runs of at most the target. */
  private void groupSegments(Sequence s, IdentityHashMap<Item, Integer> costs) {
    List<Object> grouped = new ArrayList<>();
    int first = 0;
    int cost = 0;
    for (int i = 0; i <= s.segments.size(); i++) {
      int c = i < s.segments.size() ? segmentCost(s.segments.get(i), costs) : 0;
      if (i == s.segments.size() || (i > first && cost + c > runTarget)) {
        // one segment groups only when it is an opened block: its structure then moves whole
        boolean movesBlock =
            s.segments.get(Math.min(first, s.segments.size() - 1)) instanceof Item item
                && item.opened;
        // a run covering the whole function would be the function's own method again
        boolean whole = s == function && first == 0 && i == s.segments.size();
        if ((i - first >= 2 || (i - first == 1 && movesBlock)) && cost <= runTarget && !whole) {
          Run run = new Run(startOf(s.segments.get(first)), endOf(s.segments.get(i - 1)), cost);
          plan.addRun(run.start, run.end);
          grouped.add(run);
        } else if (i > first) {
          grouped.add(s.segments.get(first));
        }
        first = i;
        cost = 0;
      }
      cost += c;
    }
    s.segments.clear();
    s.segments.addAll(grouped);
  }

  private static int segmentCost(Object segment, IdentityHashMap<Item, Integer> costs) {
    if (segment instanceof Run run) {
      return run.inline ? run.size : CALL_COST;
    }
    Item item = (Item) segment;
    return item.opened ? costs.get(item) : item.size;
  }

  private static int startOf(Object segment) {
    return segment instanceof Run run ? run.start : ((Item) segment).start;
  }

  private static int endOf(Object segment) {
    return segment instanceof Run run ? run.end : ((Item) segment).end;
  }
}
