package dev.flarec.runtime.memory;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.Limits;
import java.util.Arrays;

/**
 * A 64-bit linear memory (memory64): i64 addresses, and a size that may pass 4 GiB. A Java array
 * holds less than 2 GiB, so the contents are chunks of 1 GiB, {@link #chunks}; every chunk but the
 * last is full, and the last grows by doubling as {@link Memory}'s array does, so a small 64-bit
 * memory costs what a small 32-bit one does. An access finds its chunk by the address's high bits
 * and its place by the low ones; one that straddles two chunks (at most once per GiB) goes byte by
 * byte. See docs/RATIONALE.md#why-a-64-bit-memory-is-an-array-of-1-gib-chunks.
 *
 * <p>32-bit memories stay {@link Memory}s: their compiled code and speed do not change.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#memory-instances">Wasm
 *     3.0 §4.2.8</a>
 */
public final class Memory64 {
  public static final int PAGE_SIZE = Memory.PAGE_SIZE;

  /** Log2 of a chunk's size (1 GiB). */
  public static final int CHUNK_SHIFT = 30;

  public static final int CHUNK_SIZE = 1 << CHUNK_SHIFT;
  public static final int CHUNK_MASK = CHUNK_SIZE - 1;

  /** The spec's ceiling on a 64-bit memory, in pages (2^64 bytes). */
  public static final long SPEC_MAX_PAGES = 1L << 48;

  /** The contents: chunk {@code i} holds bytes {@code [i << 30, (i + 1) << 30)}. */
  public byte[][] chunks;

  /** The memory's size in bytes; accesses stop here. */
  public long size;

  private final Limits limits;
  private final long maxPages;

  /**
   * A memory of {@code limits.min()} pages that may grow to {@code limits.max()} pages, or to
   * {@code hostMaxPages} if that is smaller.
   */
  public Memory64(Limits limits, long hostMaxPages) {
    this.limits = limits;
    long declaredMax = limits.hasMax() ? limits.max() : SPEC_MAX_PAGES;
    this.maxPages = Math.min(declaredMax, hostMaxPages);
    if (limits.min() > maxPages) {
      throw new WasmTrap(TrapKind.MEMORY_LIMIT_EXCEEDED);
    }
    this.chunks = new byte[0][];
    long initial = limits.min() * PAGE_SIZE;
    if (!reserve(initial)) {
      throw new WasmTrap(TrapKind.MEMORY_LIMIT_EXCEEDED);
    }
    this.size = initial;
  }

  public Memory64(Limits limits) {
    this(limits, SPEC_MAX_PAGES);
  }

  public Limits limits() {
    return limits;
  }

  /** Current size in pages ({@code memory.size}). */
  public long pages() {
    return size / PAGE_SIZE;
  }

  public long maxPages() {
    return maxPages;
  }

  /**
   * {@code memory.grow}: grows by {@code deltaPages} (an unsigned 64-bit count) and returns the
   * previous size in pages, or -1 when the memory cannot grow that far.
   */
  public long grow(long deltaPages) {
    long old = pages();
    if (Long.compareUnsigned(deltaPages, maxPages - old) > 0) {
      return -1;
    }
    long newSize = (old + deltaPages) * PAGE_SIZE;
    if (!reserve(newSize)) {
      return -1;
    }
    size = newSize;
    return old;
  }

  /**
   * Makes the chunks hold at least {@code needed} bytes: full chunks below it, and a last chunk
   * twice as long as before if that is more (never past a chunk). False when the JVM cannot give
   * the memory; what was allocated stays, zeroed, past the size.
   */
  private boolean reserve(long needed) {
    int full = (int) (needed >>> CHUNK_SHIFT);
    int rest = (int) (needed & CHUNK_MASK);
    int count = full + (rest > 0 ? 1 : 0);
    try {
      if (count > chunks.length) {
        chunks = Arrays.copyOf(chunks, count);
      }
      for (int i = 0; i < count; i++) {
        int wanted = i < full ? CHUNK_SIZE : rest;
        byte[] chunk = chunks[i];
        int length = chunk == null ? 0 : chunk.length;
        if (length < wanted) {
          int grown = (int) Math.min(CHUNK_SIZE, Math.max(wanted, 2L * length));
          try {
            chunks[i] = chunk == null ? new byte[grown] : Arrays.copyOf(chunk, grown);
          } catch (OutOfMemoryError e) {
            chunks[i] = chunk == null ? new byte[wanted] : Arrays.copyOf(chunk, wanted);
          }
        }
      }
    } catch (OutOfMemoryError e) {
      return false;
    }
    return true;
  }

  /**
   * The effective address of an access at unsigned {@code base} plus static {@code offset} (below
   * 2^63): negative, so that the range check rejects it, when the sum passes 2^63, which no memory
   * reaches. Branch-free, as {@link Memory#effectiveAddress}.
   */
  public static long effectiveAddress(long base, long offset) {
    long sum = base + offset;
    return sum | ((base | sum) >> 63);
  }

  // ---- single bytes, for accesses that straddle two chunks and for the host ----

  byte get(long address) {
    return chunks[(int) (address >>> CHUNK_SHIFT)][(int) address & CHUNK_MASK];
  }

  void put(long address, byte value) {
    chunks[(int) (address >>> CHUNK_SHIFT)][(int) address & CHUNK_MASK] = value;
  }

  /** {@code width} bytes at {@code address}, little-endian, the range already checked. */
  long getSlow(long address, int width) {
    long v = 0;
    for (int i = width - 1; i >= 0; i--) {
      v = (v << 8) | (get(address + i) & 0xFF);
    }
    return v;
  }

