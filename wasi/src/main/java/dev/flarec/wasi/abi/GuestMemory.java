package dev.flarec.wasi.abi;

import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.memory.MemoryAccess;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The calling instance's linear memory as WASI functions see it: every pointer and length is an
 * unsigned 32-bit guest value, and a range that does not lie wholly inside the memory is {@link
 * Errno#FAULT}, never a JVM exception.
 *
 * <p>Reads {@link Memory#bytes} afresh on every access, because growing the memory replaces the
 * array. Integers are little-endian, as in Wasm.
 */
public final class GuestMemory {
  private final Memory memory;

  public GuestMemory(Memory memory) {
    this.memory = memory;
  }

  /** The memory's current contents, for bulk copies after {@link #check}. */
  public byte[] bytes() {
    return memory.bytes;
  }

  /**
   * Checks that the {@code length} bytes at {@code address}, both unsigned, are inside memory.
   *
   * @throws ErrnoException {@link Errno#FAULT} if they are not
   */
  public void check(int address, int length) {
    long end = Integer.toUnsignedLong(address) + Integer.toUnsignedLong(length);
    if (end > memory.size) {
      throw ErrnoException.of(Errno.FAULT);
    }
  }

  /**
   * Checks a guest array of {@code count} elements of {@code elementSize} bytes at {@code address}
   * and returns its size in bytes.
   *
   * @throws ErrnoException {@link Errno#FAULT} if the array does not fit in memory
   */
  public int checkArray(int address, int count, int elementSize) {
    long size = Integer.toUnsignedLong(count) * elementSize;
    if (size > memory.size) {
      throw ErrnoException.of(Errno.FAULT);
    }
    check(address, (int) size);
    return (int) size;
  }

  public int u8(int address) {
    check(address, 1);
    return memory.bytes[address] & 0xFF;
  }

  public int u16(int address) {
    check(address, 2);
    return MemoryAccess.loadShort(address, memory.bytes) & 0xFFFF;
  }

  /** A {@code u32} (or pointer, or size), as the int with the same bits. */
  public int u32(int address) {
    check(address, 4);
    return MemoryAccess.loadInt(address, memory.bytes);
  }

  public long u64(int address) {
    check(address, 8);
    return MemoryAccess.loadLong(address, memory.bytes);
  }

  public void putU8(int address, int value) {
    check(address, 1);
    memory.bytes[address] = (byte) value;
  }

  public void putU16(int address, int value) {
    check(address, 2);
    MemoryAccess.storeShort(address, memory.bytes, (short) value);
  }

  public void putU32(int address, int value) {
    check(address, 4);
    MemoryAccess.storeInt(address, memory.bytes, value);
  }

  public void putU64(int address, long value) {
    check(address, 8);
    MemoryAccess.storeLong(address, memory.bytes, value);
  }

  /** Copies the {@code length} bytes at {@code address} out of memory. */
  public byte[] read(int address, int length) {
    check(address, length);
    byte[] copy = new byte[length];
    System.arraycopy(memory.bytes, address, copy, 0, length);
    return copy;
  }

  /** Copies {@code data} into memory at {@code address}. */
  public void write(int address, byte[] data) {
    check(address, data.length);
    System.arraycopy(data, 0, memory.bytes, address, data.length);
  }

  /** The {@code length} bytes at {@code address} as a buffer over memory itself (no copy). */
  public ByteBuffer buffer(int address, int length) {
    check(address, length);
    return ByteBuffer.wrap(memory.bytes, address, length).slice();
  }

  /**
   * A path argument: {@code length} bytes of UTF-8 at {@code address}.
   *
   * @throws ErrnoException {@link Errno#FAULT} outside memory, {@link Errno#ILSEQ} if the bytes are
   *     not UTF-8, {@link Errno#INVAL} if they contain a NUL (no host file name can)
   */
  public String path(int address, int length) {
    check(address, length);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars;
    try {
      chars = decoder.decode(ByteBuffer.wrap(memory.bytes, address, length));
    } catch (CharacterCodingException e) {
      throw ErrnoException.of(Errno.ILSEQ);
    }
    String text = chars.toString();
    if (text.indexOf('\0') >= 0) {
      throw ErrnoException.of(Errno.INVAL);
    }
    return text;
  }
}
