package dev.flarec.runtime.memory;

import java.lang.reflect.Field;
import java.nio.ByteOrder;
import java.util.Objects;
import sun.misc.Unsafe;

/**
 * The loads and stores of compiled code: the effective address, the memory's array and its size in
 * bytes on the stack, then (for a store) the value.
 *
 * <p>Modules that grow memory call the forms that take the size: each checks the access against the
 * memory's size (and the array's length), then makes it. Modules that never grow memory keep it
 * exactly sized ({@link Memory#keepExact}) and call the forms without it, checked against the
 * array's length. The check is {@link Objects#checkIndex}, which C1 and C2 treat as a range check
 * like an array's own (C2 hoists it out of loops). An address past 2 GiB arrives negative and fails
 * the same check.
 *
 * <p>This is the form for Java 17 to 23: the checked access is {@code Unsafe.getInt} (and so on),
 * which C1 and C2 both compile to one machine load or store. From Java 24, where {@code Unsafe}'s
 * memory methods warn on first use (JEP 498), the runtime JAR's {@code META-INF/versions/24} form
 * of this class is loaded instead: the same methods through the little-endian {@code VarHandle}
 * views of {@link LittleEndian}. Neither form branches on the choice: C2 counts every byte of what
 * it inlines against its {@code DesiredMethodLimit}, and a branch and the call it guards cost each
 * access 13 bytes (docs/RATIONALE.md#why-memory-accesses-use-unsafe). Each method makes its check
 * and its access in its own body, without a shared helper, for the same reason, and stays within 35
 * bytes of bytecode, the limit for inlining at call sites that are not hot (C2's {@code
 * MaxInlineSize}), so C2 inlines it everywhere. C1 inlines none of them: each exceeds C1's limit on
 * a callee's operand stack and locals ({@code C1InlineStackLimit}), the byte accesses included,
 * which is why they go through {@code Unsafe} too rather than indexing the array; C1 code calls the
 * helper's C2 code instead of carrying the helper's profiling counters at every access
 * (docs/RATIONALE.md#why-c1-code-calls-the-memory-helpers).
 *
 * <p>Calling these rather than accessing memory inline makes cold code fast: the JVM compiles these
 * few shared methods after a few hundred calls from anywhere in the module. See
 * docs/RATIONALE.md#why-memory-accesses-call-a-shared-helper.
 */
public final class MemoryAccess {
  private MemoryAccess() {}

  private static final Unsafe UNSAFE = unsafe();

  /**
   * The largest static offset the forms taking one accept: with {@code size} at most {@code
   * Integer.MAX_VALUE}, {@code size - (tail + offset)} cannot overflow. Compiled code adds larger
   * offsets to the base itself ({@link Memory#effectiveAddress}).
   */
  public static final int MAX_OFFSET = Integer.MAX_VALUE - 16;

  /** Offset of a byte array's first element from the array's address. */
  private static final long BASE = UNSAFE.arrayBaseOffset(byte[].class);

  /**
   * {@code sun.misc.Unsafe}, where its accesses are Wasm's: a little-endian machine that loads and
   * stores unaligned words, x86-64 or AArch64 (the platforms flarec supports). Elsewhere compiled
   * code needs Java 24 or later, whose form of this class uses {@code VarHandle}s.
   */
  private static Unsafe unsafe() {
    String arch = System.getProperty("os.arch", "");
    boolean supported =
        (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))
            && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    if (supported) {
      try {
        Field field = Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Unsafe unsafe = (Unsafe) field.get(null);
        if (unsafe.arrayIndexScale(byte[].class) == 1) {
          return unsafe;
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // falls through to the error below
      }
    }
    throw new UnsupportedOperationException(
        "compiled WebAssembly needs Java 24 or later on this JVM ("
            + arch
            + ", "
            + ByteOrder.nativeOrder()
            + "): before 24 it accesses memory through sun.misc.Unsafe, on x86-64 and AArch64 only");
  }

  // The check and the access: the raw offset of bytes[address], having checked that an access of
  // `tail + 1` bytes there stays within both the size and the array, is
  //   BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - tail),
  // and with a static offset apart from the base (at most MAX_OFFSET)
  //   BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (tail + offset)):
  // the check is on the base alone, against a bound lowered by the offset, so C2 compiles it to one
  // compare of the base and folds the offset into the access's address
  // (docs/RATIONALE.md#why-a-static-offset-is-checked-with-the-base). Even a size larger than the
  // array, which Memory never produces, cannot reach past it.

