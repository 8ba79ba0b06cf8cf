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
 * <p>Where the JVM allows it, the checked access itself is {@code Unsafe.getInt} (and so on), which
 * C1 and C2 both compile to one machine load or store; elsewhere it is {@link Memory}'s
 * little-endian {@code VarHandle} views, which C2 compiles as well but C1 does not inline (each
 * access in C1 code was a call), see docs/RATIONALE.md#why-memory-accesses-use-unsafe. Every method
 * here stays within 35 bytes of bytecode, the limit for inlining at call sites that are not hot
 * (C2's {@code MaxInlineSize}), so C2 inlines it everywhere. C1 inlines only the byte accesses: the
 * others exceed its limit on a callee's stack and locals ({@code C1InlineStackLimit}), and
 * reshaping the loads to fit it made first runs slower, see
 * docs/RATIONALE.md#why-c1-code-calls-the-memory-helpers.
 *
 * <p>Calling these rather than accessing memory inline makes cold code fast: the JVM compiles these
 * few shared methods after a few hundred calls from anywhere in the module. See
 * docs/RATIONALE.md#why-memory-accesses-call-a-shared-helper.
 */
public final class MemoryAccess {
  private MemoryAccess() {}

  /**
   * {@code sun.misc.Unsafe}, or null where its memory access is not to be used: a big-endian
   * machine (Wasm memory is little-endian), an architecture that may fault on unaligned accesses,
   * or a JVM that deprecates it with a warning on first use (JDK 24 and later, JEP 498).
   */
  private static final Unsafe UNSAFE = unsafeOrNull();

  /**
   * The largest static offset the forms taking one accept: with {@code size} at most {@code
   * Integer.MAX_VALUE}, {@code size - (tail + offset)} cannot overflow. Compiled code adds larger
   * offsets to the base itself ({@link Memory#effectiveAddress}).
   */
  public static final int MAX_OFFSET = Integer.MAX_VALUE - 16;

  /** Whether {@link #UNSAFE} is used; a constant that C1 and C2 fold. */
  private static final boolean FAST = UNSAFE != null;

  /** Offset of a byte array's first element from the array's address. */
  private static final long BASE = FAST ? UNSAFE.arrayBaseOffset(byte[].class) : 0;

  private static Unsafe unsafeOrNull() {
    String arch = System.getProperty("os.arch", "");
    boolean unalignedOk = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64");
    if (!unalignedOk
        || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN
        || Runtime.version().feature() >= 24) {
      return null;
    }
    try {
      Field field = Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      Unsafe unsafe = (Unsafe) field.get(null);
      return unsafe.arrayIndexScale(byte[].class) == 1 ? unsafe : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The raw offset of {@code bytes[address]}, having checked that an access of {@code tail + 1}
   * bytes there stays within both {@code size} and the array.
   */
  private static long at(int address, byte[] bytes, int size, int tail) {
    return BASE + Objects.checkIndex(address, Math.min(size, bytes.length) - tail);
  }

  /**
   * The raw offset of {@code bytes[base + offset]}, having checked that an access of {@code tail +
   * 1} bytes there stays within both {@code size} and the array. {@code offset} is the access's
   * static offset, at most {@link #MAX_OFFSET}: the check is on {@code base} alone, against a bound
   * lowered by the offset, so C2 compiles it to one compare of the base and folds the offset into
   * the load's address (docs/RATIONALE.md#why-a-static-offset-is-checked-with-the-base).
   */
  private static long at(int base, int offset, byte[] bytes, int size, int tail) {
    return BASE + offset + Objects.checkIndex(base, Math.min(size, bytes.length) - (tail + offset));
  }

  /** {@link #at} for an exactly sized memory: within the array. */
  private static long at(int address, byte[] bytes, int tail) {
    return BASE + Objects.checkIndex(address, bytes.length - tail);
  }

  // ---- for memories kept exactly as long as their size: the array's length is the check ----

  public static byte loadByte(int address, byte[] bytes) {
    return bytes[address];
  }

  public static short loadShort(int address, byte[] bytes) {
    return FAST
        ? UNSAFE.getShort(bytes, at(address, bytes, 1))
        : VarHandleAccess.loadShort(address, bytes);
  }

  public static int loadInt(int address, byte[] bytes) {
    return FAST
        ? UNSAFE.getInt(bytes, at(address, bytes, 3))
        : VarHandleAccess.loadInt(address, bytes);
  }

  public static long loadLong(int address, byte[] bytes) {
    return FAST
        ? UNSAFE.getLong(bytes, at(address, bytes, 7))
        : VarHandleAccess.loadLong(address, bytes);
  }

  public static float loadFloat(int address, byte[] bytes) {
    return FAST
        ? UNSAFE.getFloat(bytes, at(address, bytes, 3))
        : VarHandleAccess.loadFloat(address, bytes);
  }

  public static double loadDouble(int address, byte[] bytes) {
    return FAST
        ? UNSAFE.getDouble(bytes, at(address, bytes, 7))
        : VarHandleAccess.loadDouble(address, bytes);
  }

  public static void storeByte(int address, byte[] bytes, byte value) {
    bytes[address] = value;
  }

  public static void storeShort(int address, byte[] bytes, short value) {
    if (FAST) {
      UNSAFE.putShort(bytes, at(address, bytes, 1), value);
    } else {
      VarHandleAccess.storeShort(address, bytes, value);
    }
  }

  public static void storeInt(int address, byte[] bytes, int value) {
    if (FAST) {
      UNSAFE.putInt(bytes, at(address, bytes, 3), value);
    } else {
      VarHandleAccess.storeInt(address, bytes, value);
    }
  }

  public static void storeLong(int address, byte[] bytes, long value) {
    if (FAST) {
      UNSAFE.putLong(bytes, at(address, bytes, 7), value);
    } else {
      VarHandleAccess.storeLong(address, bytes, value);
    }
  }

  public static void storeFloat(int address, byte[] bytes, float value) {
    if (FAST) {
      UNSAFE.putFloat(bytes, at(address, bytes, 3), value);
    } else {
      VarHandleAccess.storeFloat(address, bytes, value);
    }
  }

  public static void storeDouble(int address, byte[] bytes, double value) {
    if (FAST) {
      UNSAFE.putDouble(bytes, at(address, bytes, 7), value);
    } else {
      VarHandleAccess.storeDouble(address, bytes, value);
    }
  }

  // ---- for memories whose array may be longer than their size: checked against the size ----

  public static byte loadByte(int address, byte[] bytes, int size) {
    return bytes[Objects.checkIndex(address, size)];
  }

  public static short loadShort(int address, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getShort(bytes, at(address, bytes, size, 1))
        : VarHandleAccess.loadShort(address, bytes, size);
  }

  public static int loadInt(int address, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getInt(bytes, at(address, bytes, size, 3))
        : VarHandleAccess.loadInt(address, bytes, size);
  }

  public static long loadLong(int address, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getLong(bytes, at(address, bytes, size, 7))
        : VarHandleAccess.loadLong(address, bytes, size);
  }

  public static float loadFloat(int address, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getFloat(bytes, at(address, bytes, size, 3))
        : VarHandleAccess.loadFloat(address, bytes, size);
  }

  public static double loadDouble(int address, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getDouble(bytes, at(address, bytes, size, 7))
        : VarHandleAccess.loadDouble(address, bytes, size);
  }

  public static void storeByte(int address, byte[] bytes, int size, byte value) {
    bytes[Objects.checkIndex(address, size)] = value;
  }

  public static void storeShort(int address, byte[] bytes, int size, short value) {
    if (FAST) {
      UNSAFE.putShort(bytes, at(address, bytes, size, 1), value);
    } else {
      VarHandleAccess.storeShort(address, bytes, size, value);
    }
  }

  public static void storeInt(int address, byte[] bytes, int size, int value) {
    if (FAST) {
      UNSAFE.putInt(bytes, at(address, bytes, size, 3), value);
    } else {
      VarHandleAccess.storeInt(address, bytes, size, value);
    }
  }

  public static void storeLong(int address, byte[] bytes, int size, long value) {
    if (FAST) {
      UNSAFE.putLong(bytes, at(address, bytes, size, 7), value);
    } else {
      VarHandleAccess.storeLong(address, bytes, size, value);
    }
  }

  public static void storeFloat(int address, byte[] bytes, int size, float value) {
    if (FAST) {
      UNSAFE.putFloat(bytes, at(address, bytes, size, 3), value);
    } else {
      VarHandleAccess.storeFloat(address, bytes, size, value);
    }
  }

  public static void storeDouble(int address, byte[] bytes, int size, double value) {
    if (FAST) {
      UNSAFE.putDouble(bytes, at(address, bytes, size, 7), value);
    } else {
      VarHandleAccess.storeDouble(address, bytes, size, value);
    }
  }

  // ---- the lanes of a 16-byte (v128) load read one by one: each lane checks the whole access, the
  // same check for every lane of one access (address and bound alike), which C2 commons into one
  // ----

  /** The 4 bytes at {@code address + offset} of the 16-byte access at {@code address}. */
  public static int loadIntOf16(int address, byte[] bytes, int offset) {
    return FAST
        ? UNSAFE.getInt(bytes, at(address, bytes, 15) + offset)
        : VarHandleAccess.loadIntOf16(address, bytes, bytes.length, offset);
  }

  public static int loadIntOf16(int address, byte[] bytes, int size, int offset) {
    return FAST
        ? UNSAFE.getInt(bytes, at(address, bytes, size, 15) + offset)
        : VarHandleAccess.loadIntOf16(address, bytes, size, offset);
  }

  /** The float at {@code address + offset} of the 16-byte access at {@code address}. */
  public static float loadFloatOf16(int address, byte[] bytes, int offset) {
    return FAST
        ? UNSAFE.getFloat(bytes, at16(address, offset, bytes))
        : VarHandleAccess.loadFloatOf16(address, bytes, bytes.length, offset);
  }

  public static float loadFloatOf16(int address, byte[] bytes, int size, int offset) {
    return FAST
        ? UNSAFE.getFloat(bytes, at16(address, offset, bytes, size))
        : VarHandleAccess.loadFloatOf16(address, bytes, size, offset);
  }

  // ---- the lanes of a 16-byte (v128) store written one by one, each checking the whole access
  // as the loads above do, so the first lane's check traps before anything is written ----

  /** Writes {@code value} to the 4 bytes at {@code address + offset} of a 16-byte access. */
  public static void storeIntOf16(int address, byte[] bytes, int offset, int value) {
    if (!FAST) { // an early return rather than an else: keeps the method within 35 bytes
      VarHandleAccess.storeIntOf16(address, bytes, bytes.length, offset, value);
      return;
    }
    UNSAFE.putInt(bytes, at16(address, offset, bytes), value);
  }

  public static void storeIntOf16(int address, byte[] bytes, int size, int offset, int value) {
    if (!FAST) {
      VarHandleAccess.storeIntOf16(address, bytes, size, offset, value);
      return;
    }
    UNSAFE.putInt(bytes, at16(address, offset, bytes, size), value);
  }

  public static void storeFloatOf16(int address, byte[] bytes, int offset, float value) {
    if (!FAST) {
      VarHandleAccess.storeFloatOf16(address, bytes, bytes.length, offset, value);
      return;
    }
    UNSAFE.putFloat(bytes, at16(address, offset, bytes), value);
  }

  public static void storeFloatOf16(int address, byte[] bytes, int size, int offset, float value) {
    if (!FAST) {
      VarHandleAccess.storeFloatOf16(address, bytes, size, offset, value);
      return;
    }
    UNSAFE.putFloat(bytes, at16(address, offset, bytes, size), value);
  }

  /**
   * The raw offset of {@code bytes[address + offset]}, having checked the whole 16-byte access at
   * {@code address} against the array's length (the same check for every lane of one access).
   */
  private static long at16(int address, int offset, byte[] bytes) {
    return BASE + offset + Objects.checkIndex(address, bytes.length - 15);
  }

  /** {@link #at16(int, int, byte[])} against {@code size} as well. */
  private static long at16(int address, int offset, byte[] bytes, int size) {
    return BASE + offset + Objects.checkIndex(address, Math.min(size, bytes.length) - 15);
  }

  // ---- the same, with the access's static offset apart from its base (0 < offset <= MAX_OFFSET)
  // --
  // A base past 2 GiB arrives negative and fails the check; base + offset never needs computing
  // on the fast path, see at(int, int, byte[], int, int).

  // The offset is added last so the operand stack stays within C1's inlining limit (4 slots).

  public static byte loadByte(int base, int offset, byte[] bytes, int size) {
    return bytes[Objects.checkIndex(base, size - offset) + offset];
  }

  public static short loadShort(int base, int offset, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getShort(bytes, at(base, offset, bytes, size, 1))
        : VarHandleAccess.loadShort(base, offset, bytes, size);
  }

  public static int loadInt(int base, int offset, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getInt(bytes, at(base, offset, bytes, size, 3))
        : VarHandleAccess.loadInt(base, offset, bytes, size);
  }

  public static long loadLong(int base, int offset, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getLong(bytes, at(base, offset, bytes, size, 7))
        : VarHandleAccess.loadLong(base, offset, bytes, size);
  }

  public static float loadFloat(int base, int offset, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getFloat(bytes, at(base, offset, bytes, size, 3))
        : VarHandleAccess.loadFloat(base, offset, bytes, size);
  }

  public static double loadDouble(int base, int offset, byte[] bytes, int size) {
    return FAST
        ? UNSAFE.getDouble(bytes, at(base, offset, bytes, size, 7))
        : VarHandleAccess.loadDouble(base, offset, bytes, size);
  }

  // An 8-byte value first would push the array and size past local 3, whose loads are 1 byte
  // shorter, and such a store over 35 bytes: these keep the value last.

  public static void storeLong(int base, int offset, byte[] bytes, int size, long value) {
    if (!FAST) { // an early return rather than an else: keeps the method within 35 bytes
      VarHandleAccess.storeLong(base, offset, bytes, size, value);
      return;
    }
    UNSAFE.putLong(bytes, at(base, offset, bytes, size, 7), value);
  }

  public static void storeDouble(int base, int offset, byte[] bytes, int size, double value) {
    if (!FAST) { // an early return rather than an else: keeps the method within 35 bytes
      VarHandleAccess.storeDouble(base, offset, bytes, size, value);
      return;
    }
    UNSAFE.putDouble(bytes, at(base, offset, bytes, size, 7), value);
  }

  // ---- stores taking the value before the memory's array and size ----
  // Compiled code calls these wherever the address needs no computing after the value is on the
  // stack (no static offset, or one passed apart): the value stays where the Wasm operand stack
  // leaves it, where the forms above need it stashed in a local and loaded again, 4 bytes of
  // bytecode per store (docs/RATIONALE.md#why-stores-take-the-value-before-the-memory). Those
  // with the offset apart return early rather than branching, to stay within 35 bytes; for a
  // long or double value, with the offset apart, see the forms above.

  public static void storeByte(int address, byte value, byte[] bytes) {
    bytes[address] = value;
  }

  public static void storeByte(int address, byte value, byte[] bytes, int size) {
    bytes[Objects.checkIndex(address, size)] = value;
  }

  public static void storeByte(int base, byte value, int offset, byte[] bytes, int size) {
    bytes[Objects.checkIndex(base, size - offset) + offset] = value;
  }

  public static void storeShort(int address, short value, byte[] bytes) {
    if (FAST) {
      UNSAFE.putShort(bytes, at(address, bytes, 1), value);
    } else {
      VarHandleAccess.storeShort(address, bytes, value);
    }
  }

  public static void storeShort(int address, short value, byte[] bytes, int size) {
    if (FAST) {
      UNSAFE.putShort(bytes, at(address, bytes, size, 1), value);
    } else {
      VarHandleAccess.storeShort(address, bytes, size, value);
    }
  }

  public static void storeShort(int base, short value, int offset, byte[] bytes, int size) {
    if (!FAST) {
      VarHandleAccess.storeShort(base, offset, bytes, size, value);
      return;
    }
    UNSAFE.putShort(bytes, at(base, offset, bytes, size, 1), value);
  }

  public static void storeInt(int address, int value, byte[] bytes) {
    if (FAST) {
      UNSAFE.putInt(bytes, at(address, bytes, 3), value);
    } else {
      VarHandleAccess.storeInt(address, bytes, value);
    }
  }

  public static void storeInt(int address, int value, byte[] bytes, int size) {
    if (FAST) {
      UNSAFE.putInt(bytes, at(address, bytes, size, 3), value);
    } else {
      VarHandleAccess.storeInt(address, bytes, size, value);
    }
  }

  public static void storeInt(int base, int value, int offset, byte[] bytes, int size) {
    if (!FAST) {
      VarHandleAccess.storeInt(base, offset, bytes, size, value);
      return;
    }
    UNSAFE.putInt(bytes, at(base, offset, bytes, size, 3), value);
  }

  public static void storeLong(int address, long value, byte[] bytes) {
    if (FAST) {
      UNSAFE.putLong(bytes, at(address, bytes, 7), value);
    } else {
      VarHandleAccess.storeLong(address, bytes, value);
    }
  }

  public static void storeLong(int address, long value, byte[] bytes, int size) {
    if (FAST) {
      UNSAFE.putLong(bytes, at(address, bytes, size, 7), value);
    } else {
      VarHandleAccess.storeLong(address, bytes, size, value);
    }
  }

  public static void storeFloat(int address, float value, byte[] bytes) {
    if (FAST) {
      UNSAFE.putFloat(bytes, at(address, bytes, 3), value);
    } else {
      VarHandleAccess.storeFloat(address, bytes, value);
    }
  }

  public static void storeFloat(int address, float value, byte[] bytes, int size) {
    if (FAST) {
      UNSAFE.putFloat(bytes, at(address, bytes, size, 3), value);
    } else {
      VarHandleAccess.storeFloat(address, bytes, size, value);
    }
  }

  public static void storeFloat(int base, float value, int offset, byte[] bytes, int size) {
    if (!FAST) {
      VarHandleAccess.storeFloat(base, offset, bytes, size, value);
      return;
    }
    UNSAFE.putFloat(bytes, at(base, offset, bytes, size, 3), value);
  }

  public static void storeDouble(int address, double value, byte[] bytes) {
    if (FAST) {
      UNSAFE.putDouble(bytes, at(address, bytes, 7), value);
    } else {
      VarHandleAccess.storeDouble(address, bytes, value);
    }
  }

  public static void storeDouble(int address, double value, byte[] bytes, int size) {
    if (FAST) {
      UNSAFE.putDouble(bytes, at(address, bytes, size, 7), value);
    } else {
      VarHandleAccess.storeDouble(address, bytes, size, value);
    }
  }
}
