package dev.flarec.wasi;

import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.types.Limits;
import dev.flarec.wasi.abi.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A guest without a module, for testing WASI functions one call at a time: a two-page memory bound
 * to a {@link Wasi}, helpers to place strings and structures in it, and {@link #call}, which
 * invokes an import exactly as compiled code does (through its method handle).
 *
 * <p>Memory map used by the tests: scratch results from {@link #OUT}, inputs from {@link #IN},
 * larger buffers from {@link #BUFFER}.
 */
public final class Guest {
  public static final int PAGE = Memory.PAGE_SIZE;
  public static final int SIZE = 2 * PAGE;
  public static final int OUT = 0x100;
  public static final int IN = 0x1000;
  public static final int BUFFER = 0x8000;

  public final Wasi wasi;
  public final Memory memory = new Memory(new Limits(2, 2));

  public Guest(Wasi wasi) {
    this.wasi = wasi;
    wasi.bind(memory);
  }

  /** Calls the WASI function {@code name} with int and long arguments; returns its errno. */
  public int call(String name, Object... args) {
    try {
      Object result = wasi.function(name).handle().invokeWithArguments(args);
      return (Integer) result;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  /** Like {@link #call}, asserting success. */
  public void ok(String name, Object... args) {
    int errno = call(name, args);
    if (errno != Errno.SUCCESS) {
      throw new AssertionError(name + " failed with " + Errno.name(errno));
    }
  }

  /** Writes {@code text} as UTF-8 at {@code address}; returns its length in bytes. */
  public int string(int address, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, memory.bytes, address, bytes.length);
    return bytes.length;
  }

  public String string(int address, int length) {
    return new String(memory.bytes, address, length, StandardCharsets.UTF_8);
  }

  public int u32(int address) {
    return memory.readInt(address);
  }

  public long u64(int address) {
    return memory.readLong(address);
  }

  public int u8(int address) {
    return memory.bytes[address] & 0xFF;
  }

  public int u16(int address) {
    return ByteBuffer.wrap(memory.bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(address) & 0xFFFF;
  }

  public void putU32(int address, int value) {
    memory.writeInt(address, value);
  }

  public void putU64(int address, long value) {
    memory.writeLong(address, value);
  }

  /** One iovec at {@code address} naming {@code length} bytes at {@code buffer}. */
  public void iovec(int address, int buffer, int length) {
    putU32(address, buffer);
    putU32(address + 4, length);
  }

  /**
   * Opens {@code path} beneath descriptor {@code dirFd} with the given flags and rights; returns
   * the errno, the new descriptor at {@link #OUT}.
   */
  public int open(int dirFd, String path, int openFlags, long rights) {
    int length = string(IN, path);
    return call("path_open", dirFd, 1, IN, length, openFlags, rights, rights, 0, OUT);
  }

  /** Calls a function taking {@code (fd, path, pathLength)}. */
  public int pathCall(String name, int dirFd, String path) {
    int length = string(IN, path);
    return call(name, dirFd, IN, length);
  }
}