  // ---- for memories kept exactly as long as their size: the array's length is the check ----

  public static byte loadByte(int address, byte[] bytes) {
    return UNSAFE.getByte(bytes, BASE + Objects.checkIndex(address, bytes.length));
  }

  public static short loadShort(int address, byte[] bytes) {
    return UNSAFE.getShort(bytes, BASE + Objects.checkIndex(address, bytes.length - 1));
  }

  public static int loadInt(int address, byte[] bytes) {
    return UNSAFE.getInt(bytes, BASE + Objects.checkIndex(address, bytes.length - 3));
  }

  public static long loadLong(int address, byte[] bytes) {
    return UNSAFE.getLong(bytes, BASE + Objects.checkIndex(address, bytes.length - 7));
  }

  public static float loadFloat(int address, byte[] bytes) {
    return UNSAFE.getFloat(bytes, BASE + Objects.checkIndex(address, bytes.length - 3));
  }

  public static double loadDouble(int address, byte[] bytes) {
    return UNSAFE.getDouble(bytes, BASE + Objects.checkIndex(address, bytes.length - 7));
  }

  public static void storeByte(int address, byte[] bytes, byte value) {
    UNSAFE.putByte(bytes, BASE + Objects.checkIndex(address, bytes.length), value);
  }

  public static void storeShort(int address, byte[] bytes, short value) {
    UNSAFE.putShort(bytes, BASE + Objects.checkIndex(address, bytes.length - 1), value);
  }

  public static void storeInt(int address, byte[] bytes, int value) {
    UNSAFE.putInt(bytes, BASE + Objects.checkIndex(address, bytes.length - 3), value);
  }

  public static void storeLong(int address, byte[] bytes, long value) {
    UNSAFE.putLong(bytes, BASE + Objects.checkIndex(address, bytes.length - 7), value);
  }

  public static void storeFloat(int address, byte[] bytes, float value) {
    UNSAFE.putFloat(bytes, BASE + Objects.checkIndex(address, bytes.length - 3), value);
  }

  public static void storeDouble(int address, byte[] bytes, double value) {
    UNSAFE.putDouble(bytes, BASE + Objects.checkIndex(address, bytes.length - 7), value);
  }

  // ---- for memories whose array may be longer than their size: checked against the size ----

