package dev.flarec.hostabi.guest;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The guest as host functions see it: arguments read from its linear memory, results handed over
 * through its {@code alloc} export (flaron-abi.md §2).
 *
 * <ul>
 *   <li>Arguments are {@code (ptr, len)} pairs; {@code len == 0} is empty whatever {@code ptr} is;
 *       a negative length or a range outside memory traps the invocation (decision 11).
 *   <li>Results: empty results are returned as 0 without calling {@code alloc} (decision 10);
 *       otherwise {@code alloc(len)} is called re-entrantly, 0 from it is returned as 0, and the
 *       bytes are copied to the returned address, whose memory is re-read after the call because
 *       {@code alloc} may grow it. The result is packed as {@code (ptr << 32) | len}.
 * </ul>
 */
public final class Guest {
  private static final byte[] EMPTY = new byte[0];
  private static final FunctionType ALLOC_TYPE =
      FunctionType.of(List.of(ValueType.I32), List.of(ValueType.I32));

  private final Memory memory;
  private final MethodHandle alloc;

  /** The guest of {@code instance}: its exported {@code memory} and, if any, its {@code alloc}. */
  public Guest(Instance instance) {
    Object mem = instance.export("memory");
    if (!(mem instanceof Memory m)) {
      throw new IllegalArgumentException("a flare must export its memory as \"memory\"");
    }
    this.memory = m;
    Object allocExport = instance.export("alloc");
    // an export named alloc of another type cannot take part in the handshake: as if absent
    this.alloc =
        allocExport instanceof FunctionRef f && f.type().equals(ALLOC_TYPE) ? f.handle() : null;
  }

  public Memory memory() {
    return memory;
  }

  /** The bytes of argument {@code (ptr, len)}. */
  public byte[] read(int ptr, int len) {
    if (len == 0) {
      return EMPTY;
    }
    checkRange(ptr, len);
    return memory.read(ptr, len);
  }

  /**
   * The first {@code max} bytes of argument {@code (ptr, len)} (all of them when shorter). The
   * whole range is checked, so a bad argument traps even when its tail would not be read.
   */
  public byte[] readAtMost(int ptr, int len, int max) {
    if (len == 0) {
      return EMPTY;
    }
    checkRange(ptr, len);
    return memory.read(ptr, Math.min(len, max));
  }

  /** Argument {@code (ptr, len)} as UTF-8 text (malformed sequences replaced). */
  public String readUtf8(int ptr, int len) {
    return new String(read(ptr, len), StandardCharsets.UTF_8);
  }

  private void checkRange(int ptr, int len) {
    if (len < 0 || Integer.toUnsignedLong(ptr) + len > memory.size) {
      throw new WasmTrap(
          TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS,
          "(host argument ptr=" + Integer.toUnsignedString(ptr) + " len=" + len + ")");
    }
  }

  /** Hands {@code data} to the guest; returns the packed result, or 0 (see class comment). */
  public long write(byte[] data) {
    if (data == null || data.length == 0 || alloc == null) {
      return 0;
    }
    int ptr;
    try {
      ptr = (int) alloc.invokeExact(data.length);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    if (ptr == 0) {
      return 0;
    }
    checkRange(ptr, data.length);
    memory.write(ptr, data); // marks the range for write tracking, too
    return pack(ptr, data.length);
  }

  /** Hands {@code text} to the guest as UTF-8. */
  public long writeUtf8(String text) {
    return text == null ? 0 : write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code (ptr << 32) | len}, both unsigned 32-bit (§2.2). */
  public static long pack(int ptr, int len) {
    return ((long) ptr << 32) | (len & 0xFFFF_FFFFL);
  }
}
