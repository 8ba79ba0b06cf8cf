package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * A loop's back edge that clang writes as {@code br_if} on {@code i != end} where the loop steps
 * {@code i} by a constant other than ±1, for example {@code i += 4} up to a constant or a local the
 * loop never writes. HotSpot's C2 makes a counted loop (range-check elimination, unrolling) out of
 * a {@code !=} exit test only when the stride is ±1; with an ordered test it does for any constant
 * stride. So the edge is emitted as {@code if (i < end) goto loop} (for a positive step; {@code i >
 * end} for a negative one), then, with {@code i} and {@code end} loaded again, {@code if (i > end)
 * goto loop}: together exactly {@code i != end} for every input, including an {@code i} that wraps
 * around or never equals {@code end}. The second test is never taken in the loops this matches, so
 * C2 profiles it away and counts the loop on the first.
 *
 * <p>Only non-unit steps are rewritten: C2 already counts {@code !=} loops of stride ±1, and
 * rewriting those too was measured to slow SQLite down. A plain non-zero test ({@code br_if} on
 * {@code local.tee i}, counting up to 0) is left alone: rewritten the same way, it made the {@code
 * matmul} kernel 24% slower and gained nothing on SHA-256. See
 * docs/RATIONALE.md#why-are-loop-back-edges-on--rewritten-only-for-non-unit-steps.
 */
final class LoopBackEdge {
  /** The signed step of the induction local, never 0, 1 or -1. */
  private final int step;

  /** The induction local, whose value is the tested one. */
  private final int counter;

  /** The local holding the end, or -1 when the end is {@link #endConstant}. */
  private final int endLocal;

  /** The end when it is an {@code i32.const}. */
  private final int endConstant;

  private LoopBackEdge(int step, int counter, int endLocal, int endConstant) {
    this.step = step;
    this.counter = counter;
    this.endLocal = endLocal;
    this.endConstant = endConstant;
  }

  /**
   * The back edge a {@code br_if} at {@code brIfAt} in {@code code} makes, fused with condition
   * {@code c}, when it goes back to a {@code loop} whose body starts at {@code loopBodyStart} and
   * has the shape above; null otherwise.
   */
  static LoopBackEdge recognise(
      List<AnnotatedInstruction> code, int brIfAt, Condition c, int loopBodyStart) {
    if (loopBodyStart < 0 || c.prefix() >= 0) {
      return null;
    }
    if (c.jumpIfTrue() != IF_ICMPNE
        || brIfAt < 3
        || code.get(brIfAt - 1).opcode() != OpCode.I32_NE) {
      return null;
    }
    // [i, end] on the stack: the end comes from one instruction, so i from the one before it
    int endLocal = -1;
    int endConstant = 0;
    AnnotatedInstruction end = code.get(brIfAt - 2);
    if (end.opcode() == OpCode.LOCAL_GET) {
      endLocal = (int) end.operand(0);
    } else if (end.opcode() == OpCode.I32_CONST) {
      endConstant = (int) end.operand(0);
    } else {
      return null;
    }
    int counterAt = brIfAt - 3;
    if (counterAt < loopBodyStart) {
      return null;
    }
    AnnotatedInstruction tested = code.get(counterAt);
    if (tested.opcode() != OpCode.LOCAL_GET && tested.opcode() != OpCode.LOCAL_TEE) {
      return null;
    }
    int counter = (int) tested.operand(0);
    if (counter == endLocal) {
      return null;
    }
    Integer step = soleStep(code, loopBodyStart, counter, endLocal);
    if (step == null || step == 0 || step == 1 || step == -1) {
      return null;
    }
    return new LoopBackEdge(step, counter, endLocal, endConstant);
  }

  /**
   * The constant the loop body adds to {@code local} per iteration, when {@code endLocal} (or -1)
   * is never written in the body and {@code local} is written once, at the body's own nesting
   * level, as {@code local.get local; i32.const C; i32.add|i32.sub; local.set|tee local}, or
   * through one other local whose last write before it is of that form ({@code j = i + 1; ...; i =
   * j + 1}, clang's loop unrolled by two); else null.
   */
  private static Integer soleStep(
      List<AnnotatedInstruction> code, int bodyStart, int local, int endLocal) {
    int write = soleWrite(code, bodyStart, local, endLocal);
    int[] offset = write < 0 ? null : offsetWrittenAt(code, write, bodyStart);
    if (offset == null) {
      return null;
    }
    if (offset[0] == local) {
      return offset[1];
    }
    int earlier = lastWriteBefore(code, bodyStart, offset[0], write);
    int[] first = earlier < 0 ? null : offsetWrittenAt(code, earlier, bodyStart);
    if (first == null || first[0] != local) {
      return null;
    }
    long step = (long) first[1] + offset[1];
    return step == (int) step ? (int) step : null;
  }

