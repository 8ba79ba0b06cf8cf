package dev.flarec.compiler.emit;

import dev.flarec.runtime.memory.MemoryAccess;
import dev.flarec.runtime.types.FunctionType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * The loads and stores of a function that need no bounds check: on every path to them, an access of
 * memory 0 on the same base value, reaching at least as far (static offset plus the bytes it
 * touches, the opcode table's {@link OpcodeRow#accessBytes}), has already succeeded. A {@code v128}
 * access proves as far as it reaches like any other, though only scalar loads and stores have
 * unchecked forms. A memory never shrinks and its array is only ever replaced by a longer one, so
 * what that access proved still holds. clang's code reads and writes the fields of one struct
 * through one pointer local, one after another: two in five of Lua's and SQLite's accesses need no
 * check (docs/RATIONALE.md#why-an-access-dominated-by-a-farther-one-is-not-checked).
 *
 * <p>One forward pass. A base value is a local's value, numbered: {@code local.set} and {@code
 * local.tee} give the local a new number (or, for a copy of another local, that one's), and so do
 * the end of a construct that wrote the local (its value there depends on the path) and the header
 * of a loop that writes it (a later iteration arrives with another value). What an access proves
 * holds after the end of the construct it is in when every way to that end agrees (falling out of
 * the body, each branch to the end, both arms of an if); a loop's end, reached only by falling out
 * of its body, keeps all. The operand stack is followed symbolically, through the opcode table's
 * counts, to know which value a load or store takes as its address. Functions with control flow
 * beyond the structured kinds ({@code try_table}, the typed-reference branches) get no unchecked
 * accesses.
 */
final class InBoundsAccesses {
  private InBoundsAccesses() {}

  /** An operand-stack value that is not a local's value, or one the pass does not follow. */
  private static final long UNKNOWN = -1;

  /**
   * The indices in {@code code} of the accesses that need no check; {@code f} gives the counts of
   * calls and block types (the module's types), nothing that depends on where emission stands.
   */
  static BitSet of(
      List<AnnotatedInstruction> code, int localCount, OpcodeTable table, EmitContext f) {
    BitSet inBounds = new BitSet();
    BitSet[] writtenInLoop = writtenInLoops(code, localCount);
    if (writtenInLoop == null || MemoryEmitters.is64(f, 0)) {
      return inBounds;
    }
    Pass pass = new Pass(localCount);
    ArrayDeque<Construct> open = new ArrayDeque<>();
    int deadDepth = -1; // >= 0 while in unreachable code: the constructs opened there
    for (int i = 0; i < code.size(); i++) {
      AnnotatedInstruction ins = code.get(i);
      OpCode op = ins.opcode();
      boolean fallsThrough = deadDepth < 0;
      if (deadDepth >= 0) {
        switch (op) {
          case BLOCK, LOOP, IF -> {
            deadDepth++;
            continue;
          }
          case ELSE, END -> {
            if (deadDepth > 0) {
              deadDepth -= op == OpCode.END ? 1 : 0;
              continue;
            }
            deadDepth = -1; // the construct's own else or end: reachable again (conservatively)
          }
          default -> {
            continue;
          }
        }
      }
      switch (op) {
        case BLOCK, LOOP, IF -> {
          if (op == OpCode.IF) {
            pass.pop(1);
          }
          if (op == OpCode.LOOP) {
            pass.newValues(writtenInLoop[i]);
          }
          FunctionType blockType = f.blockTypeOf(ins.operand(0));
          int params = blockType.params().size();
          // the params are the same values inside: they stay on the stack
          open.push(
              new Construct(
                  op, pass.height - params, params, blockType.results().size(), pass.log.size()));
        }
        case ELSE -> {
          Construct c = open.peek();
          if (fallsThrough) {
            c.joinEdge(pass);
          }
          c.sawElse = true;
          pass.resetTo(c.height);
          pass.pushUnknown(c.params);
          pass.newValues(c.written);
          pass.undoTo(c.logMark);
        }
        case END -> {
          if (open.isEmpty()) {
            continue; // the function's own end
          }
          Construct c = open.pop();
          pass.resetTo(c.height);
          pass.pushUnknown(c.results);
          if (c.opener != OpCode.LOOP) {
            if (fallsThrough) {
              c.joinEdge(pass);
            }
            if (c.opener == OpCode.IF && !c.sawElse) {
              c.joinEntry(); // the missing else arm goes straight to the end
            }
            pass.newValues(c.written);
            pass.undoTo(c.logMark);
            if (c.reachAtEnd != null) {
              c.reachAtEnd.forEach(pass::extend);
            }
          }
          if (!open.isEmpty()) {
            open.peek().written.or(c.written);
          }
        }
        case BR_IF -> {
          pass.pop(1);
          joinBranch(open, (int) ins.operand(0), pass);
        }
        case BR, BR_TABLE -> {
          for (long depth : ins.operands()) {
            joinBranch(open, (int) depth, pass);
          }
          deadDepth = 0;
        }
        case LOCAL_GET -> pass.push(pass.valueOf((int) ins.operand(0)));
        case LOCAL_SET, LOCAL_TEE -> {
          int x = (int) ins.operand(0);
          pass.assign(x, pass.peek(0));
          pass.pop(1);
          if (!open.isEmpty()) {
            open.peek().written.set(x);
          }
          if (op == OpCode.LOCAL_TEE) {
            pass.push(pass.valueOf(x));
          }
        }
        default -> {
          if (LocalLiveness.leavesFunction(op)) {
            deadDepth = 0;
            continue;
          }
          OpcodeRow row = table.rowOrNull(op);
          if (row == null) {
            return new BitSet();
          }
          if (row.accessBytes() > 0 && MemoryEmitters.memoryIndex(ins) == 0) {
            long base = pass.peek(row.addressDepth(f, ins));
            long offset = ins.operand(1);
            if (base != UNKNOWN && offset <= MemoryAccess.MAX_OFFSET) {
              if (!pass.extend(base, offset + row.accessBytes())) {
                inBounds.set(i);
              }
            }
          }
          pass.pop(row.pops().of(f, ins));
          pass.pushUnknown(row.pushes().of(f, ins));
        }
      }
    }
    return inBounds;
  }

  /** A branch to the construct {@code depth} levels out: what holds here holds at its end. */
  private static void joinBranch(ArrayDeque<Construct> open, int depth, Pass pass) {
    int k = 0;
    for (Construct c : open) {
      if (k++ == depth) {
        if (c.opener != OpCode.LOOP) { // a branch to a loop goes to its header
          c.joinEdge(pass);
        }
        return;
      }
    }
  }

  /**
   * For each loop opener, the locals its body writes; null when the function has control flow this
   * pass does not model.
   */
  private static BitSet[] writtenInLoops(List<AnnotatedInstruction> code, int localCount) {
    BitSet[] written = new BitSet[code.size()];
    ArrayDeque<Integer> open = new ArrayDeque<>();
    ArrayDeque<BitSet> writes = new ArrayDeque<>();
    writes.push(new BitSet(localCount));
    for (int i = 0; i < code.size(); i++) {
      AnnotatedInstruction ins = code.get(i);
      switch (ins.opcode()) {
        case BLOCK, LOOP, IF -> {
          open.push(i);
          writes.push(new BitSet(localCount));
        }
        case END -> {
          if (!open.isEmpty()) {
            int opener = open.pop();
            BitSet inside = writes.pop();
            written[opener] = inside;
            writes.peek().or(inside);
          }
        }
        case LOCAL_SET, LOCAL_TEE -> writes.peek().set((int) ins.operand(0));
        case TRY_TABLE, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL -> {
          return null;
        }
        default -> {}
      }
    }
    return written;
  }

  /** The most changes a way to a construct's end carries there. */
  private static final int JOIN_LIMIT = 64;

  /** The pass's state: the symbolic operand stack, the locals' values, what is proved. */
  private static final class Pass {
    long[] stack = new long[16];
    int height;

    /**
     * Each local's value, numbered: the local's index, with a version above it that each new value
     * the pass cannot name (a computed one, a join) increments; a copy of another local's value
     * takes its number.
     */
    final long[] value;

    int nextVersion = 1;

    /** For each base value, how far past it accesses are known to be in bounds. */
    final Map<Long, Long> reach = new HashMap<>();

    /** Each change to {@link #reach}: the base and what it held before (-1: nothing). */
    final List<long[]> log = new ArrayList<>();

    Pass(int localCount) {
      value = new long[localCount];
      for (int x = 0; x < localCount; x++) {
        value[x] = x;
      }
    }

    long valueOf(int local) {
      return value[local];
    }

    /** {@code local.set} or {@code local.tee} of {@code v} ({@link #UNKNOWN}: a new value). */
    void assign(int local, long v) {
      value[local] = v != UNKNOWN ? v : ((long) nextVersion++ << 32) | local;
    }

    /**
     * Records that an access reaching {@code farthest} bytes past {@code base} succeeded; false
     * when one reaching as far already had, so this one needs no check.
     */
    boolean extend(long base, long farthest) {
      Long known = reach.get(base);
      if (known != null && known >= farthest) {
        return false;
      }
      log.add(new long[] {base, known == null ? -1 : known});
      reach.put(base, farthest);
      return true;
    }

    /**
     * The bases whose reach changed since log position {@code mark}, with their reach now; none
     * when there are more than {@link #JOIN_LIMIT} changes (a branch out of a large body proves
     * nothing at its target, which keeps the pass linear).
     */
    Map<Long, Long> changesSince(int mark) {
      Map<Long, Long> changed = new HashMap<>();
      if (log.size() - mark <= JOIN_LIMIT) {
        for (int k = mark; k < log.size(); k++) {
          long base = log.get(k)[0];
          changed.put(base, reach.get(base));
        }
      }
      return changed;
    }

    void undoTo(int mark) {
      for (int k = log.size() - 1; k >= mark; k--) {
        long[] change = log.remove(k);
        if (change[1] < 0) {
          reach.remove(change[0]);
        } else {
          reach.put(change[0], change[1]);
        }
      }
    }

    void newValues(BitSet locals) {
      for (int x = locals.nextSetBit(0); x >= 0; x = locals.nextSetBit(x + 1)) {
        assign(x, UNKNOWN);
      }
    }

    void push(long value) {
      if (height == stack.length) {
        stack = java.util.Arrays.copyOf(stack, height * 2);
      }
      stack[height++] = value;
    }

    void pushUnknown(int n) {
      for (int k = 0; k < n; k++) {
        push(UNKNOWN);
      }
    }

    long peek(int depth) {
      return height - 1 - depth >= 0 ? stack[height - 1 - depth] : UNKNOWN;
    }

    void pop(int n) {
      height = Math.max(0, height - n);
    }

    /** The height a construct's end or else leaves below its results or params. */
    void resetTo(int to) {
      if (height > to) {
        height = Math.max(0, to);
      }
      pushUnknown(to - height);
    }
  }

  /** An open block, loop or if: where its operands start, and its first change to what is known. */
  private static final class Construct {
    final OpCode opener;
    final int height;
    final int params;
    final int results;
    final int logMark;

    /** The locals written inside so far. */
    final BitSet written = new BitSet();

    /**
     * What accesses inside proved and every way to the end seen so far agrees on (each base at the
     * least reach of the ways); null before the first way. What held at the start holds at the end
     * anyway.
     */
    Map<Long, Long> reachAtEnd;

    boolean sawElse;

    /** A way to the end from where the pass stands. */
    void joinEdge(Pass pass) {
      Map<Long, Long> here = pass.changesSince(logMark);
      if (reachAtEnd == null) {
        reachAtEnd = here;
        return;
      }
      reachAtEnd.keySet().retainAll(here.keySet());
      reachAtEnd.replaceAll((base, reach) -> Math.min(reach, here.get(base)));
    }

    /** A way to the end from the start, proving nothing new. */
    void joinEntry() {
      reachAtEnd = new HashMap<>();
    }

    Construct(OpCode opener, int height, int params, int results, int logMark) {
      this.opener = opener;
      this.height = height;
      this.params = params;
      this.results = results;
      this.logMark = logMark;
    }
  }
}
