package dev.flarec.runtime.memory;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.Limits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A WebAssembly linear memory: a little-endian byte array that grows in 64 KiB pages.
 *
 * <p>The memory's {@link #size} is exact; its array, {@link #bytes}, may be larger. Growing within
 * the array only moves {@link #size}; growing past it replaces the array by one twice as large
 * (never past the maximum), so growing one page at a time to {@code N} pages copies {@code O(N)}
 * bytes in all, not {@code O(N^2)}. Bytes past {@link #size} are always zero. Since the JVM's own
 * array bounds check now stops at the array's length, not at the memory's size, every access checks
 * against {@link #size} itself: compiled code keeps {@link #bytes} and {@link #size} in locals,
 * refreshed after calls and {@code memory.grow}, and passes both to {@link MemoryAccess}, whose
 * range check (against the size and the array) C2 hoists out of loops. An out-of-range access
 * raises {@link IndexOutOfBoundsException}, which {@link dev.flarec.runtime.trap.TrapBoundary}
 * turns into the "out of bounds memory access" trap. See
 * docs/RATIONALE.md#why-memory-grows-by-doubling.
 *
 * <p>A memory may be shared by several instances (import/export); they then hold this same object,
 * so growth by one is seen by all.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#memory-instances">Wasm
 *     2.0 §4.2.8</a>
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

  /**
   * The memory's contents in its first {@link #size} bytes, zeros after them; replaced (never
   * resized in place) when the memory grows past its length. Compiled code writes it directly; host
   * code should write through {@link #write} and the other {@code write} methods, which check
   * against {@link #size} and keep {@link #written} exact.
   */
  public byte[] bytes;

  /** The memory's size in bytes ({@code memory.size} pages times 64 KiB); accesses stop here. */
  public int size;

  /** The widest store ({@code v128.store}): one that starts in a block ends in the next at most. */
  private static final int WIDEST_STORE_BYTES = 16;

  /** Log2 of the block size write tracking works in (4 KiB). */
  public static final int BLOCK_SHIFT = 12;

  /**
   * With write tracking on, one flag per 4 KiB block, set (non-zero) when the block may have been
   * written since the last {@link #restore}; null when tracking is off. Compiled stores of modules
   * compiled with tracking mark the block of their address; bulk operations and host writes mark
   * their range. A store may reach into the next block: {@link #restore} copies what it can reach
   * there. See docs/RATIONALE.md#why-flares-track-memory-writes.
   */
  public byte[] written;

  private final Limits limits;
  private final int maxPages;

  /**
   * Set when code that relies on the JVM's bounds check alone accesses this memory: its array then
   * stays exactly {@link #size} long, and growth copies it each time.
   */
  private boolean exact;

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
    this.size = Math.toIntExact(limits.min() * PAGE_SIZE);
    this.bytes = new byte[size];
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
    return size / PAGE_SIZE;
  }

  /** The memory's size in bytes. */
  public int size() {
    return size;
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
    int newSize = (int) (wanted * PAGE_SIZE);
    if (newSize > bytes.length && !reserve(newSize)) {
      return -1;
    }
    size = newSize;
    return old;
  }

  /**
   * Keeps the array exactly as long as the memory from now on, for compiled code that does not
   * check addresses against {@link #size} (a module without {@code memory.grow}).
   */
  public void keepExact() {
    exact = true;
    if (bytes.length != size) {
      bytes = Arrays.copyOf(bytes, size);
      if (written != null) {
        written = Arrays.copyOf(written, (size >>> BLOCK_SHIFT) + 1);
      }
    }
  }

  /**
   * Makes the array hold at least {@code needed} bytes: twice its length if that is more, but never
   * more than the maximum; just {@code needed} when the memory is kept exact or the JVM cannot give
   * the doubled array. Returns false when it cannot give even that.
   */
  private boolean reserve(int needed) {
    long doubled = exact ? needed : Math.min(2L * bytes.length, (long) maxPages * PAGE_SIZE);
    int capacity = (int) Math.max(needed, doubled);
    try {
      bytes = Arrays.copyOf(bytes, capacity);
    } catch (OutOfMemoryError e) {
      try {
        bytes = Arrays.copyOf(bytes, needed);
      } catch (OutOfMemoryError again) {
        return false;
      }
    }
    if (written != null) {
      written = Arrays.copyOf(written, (bytes.length >>> BLOCK_SHIFT) + 1);
    }
    return true;
  }

  /** A copy of the memory's contents, {@link #size} bytes, for {@link #restore}. */
  public byte[] snapshot() {
    return Arrays.copyOf(bytes, size);
  }

  /**
   * Sets the contents (and so the size) back to {@code snapshot}, reusing the current array when it
   * is large enough: with write tracking, only the blocks written since are copied back, and pages
   * grown since are zeroed.
   */
  public void restore(byte[] snapshot) {
    if (snapshot.length > bytes.length || (exact && snapshot.length != bytes.length)) {
      bytes = Arrays.copyOf(snapshot, snapshot.length);
      size = snapshot.length;
      if (written != null) {
        written = new byte[(bytes.length >>> BLOCK_SHIFT) + 1];
      }
      return;
    }
    if (size > snapshot.length) {
      // keep the bytes past the size zero, as growing expects
      Arrays.fill(bytes, snapshot.length, size, (byte) 0);
    }
    if (written == null || size < snapshot.length) {
      System.arraycopy(snapshot, 0, bytes, 0, snapshot.length);
      if (written != null) {
        Arrays.fill(written, (byte) 0);
      }
    } else {
      int block = 1 << BLOCK_SHIFT;
      for (int b = 0; b < written.length; b++) {
        if (written[b] != 0) {
          // this block, and the start of the next, which a store at the end of this one reaches
          // into (compiled stores mark the block of their first byte)
          int start = b << BLOCK_SHIFT;
          int end = Math.min(snapshot.length, start + block + WIDEST_STORE_BYTES - 1);
          if (start < end) {
            System.arraycopy(snapshot, start, bytes, start, end - start);
          }
          written[b] = 0;
        }
      }
    }
    size = snapshot.length;
  }

  /** The largest size, in pages, this memory may grow to. */
  public int maxPages() {
    return maxPages;
  }

  /**
   * The effective address of an access at unsigned {@code base} plus unsigned static {@code offset}
   * (below 2^31), as an array index, or a negative index when it lies past 2 GiB: the JVM's bounds
   * check then rejects it. Branch-free so C2 keeps memory access straight-line.
   */
  public static int effectiveAddress(int base, int offset) {
    int sum = base + offset;
    return sum | ((base | sum) >> 31);
  }

  // ---- bulk memory (§4.4.7), used by compiled code and by instantiation ----

  /** {@code memory.fill}. */
  public void fill(int dst, int value, int count) {
    checkRange(dst, count, size);
    markWritten(dst, count);
    Arrays.fill(bytes, dst, dst + count, (byte) value);
  }

  /** {@code memory.copy} within this memory; overlapping ranges copy as if through a buffer. */
  public void copy(int dst, int src, int count) {
    checkRange(dst, count, size);
    checkRange(src, count, size);
    markWritten(dst, count);
    System.arraycopy(bytes, src, bytes, dst, count);
  }

  /** {@code memory.copy} from another memory ({@code source}) into this one. */
  public void copyFrom(Memory source, int dst, int src, int count) {
    checkRange(dst, count, size);
    checkRange(src, count, source.size);
    markWritten(dst, count);
    System.arraycopy(source.bytes, src, bytes, dst, count);
  }

  /** {@code memory.init}: copies {@code count} bytes of a data segment into this memory. */
  public void init(int dst, byte[] segment, int src, int count) {
    checkRange(src, count, segment.length);
    checkRange(dst, count, size);
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

  /** {@code memory.copy} between two memories (multiple memories), as compiled code calls it. */
  public static void copy(int dst, int src, int count, Memory target, Memory source) {
    target.copyFrom(source, dst, src, count);
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
    checkRange(address, length, size);
    return Arrays.copyOfRange(bytes, address, address + length);
  }

  /** Writes {@code data} at guest address {@code address}. */
  public void write(int address, byte[] data) {
    checkRange(address, data.length, size);
    markWritten(address, data.length);
    System.arraycopy(data, 0, bytes, address, data.length);
  }

  /** Reads a UTF-8 string of {@code length} bytes at {@code address}. */
  public String readString(int address, int length) {
    checkRange(address, length, size);
    return new String(bytes, address, length, StandardCharsets.UTF_8);
  }

  public byte readByte(int address) {
    checkRange(address, 1, size);
    return bytes[address];
  }

  public int readInt(int address) {
    checkRange(address, 4, size);
    return (int) LittleEndian.INT.get(bytes, address);
  }

  public long readLong(int address) {
    checkRange(address, 8, size);
    return (long) LittleEndian.LONG.get(bytes, address);
  }

  public void writeByte(int address, byte value) {
    checkRange(address, 1, size);
    markWritten(address, 1);
    bytes[address] = value;
  }

  public void writeInt(int address, int value) {
    checkRange(address, 4, size);
    markWritten(address, 4);
    LittleEndian.INT.set(bytes, address, value);
  }

  public void writeLong(int address, long value) {
    checkRange(address, 8, size);
    markWritten(address, 8);
    LittleEndian.LONG.set(bytes, address, value);
  }
}