  /**
   * Where the body's one write to {@code local} is, at the body's own nesting level; -1 when there
   * are several, a nested one, or none, or when {@code endLocal} is written.
   */
  private static int soleWrite(
      List<AnnotatedInstruction> code, int bodyStart, int local, int endLocal) {
    Writes writes = Writes.scan(code, bodyStart, code.size(), local, endLocal);
    return writes.count == 1 && !writes.otherWritten ? writes.last : -1;
  }

  /**
   * Where the last write to {@code local} before instruction {@code before} is, when it is at the
   * body's own nesting level and no nested write follows it; else -1.
   */
  private static int lastWriteBefore(
      List<AnnotatedInstruction> code, int bodyStart, int local, int before) {
    return Writes.scan(code, bodyStart, before, local, -1).last;
  }

  /** The writes to one local in part of a loop body, as one walk over its nesting finds them. */
  private static final class Writes {
    /** How many writes there are, at any depth. */
    int count;

    /** The last write, or -1 when it is nested in a block of the body (or there is none). */
    int last = -1;

    /** Whether the other local asked about is written anywhere. */
    boolean otherWritten;

    /**
     * The writes to {@code local} from {@code bodyStart} up to {@code limit} or the body's end,
     * whichever comes first, and whether {@code other} (or -1) is written there.
     */
    static Writes scan(
        List<AnnotatedInstruction> code, int bodyStart, int limit, int local, int other) {
      Writes writes = new Writes();
      int depth = 0;
      for (int i = bodyStart; i < limit && depth >= 0; i++) {
        AnnotatedInstruction ins = code.get(i);
        switch (ins.opcode()) {
          case BLOCK, LOOP, IF, TRY_TABLE -> depth++;
          case END -> depth--;
          case LOCAL_SET, LOCAL_TEE -> {
            int written = (int) ins.operand(0);
            if (written == other) {
              writes.otherWritten = true;
            }
            if (written == local) {
              writes.count++;
              writes.last = depth == 0 ? i : -1;
            }
          }
          default -> {}
        }
      }
      return writes;
    }
  }

  /**
   * For a write at {@code at} of the form {@code local.get src; i32.const C; i32.add|i32.sub}:
   * {@code {src, C}} (C negated for a subtraction); else null.
   */
  private static int[] offsetWrittenAt(List<AnnotatedInstruction> code, int at, int bodyStart) {
    if (at - 3 < bodyStart) {
      return null;
    }
    AnnotatedInstruction get = code.get(at - 3);
    AnnotatedInstruction constant = code.get(at - 2);
    OpCode op = code.get(at - 1).opcode();
    if (get.opcode() != OpCode.LOCAL_GET || constant.opcode() != OpCode.I32_CONST) {
      return null;
    }
    int src = (int) get.operand(0);
    int c = (int) constant.operand(0);
    if (op == OpCode.I32_ADD) {
      return new int[] {src, c};
    }
    if (op == OpCode.I32_SUB && c != Integer.MIN_VALUE) {
      return new int[] {src, -c};
    }
    return null;
  }

  /**
   * Whether {@link #emit} can load {@code i} and the end again in {@code f}. Not when the {@code
   * local.get} before the test was emitted in an outlined run of the loop body and the test in the
   * method calling it, which then holds the values only on its operand stack (spilled to the frame
   * at the run's return), not the locals themselves.
   */
  boolean reloadableIn(FunctionEmitter f) {
    return f.holdsLocal(counter) && (endLocal < 0 || f.holdsLocal(endLocal));
  }

  /**
   * Emits the edge to {@code loop}, with {@code i} and the end on the JVM stack: goes to {@code
   * loop} when they differ, falls through when they are equal.
   *
   * <p>The second test loads {@code i} and the end again rather than keeping copies on the stack:
   * with {@code dup2} the short-of-the-end test cannot jump to the loop directly, and the loop C2
   * built from that shape ran the sha256 kernel 9% slower (docs/benchmarks.md).
   */
  void emit(EmitContext f, Label loop) {
    MethodVisitor mv = f.mv();
    boolean up = step > 0;
    // the likely way: i still short of the end
    mv.visitJumpInsn(up ? IF_ICMPLT : IF_ICMPGT, loop);
    // past the end (it wrapped, or started beyond it): != holds all the same
    f.loadLocal(counter);
    if (endLocal >= 0) {
      f.loadLocal(endLocal);
    } else {
      f.pushInt(endConstant);
    }
    mv.visitJumpInsn(up ? IF_ICMPGT : IF_ICMPLT, loop);
  }
}
