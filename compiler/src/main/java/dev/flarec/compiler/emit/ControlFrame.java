package dev.flarec.compiler.emit;

import dev.flarec.runtime.types.ValueType;
import java.util.List;
import org.objectweb.asm.Label;

/**
 * One entry of the control stack while a function is emitted: a {@code block}, {@code loop}, {@code
 * if}, or the function body itself.
 *
 * <p>{@link #entryHeight} is the operand-stack height below the frame's parameters; a branch to
 * this frame leaves exactly {@link #branchTypes()} above that height, which is what makes the JVM's
 * stack at the target label agree on every path (JVMS §4.10.1).
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#control-instructions">Wasm
 *     2.0 §3.3.8</a>
 */
final class ControlFrame {
  enum Kind {
    FUNCTION,
    BLOCK,
    LOOP,
    IF,
    /** A {@code try_table}: a block whose body is covered by a JVM exception handler. */
    TRY_TABLE
  }

  final Kind kind;
  final List<ValueType> params;
  final List<ValueType> results;
  final int entryHeight;

  /** Where a branch to this frame goes: the loop header for loops, the end otherwise. */
  final Label target = new Label();

  /** For {@code if}: the start of the else arm (or the end, when there is none). */
  final Label elseLabel;

  /** Position in the function's control stack (0 = the function itself). */
  int index;

  boolean targetUsed;
  boolean hasElse;

  /**
   * For a {@code block}, {@code loop} or {@code if}: the index in the function's code of its body's
   * first instruction; -1 for the others.
   */
  int bodyStart = -1;

  /**
   * For {@code try_table}: the labels bounding the ranges its handler covers, start and end in turn
   * (the last range still open while the body is emitted); tail calls are cut out of them.
   */
  final List<Label> ranges = new java.util.ArrayList<>();

  /** For {@code try_table}: its catch clauses. */
  List<run.endive.wasm.types.CatchOpCode.Catch> catches;

  /**
   * For {@code try_table}: the JVM local holding each value below the block that was on the JVM
   * stack at its entry (-1 for values held in the heap frame), since a JVM handler starts with an
   * empty stack.
   */
  int[] belowSlots;

  ControlFrame(Kind kind, List<ValueType> params, List<ValueType> results, int entryHeight) {
    this.kind = kind;
    this.params = params;
    this.results = results;
    this.entryHeight = entryHeight;
    this.elseLabel = kind == Kind.IF ? new Label() : null;
  }

  /** The types a branch to this frame carries: a loop's parameters, otherwise its results. */
  List<ValueType> branchTypes() {
    return kind == Kind.LOOP ? params : results;
  }
}