  void putSlow(long address, int width, long value) {
    for (int i = 0; i < width; i++) {
      put(address + i, (byte) (value >>> (8 * i)));
    }
  }

  // ---- bulk memory (§4.4.7) ----

  private static void checkRange(long start, long count, long length) {
    long end = start + count;
    if (Long.compareUnsigned(start, length) > 0
        || Long.compareUnsigned(count, length - start) > 0
        || end < 0) {
      throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
  }

  /** {@code memory.fill}. */
  public void fill(long dst, int value, long count) {
    checkRange(dst, count, size);
    long at = dst;
    long end = dst + count;
    while (at < end) {
      int offset = (int) at & CHUNK_MASK;
      int n = (int) Math.min(end - at, CHUNK_SIZE - offset);
      Arrays.fill(chunks[(int) (at >>> CHUNK_SHIFT)], offset, offset + n, (byte) value);
      at += n;
    }
  }

  /** {@code memory.copy} from {@code source} (this memory or another) into this one. */
  public void copyFrom(Memory64 source, long dst, long src, long count) {
    checkRange(dst, count, size);
    checkRange(src, count, source.size);
    if (source == this && dst > src && dst < src + count) {
      // overlapping, destination above: copy the pieces from the end down
      long done = count;
      while (done > 0) {
        long s = src + done - 1;
        long d = dst + done - 1;
        int n = (int) Math.min(done, Math.min((s & CHUNK_MASK) + 1, (d & CHUNK_MASK) + 1));
        System.arraycopy(
            chunks[(int) (s >>> CHUNK_SHIFT)],
            (int) (s & CHUNK_MASK) - n + 1,
            chunks[(int) (d >>> CHUNK_SHIFT)],
            (int) (d & CHUNK_MASK) - n + 1,
            n);
        done -= n;
      }
      return;
    }
    long done = 0;
    while (done < count) {
      long s = src + done;
      long d = dst + done;
      int n =
          (int)
              Math.min(
                  count - done,
                  Math.min(CHUNK_SIZE - (s & CHUNK_MASK), CHUNK_SIZE - (d & CHUNK_MASK)));
      System.arraycopy(
          source.chunks[(int) (s >>> CHUNK_SHIFT)],
          (int) (s & CHUNK_MASK),
          chunks[(int) (d >>> CHUNK_SHIFT)],
          (int) (d & CHUNK_MASK),
          n);
      done += n;
    }
  }

  /** {@code memory.init}: copies {@code count} bytes of a data segment into this memory. */
  public void init(long dst, byte[] segment, int src, int count) {
    if (Integer.toUnsignedLong(src) + Integer.toUnsignedLong(count) > segment.length) {
      throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    write(dst, segment, src, count);
  }

  // Compiled code has the Wasm operands on the stack before it pushes the memory.

  public static void fill(long dst, int value, long count, Memory64 memory) {
    memory.fill(dst, value, count);
  }

  public static void copy(long dst, long src, long count, Memory64 memory) {
    memory.copyFrom(memory, dst, src, count);
  }

  public static void copy(long dst, long src, long count, Memory64 target, Memory64 source) {
    target.copyFrom(source, dst, src, count);
  }

  /**
   * {@code memory.copy} from a 32-bit memory into a 64-bit one: the source address and the length
   * are i32s (3.0: the length has the smaller address type), unsigned. Both ranges are checked
   * before a byte is written.
   */
  public static void copy(long dst, int src, int count, Memory64 target, Memory source) {
    long from = Integer.toUnsignedLong(src);
    long n = Integer.toUnsignedLong(count);
    if (from + n > source.size) {
      throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    target.write(dst, source.bytes, (int) from, (int) n);
  }

  /**
   * {@code memory.copy} from a 64-bit memory into a 32-bit one: the destination address and the
   * length are i32s, unsigned. Both ranges are checked before a byte is written; the target's write
   * tracking sees every byte ({@link Memory#init} copies each piece).
   */
  public static void copy(int dst, long src, int count, Memory target, Memory64 source) {
    long to = Integer.toUnsignedLong(dst);
    long n = Integer.toUnsignedLong(count);
    if (to + n > target.size) {
      throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    checkRange(src, n, source.size);
    long done = 0;
    while (done < n) {
      long s = src + done;
      int piece = (int) Math.min(n - done, CHUNK_SIZE - (s & CHUNK_MASK));
      target.init(
          (int) (to + done), source.chunks[(int) (s >>> CHUNK_SHIFT)], (int) s & CHUNK_MASK, piece);
      done += piece;
    }
  }

  public static long grow(long deltaPages, Memory64 memory) {
    return memory.grow(deltaPages);
  }

  // ---- host access ----

  /** Writes {@code count} bytes of {@code data} from {@code from} at guest address {@code dst}. */
  public void write(long dst, byte[] data, int from, int count) {
    checkRange(dst, count, size);
    int done = 0;
    while (done < count) {
      long d = dst + done;
      int n = (int) Math.min(count - done, CHUNK_SIZE - (d & CHUNK_MASK));
      System.arraycopy(
          data, from + done, chunks[(int) (d >>> CHUNK_SHIFT)], (int) (d & CHUNK_MASK), n);
      done += n;
    }
  }

  /** Reads {@code length} bytes at guest address {@code address}. */
  public byte[] read(long address, int length) {
    checkRange(address, length, size);
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = get(address + i);
    }
    return out;
  }

  public byte readByte(long address) {
    checkRange(address, 1, size);
    return get(address);
  }
}
