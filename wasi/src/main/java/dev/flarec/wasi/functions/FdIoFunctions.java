package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.fd.Descriptor;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reading, writing and positioning a descriptor ({@code fd_read}, {@code fd_write}, {@code
 * fd_pread}, {@code fd_pwrite}, {@code fd_seek}, {@code fd_tell}). Data moves straight between the
 * descriptor and guest memory; what each kind of descriptor does is in its class.
 */
final class FdIoFunctions {
  private final WasiContext context;

  FdIoFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Reads from a descriptor into several buffers, in order ({@code readv}).
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code iovs}, {@code iovsLength} — address and
   * count of an array of {@code iovec} (buffer address {@code u32}, buffer length {@code u32});
   * {@code readAddress} — where to write the number of bytes read ({@code u32}).
   *
   * <p>Errno: {@code success} (0 bytes read means the end of the file or stream); {@code badf} if
   * {@code fd} is not open or not readable; {@code isdir} for a directory; {@code fault} if the
   * array, a buffer or {@code readAddress} lies outside memory (nothing is read then); {@code
   * inval} if the lengths add up to 2 GiB or more; {@code io} and others for a host failure.
   *
   * <p>Guest memory: the bytes read, into the buffers; their count at {@code readAddress}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_read}.
   */
  int fdRead(int fd, int iovs, int iovsLength, int readAddress) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      GuestMemory memory = context.memory();
      memory.check(readAddress, 4);
      ByteBuffer[] buffers = Iovecs.buffers(memory, iovs, iovsLength);
      memory.putU32(readAddress, (int) descriptor.read(buffers));
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Writes several buffers to a descriptor, in order ({@code writev}). Writes to a file opened in
   * append mode go to its end.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code iovs}, {@code iovsLength} — address and
   * count of an array of {@code ciovec} (buffer address {@code u32}, buffer length {@code u32});
   * {@code writtenAddress} — where to write the number of bytes written ({@code u32}).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open or not writable; {@code
   * isdir} for a directory; {@code fault} if the array, a buffer or {@code writtenAddress} lies
   * outside memory (nothing is written then); {@code inval} if the lengths add up to 2 GiB or more;
   * {@code pipe} if standard output was closed; {@code nospc} and others for a host failure.
   *
   * <p>Guest memory: the count at {@code writtenAddress}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_write}.
   */
  int fdWrite(int fd, int iovs, int iovsLength, int writtenAddress) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      GuestMemory memory = context.memory();
      memory.check(writtenAddress, 4);
      ByteBuffer[] buffers = Iovecs.buffers(memory, iovs, iovsLength);
      memory.putU32(writtenAddress, (int) descriptor.write(buffers));
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Reads at an offset without moving the descriptor's position ({@code preadv}).
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code iovs}, {@code iovsLength} — address and
   * count of the {@code iovec} array; {@code offset} — where in the file to read ({@code u64});
   * {@code readAddress} — where to write the number of bytes read ({@code u32}).
   *
   * <p>Errno: as {@code fd_read}, and {@code spipe} for a stream; {@code inval} for an offset of
   * 2^63 or more.
   *
   * <p>Guest memory: the bytes read, into the buffers; their count at {@code readAddress}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_pread}.
   */
  int fdPread(int fd, int iovs, int iovsLength, long offset, int readAddress) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      GuestMemory memory = context.memory();
      memory.check(readAddress, 4);
      ByteBuffer[] buffers = Iovecs.buffers(memory, iovs, iovsLength);
      memory.putU32(readAddress, (int) descriptor.pread(buffers, offset));
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Writes at an offset without moving the descriptor's position ({@code pwritev}); also in append
   * mode, the offset is honoured.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code iovs}, {@code iovsLength} — address and
   * count of the {@code ciovec} array; {@code offset} — where in the file to write ({@code u64});
   * {@code writtenAddress} — where to write the number of bytes written ({@code u32}).
   *
   * <p>Errno: as {@code fd_write}, and {@code spipe} for a stream; {@code inval} for an offset of
   * 2^63 or more.
   *
   * <p>Guest memory: the count at {@code writtenAddress}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_pwrite}.
   */
  int fdPwrite(int fd, int iovs, int iovsLength, long offset, int writtenAddress) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      GuestMemory memory = context.memory();
      memory.check(writtenAddress, 4);
      ByteBuffer[] buffers = Iovecs.buffers(memory, iovs, iovsLength);
      memory.putU32(writtenAddress, (int) descriptor.pwrite(buffers, offset));
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Moves a file's position ({@code lseek}). Moving past the end is allowed; a later write there
   * leaves a hole of zeros.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code offset} — the signed distance ({@code
   * filedelta}, {@code s64}); {@code whence} — from the start (0), the current position (1) or the
   * end (2); {@code positionAddress} — where to write the new position ({@code u64}).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open or is a directory; {@code
   * spipe} for a stream; {@code inval} for another {@code whence} or a position that would be
   * negative or overflow; {@code fault} if {@code positionAddress} is not 8 bytes inside memory.
   *
   * <p>Guest memory: the new position, a {@code u64}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_seek}.
   */
  int fdSeek(int fd, long offset, int whence, int positionAddress) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      GuestMemory memory = context.memory();
      memory.check(positionAddress, 8);
      if (whence < 0 || whence > 2) {
        throw ErrnoException.of(Errno.INVAL);
      }
      memory.putU64(positionAddress, descriptor.seek(offset, whence));
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Returns a file's position.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code positionAddress} — where to write the
   * position ({@code u64}).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open or is a directory; {@code
   * spipe} for a stream; {@code fault} if {@code positionAddress} is not 8 bytes inside memory.
   *
   * <p>Guest memory: the position, a {@code u64}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_tell}.
   */
  int fdTell(int fd, int positionAddress) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      GuestMemory memory = context.memory();
      memory.check(positionAddress, 8);
      memory.putU64(positionAddress, descriptor.tell());
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }
}
