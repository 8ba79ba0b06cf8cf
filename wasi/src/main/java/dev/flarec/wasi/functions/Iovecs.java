package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.abi.Layout;
import java.nio.ByteBuffer;

/**
 * The buffers of an {@code iovec}/{@code ciovec} array as views of guest memory. The array and
 * every buffer it names are checked before any byte moves, so a bad vector fails as a whole with
 * nothing read or written.
 */
final class Iovecs {
  private Iovecs() {}

  /**
   * The {@code count} buffers described at {@code address}.
   *
   * @throws ErrnoException {@link Errno#FAULT} if the array or a buffer lies outside memory, {@link
   *     Errno#INVAL} if the lengths add up past what one call can transfer (2^31 - 1 bytes, as
   *     {@code ssize_t} bounds {@code readv})
   */
  static ByteBuffer[] buffers(GuestMemory memory, int address, int count) {
    memory.checkArray(address, count, Layout.Iovec.SIZE);
    ByteBuffer[] buffers = new ByteBuffer[count];
    long total = 0;
    for (int i = 0; i < count; i++) {
      int entry = address + i * Layout.Iovec.SIZE;
      int buf = memory.u32(entry + Layout.Iovec.BUF);
      int length = memory.u32(entry + Layout.Iovec.BUF_LEN);
      buffers[i] = memory.buffer(buf, length);
      total += Integer.toUnsignedLong(length);
      if (total > Integer.MAX_VALUE) {
        throw ErrnoException.of(Errno.INVAL);
      }
    }
    return buffers;
  }
}
