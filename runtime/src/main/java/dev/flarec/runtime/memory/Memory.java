package dev.flarec.runtime.memory;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.Limits;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A WebAssembly linear memory: a little-endian byte array that grows in 64 KiB pages.
 *
 * <p>Compiled code reads {@link #bytes} directly and accesses it through {@link MemoryAccess},
 * whose methods use the static final {@link VarHandle} views below, which C2 intrinsifies into
 * single machine loads and stores and bounds-checks itself; an out-of-range index raises {@link
 * IndexOutOfBoundsException}, which
 * {@link dev.flarec.runtime.trap.TrapBoundary} turns into the "out of bounds memory access" trap.
 * Growing replaces the array, so code must re-read {@link #bytes} after any call or {@code
 * memory.grow} rather than keep it across them.
 *
 * <p>A memory may be shared by several instances (import/export); they then hold this same
 * object, so growth by one is seen by all.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#memory-instances">Wasm 2.0 §4.2.8</a>
 */
public final class Memory {
  public static final int PAGE_SIZE = 65536;

  /**
   * Largest size we support, in pages: a JVM array holds fewer than 2^31 bytes, so one page less
   * than 2 GiB. See docs/RATIONALE.md#implementation-limits.
   */
  public static final int MAX_PAGES = 32767;

  /** The spec's own ceiling on memory size, in pages (4 GiB). */
  public static final long SPEC_MAX_PAGES = 65536;

  public static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle FLOAT =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle DOUBLE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The memory's contents; replaced (never resized in place) when the memory grows. Compiled code
   * writes it directly; host code should write through {@link #write} and the other {@code
   * write} methods, which keep {@link #written} exact.
   */
  public byte[] bytes;

  /** Log2 of the block size write tracking works in (4 KiB). */
  public static final int BLOCK_SHIFT = 12;

  /**
   * With write tracking on, one flag per 4 KiB block, set (non-zero) when the block may have been
   * written since the last {@link #restore}; null when tracking is off. Compiled stores of modules
   * compiled with tracking mark the block of their address; bulk operations and host writes mark
   * their range. A store may reach into the next block: {@link #restore} copies that one too.
   * See docs/RATIONALE.md#why-flares-track-memory-writes.
   */
  public byte[] written;

  private final Limits limits;
  private final int maxPages;

  /**
   * A memory of {@code limits.min()} pages that may grow to {@code limits.max()} pages, or to
   * {@code hostMaxPages} if that is smaller (the host's own cap, for example a flare's memory
   * limit).
   */
  public Memory(Limits limits, int hostMaxPages) {
    this.limits = limits;
    long declaredMax = limits.hasMax() ? limits.max() : SPEC_MAX_PAGES;
    this.maxPages = (int) Math.min(Math.min(declaredMax, MAX_PAGES), hostMaxPages);
    if (limits.min() > maxPages) {
      throw new WasmTrap(TrapKind.MEMORY_LIMIT_EXCEEDED);
    }
    this.bytes = new byte[Math.toIntExact(limits.min() * PAGE_SIZE)];
  }

  public Memory(Limits limits) {
    this(limits, MAX_PAGES);
  }

  /** Turns write tracking on (every block counts as written until the next restore). */
  public void trackWrites() {
    written = new byte[(bytes.length >>> BLOCK_SHIFT) + 1];
    Arrays.fill(written, (byte) 1);
  }

  /** Forgets the marks: the contents now equal the snapshot they will be restored to. */
  public void clearWritten() {
    if (written != null) {
      Arrays.fill(written, (byte) 0);
    }
  }

  private void markWritten(int start, int count) {
    if (written != null && count > 0) {
      int first = start >>> BLOCK_SHIFT;
      int last = (int) ((Integer.toUnsignedLong(start) + count - 1) >>> BLOCK_SHIFT);
      Arrays.fill(written, first, last + 1, (byte) 1);
    }
  }

  /** The limits this memory was declared with (used to match it against imports). */
  public Limits limits() {
    return limits;
  }

  /** Current size in pages ({@code memory.size}). */
  public int pages() {
    return bytes.length / PAGE_SIZE;
  }

  /**
   * {@code memory.grow}: grows by {@code deltaPages} (an unsigned 32-bit count) and returns the
   * previous size in pages, or -1 when the memory cannot grow that far.
   */
  public int grow(int deltaPages) {
    int old = pages();
    long wanted = old + Integer.toUnsignedLong(deltaPages);
    if (wanted > maxPages) {
      return -1;
    }
    if (deltaPages != 0) {
      try {
        bytes = Arrays.copyOf(bytes, (int) (wanted * PAGE_SIZE));
      } catch (OutOfMemoryError e) {
        return -1;
      }
      if (written != null) {
        written = Arrays.copyOf(written, (bytes.length >>> BLOCK_SHIFT) + 1);
      }
    }
    return old;
  }

  /**
   * Sets the contents (and so the size) back to {@code snapshot}, reusing the current array when
   * the size did not change.
   */
  public void restore(byte[] snapshot) {
    if (bytes.length != snapshot.length) {
      bytes = snapshot.clone();
      if (written != null) {
        written = new byte[(bytes.length >>> BLOCK_SHIFT) + 1];
      }
    } else if (written == null) {
      System.arraycopy(snapshot, 0, bytes, 0, snapshot.length);
    } else {
      int block = 1 << BLOCK_SHIFT;
      for (int b = 0; b < written.length; b++) {
        if (written[b] != 0) {
          // this block, and the next, which a store at the end of this one may reach into
          int start = b << BLOCK_SHIFT;
          int end = Math.min(snapshot.length, start + 2 * block);
          if (start < end) {
            System.arraycopy(snapshot, start, bytes, start, end - start);
          }
          written[b] = 0;
        }
      }
    }
  }

  /** The largest size, in pages, this memory may grow to. */
  public int maxPages() {
    return maxPages;
  }

  /**
   * The effective address of an access at unsigned {@code base} plus unsigned static {@code
   * offset} (below 2^31), as an array index, or a negative index when it lies past 2 GiB: the
   * JVM's bounds check then rejects it. Branch-free so C2 keeps memory access straight-line.
   */
  public static int effectiveAddress(int base, int offset) {
    int sum = base + offset;
    return sum | ((base | sum) >> 31);
  }

  // ---- bulk memory (§4.4.7), used by compiled code and by instantiation ----

  /** {@code memory.fill}. */
  public void fill(int dst, int value, int count) {
    checkRange(dst, count, bytes.length);
    markWritten(dst, count);
    Arrays.fill(bytes, dst, dst + count, (byte) value);
  }

  /** {@code memory.copy} within this memory; overlapping ranges copy as if through a buffer. */
  public void copy(int dst, int src, int count) {
    checkRange(dst, count, bytes.length);
    checkRange(src, count, bytes.length);
    markWritten(dst, count);
    System.arraycopy(bytes, src, bytes, dst, count);
  }

  /** {@code memory.init}: copies {@code count} bytes of a data segment into this memory. */
  public void init(int dst, byte[] segment, int src, int count) {
    checkRange(src, count, segment.length);
    checkRange(dst, count, bytes.length);
    markWritten(dst, count);
    System.arraycopy(segment, src, bytes, dst, count);
  }

  // Compiled code has the Wasm operands on the stack before it can push the memory, so its
  // entry points take the memory last.

  /** {@code memory.fill} as compiled code calls it. */
  public static void fill(int dst, int value, int count, Memory memory) {
    memory.fill(dst, value, count);
  }

  /** {@code memory.copy} as compiled code calls it. */
  public static void copy(int dst, int src, int count, Memory memory) {
    memory.copy(dst, src, count);
  }

  /** {@code memory.grow} as compiled code calls it. */
  public static int grow(int deltaPages, Memory memory) {
    return memory.grow(deltaPages);
  }

  private static void checkRange(int start, int count, int length) {
    long end = Integer.toUnsignedLong(start) + Integer.toUnsignedLong(count);
    if (end > length) {
      throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
  }

  // ---- host access: bounds-checked, raising the same trap as guest accesses ----

  /** Reads {@code length} bytes at guest address {@code address}. */
  public byte[] read(int address, int length) {
    checkRange(address, length, bytes.length);
    return Arrays.copyOfRange(bytes, address, address + length);
  }

  /** Writes {@code data} at guest address {@code address}. */
  public void write(int address, byte[] data) {
    checkRange(address, data.length, bytes.length);
    markWritten(address, data.length);
    System.arraycopy(data, 0, bytes, address, data.length);
  }

  /** Reads a UTF-8 string of {@code length} bytes at {@code address}. */
  public String readString(int address, int length) {
    checkRange(address, length, bytes.length);
    return new String(bytes, address, length, StandardCharsets.UTF_8);
  }

  public byte readByte(int address) {
    checkRange(address, 1, bytes.length);
    return bytes[address];
  }

  public int readInt(int address) {
    checkRange(address, 4, bytes.length);
    return (int) INT.get(bytes, address);
  }

  public long readLong(int address) {
    checkRange(address, 8, bytes.length);
    return (long) LONG.get(bytes, address);
  }

  public void writeByte(int address, byte value) {
    checkRange(address, 1, bytes.length);
    markWritten(address, 1);
    bytes[address] = value;
  }

  public void writeInt(int address, int value) {
    checkRange(address, 4, bytes.length);
    markWritten(address, 4);
    INT.set(bytes, address, value);
  }

  public void writeLong(int address, long value) {
    checkRange(address, 8, bytes.length);
    markWritten(address, 8);
    LONG.set(bytes, address, value);
  }
}
