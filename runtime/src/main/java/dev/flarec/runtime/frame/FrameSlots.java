package dev.flarec.runtime.frame;

/**
 * Access to the heap frame of a function that flarec split into several JVM methods. Such a
 * function keeps its Wasm locals, and the operand-stack values live across a split point, in two
 * arrays shared by all its methods: numbers as raw 64-bit patterns in a {@code long[]}, references
 * in an {@code Object[]}. See docs/RATIONALE.md#why-split-functions-share-a-heap-frame.
 *
 * <p>Compiled code loads with plain array instructions. Stores take the value first and the array
 * last, so compiled code can call them with the value already on its operand stack; every method is
 * tiny, and C2 inlines it to one array store.
 */
public final class FrameSlots {
  private FrameSlots() {}

  public static void storeI32(int value, long[] bits, int index) {
    bits[index] = value;
  }

  public static void storeI64(long value, long[] bits, int index) {
    bits[index] = value;
  }

  public static void storeF32(float value, long[] bits, int index) {
    bits[index] = Float.floatToRawIntBits(value);
  }

  public static void storeF64(double value, long[] bits, int index) {
    bits[index] = Double.doubleToRawLongBits(value);
  }

  public static void storeRef(Object value, Object[] refs, int index) {
    refs[index] = value;
  }
}
