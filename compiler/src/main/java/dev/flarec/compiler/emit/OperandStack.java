package dev.flarec.compiler.emit;

import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.BitSet;

/**
 * The Wasm types on the operand stack of the method being emitted, and which of those values are
 * <em>virtual</em>: held in the function's heap frame rather than on the JVM stack. Values become
 * virtual when they cross into or out of an outlined run; they are loaded back (materialised) only
 * when an instruction consumes them, so a run that starts with many values on the stack does not
 * pay to load them all.
 */
final class OperandStack {
  private final ArrayList<ValueType> types = new ArrayList<>();
  private final BitSet virtual = new BitSet();
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
    virtual.clear(types.size() - 1);
  }

  void pushVirtual(ValueType t) {
    heldObject |= t.isObject();
    types.add(t);
    virtual.set(types.size() - 1);
  }

  ValueType pop() {
    int top = types.size() - 1;
    virtual.clear(top);
    return types.remove(top);
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
}
