package dev.flarec.compiler.emit;

import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.CatchOpCode;

/**
 * What an opcode-family {@link Emitter} may use of the method being emitted: the code writer, the
 * Wasm types on the operand stack, locals, scratch slots, the cached memory, calls and structured
 * control. {@link FunctionEmitter} implements it; its split-run plumbing, slot layout and control
 * stack stay out of the emitters' reach. See
 * docs/RATIONALE.md#why-do-opcode-emitters-see-an-emitcontext-and-not-the-functionemitter.
 *
 * <p>Call order: an emitter first writes the JVM code that consumes its operands and produces its
 * results, and keeps the tracked stack in step with {@link #pop}/{@link #push} as it goes; the
 * values of the top of the stack it pops are on the JVM stack (or in halves, for a {@link
 * HalvesEmitter}) when it starts.
 */
interface EmitContext {

  // ---- code ----

  /**
   * Where the instruction's JVM code goes: ASM's visitor of the method (or of a size counter, when
   * a function is measured).
   */
  MethodVisitor mv();

  /** Pushes an int constant with the shortest instruction. */
  void pushInt(int v);

  /** An "unsupported" error naming the function and the instruction being emitted. */
  UnsupportedModuleException unsupported(String what);

  // ---- the module and the function ----

  ModuleInfo module();

  int functionIndex();

  FunctionType type();

  // ---- operand types ----

  void push(ValueType t);

  ValueType pop();

  /** The type {@code depth} entries below the top (0 = top). */
  ValueType peek(int depth);

  /** Emits POP or POP2 for a value of type {@code t} on top of the JVM stack. */
  void discard(ValueType t);

  /**
   * Stores the top {@code count} JVM stack values into fresh scratch locals, the tracked stack
   * unchanged; returns the slots, bottom value first. Pair with {@link #reload}.
   */
  int[] spill(int count);

  /** Loads spilled values back (bottom first) and frees their slots. */
  void reload(int[] slots);

  /** Replaces the top {@code n} values by an {@code Object[]} holding them boxed. */
  void boxTop(int n);

  /** Pushes the values of an {@code Object[]} of results (on the JVM stack) in order. */
  void unboxResults(List<ValueType> results);

  // ---- locals ----

  /** Pushes Wasm local {@code index}. */
  void loadLocal(int index);

  /** Pops the top of the JVM stack into Wasm local {@code index}. */
  void storeLocal(int index);

  ValueType localType(int index);

  // ---- v128 values held in two long locals ("halves", see OperandStack) ----

  /** Whether local {@code index} is a {@code v128} in two long JVM locals of this method. */
  boolean localInHalves(int index);

  /** {@code local.get} of a local in halves: its longs are copied into a new stack entry. */
  void loadLocalHalves(int index);

  /** {@code local.set} ({@code keep}: {@code local.tee}) of the top value, held in halves. */
  void storeLocalHalves(int index, boolean keep);

  /** Boxes the top {@code count} values if held in halves. */
  void materializeOperands(int count);

  /** Moves every {@code v128} of the top {@code count} values into halves. */
  void operandsToHalves(int count);

  /** Pops the {@code v128} on top of the tracked stack, held in halves: its {@code {lo, hi}}. */
  int[] popHalves();

  /** Pushes a {@code v128} held in the long locals {@code lo} and {@code hi}. */
  void pushHalves(int lo, int hi);

  void releaseHalves(int[] slots);

  // ---- v128 values known to be splats of one 16-bit lane (see SimdSplats) ----

  /** Whether the {@code v128} {@code depth} below the top has all its 16-bit lanes equal. */
  boolean splatAt(int depth);

  /** Records that the {@code v128} on top has all its 16-bit lanes equal. */
  void markSplatOnTop();

  // ---- i32x4 and f32x4 values held in four int or float locals ("lanes", see SimdLanes) ----

  /**
   * The lane type (I32 or F32) of a {@code v128} local kept in lanes rather than two longs; null
   * for any other local.
   */
  ValueType laneTypeOfLocal(int index);

  /** The lane type of the value {@code depth} below the top if held in lanes, else null. */
  ValueType laneTypeAt(int depth);

  /**
   * Whether {@code v128} loads and stores of values in lanes access memory lane by lane, or in
   * halves ({@code FunctionCode.laneMemoryAccesses}).
   */
  boolean laneMemoryAccesses();

  /**
   * The lane slots of the local that the next instruction, a {@code local.set}, writes, if it is
   * kept in lanes of type {@code lane} in JVM slots of its own; else null. A lane operation may
   * leave its result there, so the {@code local.set} copies nothing.
   */
  int[] lanesOfNextSet(ValueType lane);

