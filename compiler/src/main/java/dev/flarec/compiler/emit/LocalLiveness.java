package dev.flarec.compiler.emit;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * Which of a function's locals are live (may be read before they are written again) before each of
 * its instructions. A split function's own method uses it to keep the locals its runs write in JVM
 * locals: only those live where a run returns to need reloading from the heap frame, and only those
 * live where it starts need storing there first (see
 * docs/RATIONALE.md#why-the-dispatch-method-keeps-loop-carried-locals).
 *
 * <p>A backward pass over the structured code, repeated while the set at some loop header grows (a
 * branch to a loop goes to its header, which the pass reaches after the branch). No recursion:
 * control frames are kept on an explicit stack.
 */
final class LocalLiveness {
  private final BitSet[] before;

  /** For each block, loop or if opener, the index of its matching {@code end}; else -1. */
  private final int[] endOf;

  /** The loop openers. */
  private final BitSet loops;

  private LocalLiveness(BitSet[] before, int[] endOf, BitSet loops) {
    this.before = before;
    this.endOf = endOf;
    this.loops = loops;
  }

  /**
   * The analysis of {@code code}; null when it has control flow this analysis does not model
   * ({@code try_table}, whose handlers are entered from anywhere in its body, and the typed
   * reference branches), in which case every local must be taken as live.
   */
  static LocalLiveness of(List<AnnotatedInstruction> code) {
    int n = code.size();
    int[] endOf = new int[n];
    int[] openerOf = new int[n];
    java.util.Arrays.fill(endOf, -1);
    java.util.Arrays.fill(openerOf, -1);
    BitSet loops = new BitSet();
    ArrayDeque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      switch (code.get(i).opcode()) {
        case LOOP -> {
          loops.set(i);
          open.push(i);
        }
        case BLOCK, IF -> open.push(i);
        case END -> {
          if (!open.isEmpty()) {
            int opener = open.pop();
            endOf[opener] = i;
            openerOf[i] = opener;
          }
        }
        case TRY_TABLE, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL -> {
          return null;
        }
        default -> {}
      }
    }
    BitSet[] before = new BitSet[n + 1];
    BitSet[] loopHeads = new BitSet[n];
    boolean changed = true;
    while (changed) {
      changed = false;
      // branch targets of the enclosing frames, innermost first; the function's is "nothing live"
      ArrayDeque<Frame> frames = new ArrayDeque<>();
      BitSet live = new BitSet();
      before[n] = new BitSet();
      for (int i = n - 1; i >= 0; i--) {
        AnnotatedInstruction ins = code.get(i);
        switch (ins.opcode()) {
          case END -> {
            int opener = openerOf[i];
            if (opener < 0) {
              live = new BitSet(); // the function's own end: a return
              frames.push(new Frame(new BitSet(), null));
            } else if (code.get(opener).opcode() == OpCode.LOOP) {
              BitSet head = loopHeads[opener] == null ? new BitSet() : loopHeads[opener];
              frames.push(new Frame(head, null));
            } else {
              frames.push(new Frame((BitSet) live.clone(), (BitSet) live.clone()));
            }
          }
          case ELSE -> {
            Frame frame = frames.peek();
            frame.elseStart = (BitSet) live.clone();
            live = (BitSet) frame.afterEnd.clone();
          }
          case IF -> {
            Frame frame = frames.pop();
            live.or(frame.elseStart != null ? frame.elseStart : frame.afterEnd);
          }
          case BLOCK -> frames.pop();
          case LOOP -> {
            frames.pop();
            if (!live.equals(loopHeads[i])) {
              loopHeads[i] = (BitSet) live.clone();
              changed = true;
            }
          }
          case BR -> live = (BitSet) target(frames, (int) ins.operand(0)).clone();
          case BR_IF -> live.or(target(frames, (int) ins.operand(0)));
          case BR_TABLE -> {
            live = new BitSet();
            for (long depth : ins.operands()) {
              live.or(target(frames, (int) depth));
            }
          }
          case LOCAL_GET -> live.set((int) ins.operand(0));
          case LOCAL_SET, LOCAL_TEE -> live.clear((int) ins.operand(0));
          default -> {
            if (leavesFunction(ins.opcode())) {
              live = new BitSet();
            }
          }
        }
        before[i] = (BitSet) live.clone();
      }
    }
    return new LocalLiveness(before, endOf, loops);
  }

  /**
   * Whether control leaves the function at {@code op} and never reaches the next instruction: a
   * return, a tail call, a throw or a trap.
   */
  static boolean leavesFunction(OpCode op) {
    return switch (op) {
      case RETURN,
          UNREACHABLE,
          RETURN_CALL,
          RETURN_CALL_INDIRECT,
          RETURN_CALL_REF,
          THROW,
          THROW_REF ->
          true;
      default -> false;
    };
  }

  private static BitSet target(ArrayDeque<Frame> frames, int depth) {
    int k = 0;
    for (Frame frame : frames) {
      if (k++ == depth) {
        return frame.branchTarget;
      }
    }
    return new BitSet(); // the function itself: a return
  }

  /** The locals live before instruction {@code index} ({@code code.size()}: after the last). */
  BitSet before(int index) {
    return before[index];
  }

  /**
   * The locals live where a branch to the block, loop or if whose body starts at {@code bodyStart}
   * goes: the loop's header, or past the block's end.
   */
  BitSet atBranchTarget(int bodyStart) {
    int opener = bodyStart - 1;
    return loops.get(opener) ? before[bodyStart] : before[endOf[opener] + 1];
  }

  private static final class Frame {
    final BitSet branchTarget;
    final BitSet afterEnd;
    BitSet elseStart;

    Frame(BitSet branchTarget, BitSet afterEnd) {
      this.branchTarget = branchTarget;
      this.afterEnd = afterEnd;
    }
  }
}
