package dev.flarec.compiler.emit;

import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The Wasm types on the operand stack of the method being emitted, and which of those values are
 * <em>virtual</em>: held in the function's heap frame rather than on the JVM stack. Values become
 * virtual when they cross into or out of an outlined run; they are loaded back (materialised) only
 * when an instruction consumes them, so a run that starts with many values on the stack does not
 * pay to load them all.
 *
 * <p>A {@code v128} value may also be held <em>in halves</em>: two {@code long} scratch locals of
 * the method, written by the SIMD instructions that compute on halves and read by those that
 * consume them, so that no {@code V128} object exists between them. Such an entry counts as virtual
 * too: it is not on the JVM stack, and is boxed when any other instruction consumes it (see
 * docs/RATIONALE.md#why-a-v128-is-an-immutable-pair-of-longs). Or <em>in lanes</em>: four {@code
 * int} or {@code float} scratch locals, one per 32-bit lane, written by the {@code i32x4} and
 * {@code f32x4} arithmetic of {@link SimdLanes}; such an entry is held like one in halves, and is
 * turned into halves where an instruction needs them. Or <em>as widened bytes</em>: an {@code
 * i16x8} widening of bytes not yet computed, the locals being the halves of the bytes (see {@link
 * ByteWidening}); such an entry is computed into halves where an instruction needs them, and read
 * lane by lane where an {@code i32x4} widening takes it into {@code int} lanes.
 */
final class OperandStack {
  private final ArrayList<ValueType> types = new ArrayList<>();
  private final BitSet virtual = new BitSet();
  private final ArrayList<int[]> slots = new ArrayList<>();
  private final ArrayList<ValueType> lanes = new ArrayList<>();
  private final ArrayList<ByteWidening> widenings = new ArrayList<>();
  private final BitSet splats = new BitSet();
  private boolean heldObject;

  int size() {
    return types.size();
  }

  /**
   * Whether a reference or v128 has ever been pushed (such values live in the frame's Object[]).
   */
  boolean heldObject() {
    return heldObject;
  }

  ValueType get(int index) {
    return types.get(index);
  }

  /** The type {@code depth} entries below the top (0 = top). */
  ValueType peek(int depth) {
    return types.get(types.size() - 1 - depth);
  }

  void push(ValueType t) {
    heldObject |= t.isObject();
    types.add(t);
    slots.add(null);
    lanes.add(null);
    widenings.add(null);
    virtual.clear(types.size() - 1);
    splats.clear(types.size() - 1);
  }

  void pushVirtual(ValueType t) {
    heldObject |= t.isObject();
    types.add(t);
    slots.add(null);
    lanes.add(null);
    widenings.add(null);
    virtual.set(types.size() - 1);
    splats.clear(types.size() - 1);
  }

  /** Pushes a {@code v128} held in the long locals {@code lo} and {@code hi}. */
  void pushHalves(int lo, int hi) {
    heldObject = true;
    types.add(ValueType.V128);
    slots.add(new int[] {lo, hi});
    lanes.add(null);
    widenings.add(null);
    virtual.set(types.size() - 1);
    splats.clear(types.size() - 1);
  }

  /** Pushes a {@code v128} held in lanes: four locals of type {@code lane} (I32 or F32). */
  void pushLanes(ValueType lane, int[] slots) {
    heldObject = true;
    types.add(ValueType.V128);
    this.slots.add(slots);
    lanes.add(lane);
    widenings.add(null);
    virtual.set(types.size() - 1);
    splats.clear(types.size() - 1);
  }

  /**
   * Pushes a {@code v128} that is {@code widening} of the bytes whose halves are the long locals
   * {@code bytes}, not computed yet.
   */
  void pushWidenedBytes(int[] bytes, ByteWidening widening) {
    heldObject = true;
    types.add(ValueType.V128);
    slots.add(bytes);
    lanes.add(null);
    widenings.add(widening);
    virtual.set(types.size() - 1);
    splats.clear(types.size() - 1);
  }

  ValueType pop() {
    int top = types.size() - 1;
    virtual.clear(top);
    splats.clear(top);
    slots.remove(top);
    lanes.remove(top);
    widenings.remove(top);
    return types.remove(top);
  }

  /**
   * The locals holding an entry: {@code {lo, hi}} for one in halves, the four lanes' for one in
   * lanes (see {@link #laneType}), the bytes' halves for one as widened bytes (see {@link
   * #widening}); null for an entry on the JVM stack or in the frame.
   */
  int[] slots(int index) {
    return slots.get(index);
  }

  /** The lane type (I32 or F32) of an entry held in lanes; null for any other entry. */
  ValueType laneType(int index) {
    return lanes.get(index);
  }

  /** The widening of an entry held as widened bytes; null for any other entry. */
  ByteWidening widening(int index) {
    return widenings.get(index);
  }

  /**
   * Records that entry {@code index} is a {@code v128} whose 16-bit lanes are all equal (a splat),
   * whatever form it is held in; the mark goes with the entry when it is popped.
   */
  void markSplat(int index) {
    splats.set(index);
  }

  /** Whether entry {@code index} was marked a splat of one 16-bit lane ({@link #markSplat}). */
  boolean isSplat(int index) {
    return splats.get(index);
  }

  /** Marks a {@code v128} entry as now held in the long locals {@code slots}. */
  void setHalves(int index, int[] slots) {
    this.slots.set(index, slots);
    lanes.set(index, null);
    widenings.set(index, null);
    virtual.set(index);
  }

  /** Marks a {@code v128} entry as now held in lanes of type {@code lane}. */
  void setLanes(int index, ValueType lane, int[] slots) {
    this.slots.set(index, slots);
    lanes.set(index, lane);
    widenings.set(index, null);
    virtual.set(index);
  }

  /** Marks an entry held in locals as now on the JVM stack. */
  void clearHalves(int index) {
    slots.set(index, null);
    lanes.set(index, null);
    widenings.set(index, null);
    virtual.clear(index);
  }

  /** Index of the lowest entry held in locals (halves, lanes or widened bytes), or -1. */
  int lowestHalves() {
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i) != null) {
        return i;
      }
    }
    return -1;
  }

  boolean isVirtual(int index) {
    return virtual.get(index);
  }

  void setVirtual(int index, boolean v) {
    virtual.set(index, v);
  }

  /** Index of the lowest virtual entry in {@code [from, size)}, or -1. */
  int lowestVirtual(int from) {
    int i = virtual.nextSetBit(Math.max(from, 0));
    return i >= 0 && i < types.size() ? i : -1;
  }

  void truncate(int size) {
    while (types.size() > size) {
      pop();
    }
  }

  /** The entries' types and which of them are virtual, to put back after a side path. */
  record Snapshot(List<ValueType> types, BitSet virtual) {}

  Snapshot snapshot() {
    BitSet v = new BitSet();
    for (int i = 0; i < types.size(); i++) {
      v.set(i, virtual.get(i));
    }
    return new Snapshot(List.copyOf(types), v);
  }

  /** Replaces the entries by those of {@code saved} (none held in halves). */
  void restore(Snapshot saved) {
    truncate(0);
    for (int i = 0; i < saved.types().size(); i++) {
      if (saved.virtual().get(i)) {
        pushVirtual(saved.types().get(i));
      } else {
        push(saved.types().get(i));
      }
    }
  }
}