  /** Whether JVM slot {@code slot} is a scratch slot, not one of a local's own. */
  boolean isScratch(int slot);

  /** Moves every {@code v128} of the top {@code count} values into lanes of type {@code lane}. */
  void operandsToLanes(int count, ValueType lane);

  /** Pops the {@code v128} on top of the tracked stack, held in lanes: its four locals. */
  int[] popLanes();

  /** Pushes a {@code v128} held in the four locals {@code slots} of type {@code lane}. */
  void pushLanes(ValueType lane, int[] slots);

  void releaseLanes(ValueType lane, int[] slots);

  // ---- i16x8 widenings of bytes kept uncomputed ("widened bytes", see ByteWidening) ----

  /**
   * {@link #operandsToHalves}, except that values held as widened bytes stay so if {@code
   * keepWidened}.
   */
  void operandsToHalves(int count, boolean keepWidened);

  /** The widening of the value {@code depth} below the top if held as widened bytes, else null. */
  ByteWidening wideningAt(int depth);

  /**
   * Pops the {@code v128} on top of the tracked stack, held as widened bytes: the bytes' halves.
   */
  int[] popWidenedBytes();

  /** Pushes {@code widening} of the bytes in the long locals {@code bytes}, uncomputed. */
  void pushWidenedBytes(int[] bytes, ByteWidening widening);

  /**
   * The instruction that will consume the value the current instruction pushes, or null when
   * control flow, a call or the end of the method comes first.
   */
  AnnotatedInstruction consumerOfResult();

  // ---- scratch locals ----

  int acquireScratch(ValueType t);

  void releaseScratch(ValueType t, int slot);

  // ---- memory ----

  void loadInstance();

  /** JVM local caching memory 0's {@code byte[]}, or -1 when this method does not cache it. */
  int bytesSlot();

  /** JVM local caching memory 0's size in bytes, or -1 when accesses need not check it. */
  int sizeSlot();

  /** JVM local caching memory 0's write marks, or -1 when the module does not track writes. */
  int writtenSlot();

  /**
   * True when the load or store being emitted needs no bounds check: an access on the same base
   * that reaches as far has succeeded on every path to it ({@link InBoundsAccesses}).
   */
  boolean accessInBounds();

  /** The bytes the load or store {@code ins} touches at its address: its opcode row's. */
  int accessBytes(AnnotatedInstruction ins);

  /**
   * JVM local holding the block of memory 0 this method marked written last, or {@link #NO_BLOCK};
   * -1 when the module does not track writes. Marks are only cleared by the host (restoring a
   * snapshot), which compiled code reaches through calls alone, so the slot is reset wherever the
   * memory array is re-read: method entry, after calls and {@code memory.grow}, and in exception
   * handlers.
   */
  int markedSlot();

  /** A block number no address has ({@code address >>> 12} is at most 2^20 - 1). */
  int NO_BLOCK = -1;

  /** Re-reads the cached memory array after anything that may have grown the memory. */
  void refreshMemoryArray();

  // ---- calls ----

  /** Calls a static method of the generated class. */
  void invokeOwn(String name, String descriptor);

  /** True when a tail call of the function to itself can be a jump to its entry. */
  boolean canJumpToSelf();

  /** {@code return_call} of the function itself, as a jump to its entry. */
  void selfTailCall();

  /** Returns the function's results from the top of the stack. */
  void emitReturn();

  // ---- control ----

  /**
   * A comparison's result: fused into a following {@code br_if}, {@code if} or {@code select}, or
   * else materialised as an i32.
   */
  void condition(Condition c);

  void enterBlock(ControlFrame.Kind kind, long blockType);

  /** {@code if}: the i32 condition (or a fused comparison) has been popped already. */
  void enterIf(Condition c, long blockType);

  void elseArm();

  void end();

  void enterTryTable(long blockType, List<CatchOpCode.Catch> catches);

  /** {@code br depth}: code after it is unreachable. */
  void branch(int depth);

  /** {@code br_if depth}, the condition already popped from the tracked stack. */
  void branchIf(Condition c, int depth);

  /** {@code br_table}: operands are the label depths, the last one the default. */
  void branchTable(long[] depths);

  /**
   * Jumps to the frame {@code depth} labels out carrying its values, the tracked stack unchanged
   * (code after it stays reachable, as in {@code br_on_null}'s taken path).
   */
  void jumpTo(int depth);

  /** Code after the current instruction is unreachable (it ends in a jump, return or throw). */
  void markUnreachable();

  // ---- stack effects that depend on the context ----

  ControlFrame innermostFrame();

  /** The values a branch to the frame {@code depth} labels out carries. */
  List<ValueType> carriedTo(int depth);

  FunctionType blockTypeOf(long blockType);
}