  public static byte loadByte(int address, byte[] bytes, int size) {
    return UNSAFE.getByte(bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length)));
  }

  public static short loadShort(int address, byte[] bytes, int size) {
    return UNSAFE.getShort(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 1));
  }

  public static int loadInt(int address, byte[] bytes, int size) {
    return UNSAFE.getInt(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 3));
  }

  public static long loadLong(int address, byte[] bytes, int size) {
    return UNSAFE.getLong(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 7));
  }

  public static float loadFloat(int address, byte[] bytes, int size) {
    return UNSAFE.getFloat(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 3));
  }

  public static double loadDouble(int address, byte[] bytes, int size) {
    return UNSAFE.getDouble(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 7));
  }

  public static void storeByte(int address, byte[] bytes, int size, byte value) {
    UNSAFE.putByte(bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length)), value);
  }

  public static void storeShort(int address, byte[] bytes, int size, short value) {
    UNSAFE.putShort(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 1), value);
  }

  public static void storeInt(int address, byte[] bytes, int size, int value) {
    UNSAFE.putInt(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 3), value);
  }

  public static void storeLong(int address, byte[] bytes, int size, long value) {
    UNSAFE.putLong(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 7), value);
  }

  public static void storeFloat(int address, byte[] bytes, int size, float value) {
    UNSAFE.putFloat(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 3), value);
  }

  public static void storeDouble(int address, byte[] bytes, int size, double value) {
    UNSAFE.putDouble(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 7), value);
  }

  // ---- the lanes of a 16-byte (v128) load read one by one: each lane checks the whole access, the
  // same check for every lane of one access (address and bound alike), which C2 commons into one
  // ----

  /** The 4 bytes at {@code address + offset} of the 16-byte access at {@code address}. */
  public static int loadIntOf16(int address, byte[] bytes, int offset) {
    return UNSAFE.getInt(bytes, BASE + Objects.checkIndex(address, bytes.length - 15) + offset);
  }

  public static int loadIntOf16(int address, byte[] bytes, int size, int offset) {
    return UNSAFE.getInt(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 15) + offset);
  }

  /** The float at {@code address + offset} of the 16-byte access at {@code address}. */
  public static float loadFloatOf16(int address, byte[] bytes, int offset) {
    return UNSAFE.getFloat(bytes, BASE + offset + Objects.checkIndex(address, bytes.length - 15));
  }

  public static float loadFloatOf16(int address, byte[] bytes, int size, int offset) {
    return UNSAFE.getFloat(
        bytes, BASE + offset + Objects.checkIndex(address, Math.min(size, bytes.length) - 15));
  }

  // ---- the lanes of a 16-byte (v128) store written one by one, each checking the whole access
  // as the loads above do, so the first lane's check traps before anything is written ----

  /** Writes {@code value} to the 4 bytes at {@code address + offset} of a 16-byte access. */
  public static void storeIntOf16(int address, byte[] bytes, int offset, int value) {
    UNSAFE.putInt(bytes, BASE + offset + Objects.checkIndex(address, bytes.length - 15), value);
  }

  public static void storeIntOf16(int address, byte[] bytes, int size, int offset, int value) {
    UNSAFE.putInt(
        bytes,
        BASE + offset + Objects.checkIndex(address, Math.min(size, bytes.length) - 15),
        value);
  }

  public static void storeFloatOf16(int address, byte[] bytes, int offset, float value) {
    UNSAFE.putFloat(bytes, BASE + offset + Objects.checkIndex(address, bytes.length - 15), value);
  }

  public static void storeFloatOf16(int address, byte[] bytes, int size, int offset, float value) {
    UNSAFE.putFloat(
        bytes,
        BASE + offset + Objects.checkIndex(address, Math.min(size, bytes.length) - 15),
        value);
  }

  // ---- the same, with the access's static offset apart from its base (0 < offset <= MAX_OFFSET)
  // --
  // A base past 2 GiB arrives negative and fails the check; base + offset is never computed.

  public static byte loadByte(int base, int offset, byte[] bytes, int size) {
    return UNSAFE.getByte(
        bytes, BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - offset));
  }

  public static short loadShort(int base, int offset, byte[] bytes, int size) {
    return UNSAFE.getShort(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (1 + offset)));
  }

  public static int loadInt(int base, int offset, byte[] bytes, int size) {
    return UNSAFE.getInt(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (3 + offset)));
  }

  public static long loadLong(int base, int offset, byte[] bytes, int size) {
    return UNSAFE.getLong(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (7 + offset)));
  }

  public static float loadFloat(int base, int offset, byte[] bytes, int size) {
    return UNSAFE.getFloat(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (3 + offset)));
  }

  public static double loadDouble(int base, int offset, byte[] bytes, int size) {
    return UNSAFE.getDouble(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (7 + offset)));
  }

  // An 8-byte value first would push the array and size past local 3, whose loads are 1 byte
  // shorter, and such a store over 35 bytes: these keep the value last.

  public static void storeLong(int base, int offset, byte[] bytes, int size, long value) {
    UNSAFE.putLong(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (7 + offset)),
        value);
  }

  public static void storeDouble(int base, int offset, byte[] bytes, int size, double value) {
    UNSAFE.putDouble(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (7 + offset)),
        value);
  }

  // ---- stores taking the value before the memory's array and size ----
  // Compiled code calls these wherever the address needs no computing after the value is on the
  // stack (no static offset, or one passed apart): the value stays where the Wasm operand stack
  // leaves it, where the forms above need it stashed in a local and loaded again, 4 bytes of
  // bytecode per store (docs/RATIONALE.md#why-stores-take-the-value-before-the-memory). Those
  // with the offset apart return early rather than branching, to stay within 35 bytes; for a
  // long or double value, with the offset apart, see the forms above.

  public static void storeByte(int address, byte value, byte[] bytes) {
    UNSAFE.putByte(bytes, BASE + Objects.checkIndex(address, bytes.length), value);
  }

  public static void storeByte(int address, byte value, byte[] bytes, int size) {
    UNSAFE.putByte(bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length)), value);
  }

  public static void storeByte(int base, byte value, int offset, byte[] bytes, int size) {
    UNSAFE.putByte(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - offset),
        value);
  }

  public static void storeShort(int address, short value, byte[] bytes) {
    UNSAFE.putShort(bytes, BASE + Objects.checkIndex(address, bytes.length - 1), value);
  }

  public static void storeShort(int address, short value, byte[] bytes, int size) {
    UNSAFE.putShort(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 1), value);
  }

  public static void storeShort(int base, short value, int offset, byte[] bytes, int size) {
    UNSAFE.putShort(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (1 + offset)),
        value);
  }

  public static void storeInt(int address, int value, byte[] bytes) {
    UNSAFE.putInt(bytes, BASE + Objects.checkIndex(address, bytes.length - 3), value);
  }

  public static void storeInt(int address, int value, byte[] bytes, int size) {
    UNSAFE.putInt(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 3), value);
  }

  public static void storeInt(int base, int value, int offset, byte[] bytes, int size) {
    UNSAFE.putInt(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (3 + offset)),
        value);
  }

  public static void storeLong(int address, long value, byte[] bytes) {
    UNSAFE.putLong(bytes, BASE + Objects.checkIndex(address, bytes.length - 7), value);
  }

  public static void storeLong(int address, long value, byte[] bytes, int size) {
    UNSAFE.putLong(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 7), value);
  }

  public static void storeFloat(int address, float value, byte[] bytes) {
    UNSAFE.putFloat(bytes, BASE + Objects.checkIndex(address, bytes.length - 3), value);
  }

  public static void storeFloat(int address, float value, byte[] bytes, int size) {
    UNSAFE.putFloat(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 3), value);
  }

  public static void storeFloat(int base, float value, int offset, byte[] bytes, int size) {
    UNSAFE.putFloat(
        bytes,
        BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (3 + offset)),
        value);
  }

  public static void storeDouble(int address, double value, byte[] bytes) {
    UNSAFE.putDouble(bytes, BASE + Objects.checkIndex(address, bytes.length - 7), value);
  }

  public static void storeDouble(int address, double value, byte[] bytes, int size) {
    UNSAFE.putDouble(
        bytes, BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - 7), value);
  }

  // ---- accesses an earlier access on the same base proved in bounds: no check ----
  // The compiler's InBoundsAccesses finds them: an access of memory 0 reaching at least as far past
  // the same base value has succeeded on every path here, and a memory never shrinks while its
  // code runs, nor is its array replaced by a shorter one
  // (docs/RATIONALE.md#why-an-access-dominated-by-a-farther-one-is-not-checked). The base is
  // therefore below 2 GiB and base + offset within the array.

  public static byte loadByteInBounds(int base, int offset, byte[] bytes) {
    return UNSAFE.getByte(bytes, BASE + base + offset);
  }

  public static short loadShortInBounds(int base, int offset, byte[] bytes) {
    return UNSAFE.getShort(bytes, BASE + base + offset);
  }

  public static int loadIntInBounds(int base, int offset, byte[] bytes) {
    return UNSAFE.getInt(bytes, BASE + base + offset);
  }

  public static long loadLongInBounds(int base, int offset, byte[] bytes) {
    return UNSAFE.getLong(bytes, BASE + base + offset);
  }

  public static float loadFloatInBounds(int base, int offset, byte[] bytes) {
    return UNSAFE.getFloat(bytes, BASE + base + offset);
  }

  public static double loadDoubleInBounds(int base, int offset, byte[] bytes) {
    return UNSAFE.getDouble(bytes, BASE + base + offset);
  }

  public static void storeByteInBounds(int base, byte value, int offset, byte[] bytes) {
    UNSAFE.putByte(bytes, BASE + base + offset, value);
  }

  public static void storeShortInBounds(int base, short value, int offset, byte[] bytes) {
    UNSAFE.putShort(bytes, BASE + base + offset, value);
  }

  public static void storeIntInBounds(int base, int value, int offset, byte[] bytes) {
    UNSAFE.putInt(bytes, BASE + base + offset, value);
  }

  public static void storeLongInBounds(int base, long value, int offset, byte[] bytes) {
    UNSAFE.putLong(bytes, BASE + base + offset, value);
  }

  public static void storeFloatInBounds(int base, float value, int offset, byte[] bytes) {
    UNSAFE.putFloat(bytes, BASE + base + offset, value);
  }

  public static void storeDoubleInBounds(int base, double value, int offset, byte[] bytes) {
    UNSAFE.putDouble(bytes, BASE + base + offset, value);
  }
}
