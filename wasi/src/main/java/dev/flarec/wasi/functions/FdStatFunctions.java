package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Abi;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.abi.Layout;
import dev.flarec.wasi.fd.Descriptor;
import dev.flarec.wasi.fd.DirectoryDescriptor;
import dev.flarec.wasi.fd.InputStreamDescriptor;
import dev.flarec.wasi.fd.OutputStreamDescriptor;
import java.io.IOException;

/**
 * A descriptor's status and attributes ({@code fd_fdstat_*}, {@code fd_filestat_*}, {@code
 * fd_advise}, {@code fd_allocate}, {@code fd_sync}, {@code fd_datasync}): what kind of file it is,
 * its flags and rights, and the file's size, times and durability.
 */
final class FdStatFunctions {
  private final WasiContext context;

  FdStatFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Returns a descriptor's type, flags and rights. The C library's {@code isatty} asks this: a
   * character device without the seek right is a terminal.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code statAddress} — where to write an {@code
   * fdstat} (24 bytes: {@code filetype u8} at 0, {@code fdflags u16} at 2, base rights {@code u64}
   * at 8, inheriting rights {@code u64} at 16).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open; {@code fault} if the {@code
   * fdstat} does not fit inside memory.
   *
   * <p>Guest memory: the {@code fdstat}, padding zeroed.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_fdstat_get}.
   */
  int fdFdstatGet(int fd, int statAddress) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      GuestMemory memory = context.memory();
      memory.check(statAddress, Layout.Fdstat.SIZE);
      memory.putU64(statAddress, 0);
      memory.putU8(statAddress + Layout.Fdstat.FILETYPE, descriptor.fileType());
      memory.putU16(statAddress + Layout.Fdstat.FLAGS, descriptor.flags());
      memory.putU64(statAddress + Layout.Fdstat.RIGHTS_BASE, descriptor.rightsBase());
      memory.putU64(statAddress + Layout.Fdstat.RIGHTS_INHERITING, descriptor.rightsInheriting());
      return Errno.SUCCESS;
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Changes a descriptor's flags ({@code fcntl(F_SETFL)}).
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code flags} — the new {@code fdflags}: append
   * (1), dsync (2), nonblock (4), rsync (8), sync (16).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open; {@code inval} for unknown
   * bits; {@code notsup} to switch dsync, rsync or sync on an open descriptor. Append and nonblock
   * are accepted on every descriptor; append changes where writes to a file go.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_fdstat_set_flags}.
   */
  int fdFdstatSetFlags(int fd, int flags) {
    try {
      context.descriptors().get(fd).setFlags(flags);
      return Errno.SUCCESS;
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Drops rights from a descriptor; rights can never be added.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code base}, {@code inheriting} — the rights to
   * keep ({@code rights}, {@code u64} each).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open; {@code notcapable} if a
   * right the descriptor does not hold is asked for.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_fdstat_set_rights}.
   */
  int fdFdstatSetRights(int fd, long base, long inheriting) {
    try {
      context.descriptors().get(fd).restrictRights(base, inheriting);
      return Errno.SUCCESS;
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Returns the status of the file a descriptor refers to ({@code fstat}).
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code statAddress} — where to write a {@code
   * filestat} (64 bytes: {@code dev}, {@code ino}, {@code filetype}, {@code nlink}, {@code size},
   * {@code atim}, {@code mtim}, {@code ctim}, times in nanoseconds).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open; {@code fault} if the {@code
   * filestat} does not fit inside memory; {@code io} and others for a host failure. A standard
   * stream reports its type and zeros.
   *
   * <p>Guest memory: the {@code filestat}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_filestat_get}.
   */
  int fdFilestatGet(int fd, int statAddress) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      GuestMemory memory = context.memory();
      memory.check(statAddress, Layout.Filestat.SIZE);
      descriptor.stat().write(memory, statAddress);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Truncates or extends a file ({@code ftruncate}); extending fills with zeros. The position does
   * not move.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code size} — the new size ({@code u64}).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open, not a file or not writable;
   * {@code inval} for a size of 2^63 or more; {@code nospc}, {@code fbig} and others for a host
   * failure.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_filestat_set_size}.
   */
  int fdFilestatSetSize(int fd, long size) {
    try {
      context.descriptors().get(fd).setSize(size);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Sets a file's access and modification times ({@code futimens}).
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code atim}, {@code mtim} — the times, in
   * nanoseconds since the epoch ({@code u64}); {@code fstFlags} — which to set: access time to
   * {@code atim} (1) or to now (2), modification time to {@code mtim} (4) or to now (8).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open or is a stream; {@code inval}
   * for unknown flag bits or both a time and now for the same time.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_filestat_set_times}.
   */
  int fdFilestatSetTimes(int fd, long atim, long mtim, int fstFlags) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      TimeChange change = TimeChange.decode(atim, mtim, fstFlags, context.realtime());
      if (!change.isEmpty()) {
        descriptor.setTimes(change.access(), change.modified());
      }
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Advises how a file will be accessed ({@code posix_fadvise}). Accepted and ignored: the JDK
   * offers no way to pass advice on.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code offset}, {@code length} — the range ({@code
   * u64} each); {@code advice} — normal (0) to noreuse (5).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open or is a directory; {@code
   * spipe} for a stream; {@code inval} for an unknown advice.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_advise}.
   */
  int fdAdvise(int fd, long offset, long length, int advice) {
    try {
      Descriptor descriptor = context.descriptors().get(fd);
      if (advice < Abi.Advice.NORMAL || advice > Abi.Advice.NOREUSE) {
        throw ErrnoException.of(Errno.INVAL);
      }
      if (descriptor instanceof InputStreamDescriptor
          || descriptor instanceof OutputStreamDescriptor) {
        throw ErrnoException.of(Errno.SPIPE);
      }
      if (descriptor instanceof DirectoryDescriptor) {
        throw ErrnoException.of(Errno.BADF);
      }
      return Errno.SUCCESS;
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Makes sure a range of a file is allocated ({@code posix_fallocate}), extending the file with
   * zeros when the range passes its end.
   *
   * <p>Parameters: {@code fd} — the descriptor; {@code offset}, {@code length} — the range ({@code
   * u64} each).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open, not a file or not writable;
   * {@code inval} for values of 2^63 or more; {@code fbig} if the range's end overflows; {@code
   * nospc} and others for a host failure.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_allocate}.
   */
  int fdAllocate(int fd, long offset, long length) {
    try {
      context.descriptors().get(fd).allocate(offset, length);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Forces a file's data and metadata to its device ({@code fsync}).
   *
   * <p>Parameters: {@code fd} — the descriptor.
   *
   * <p>Errno: {@code success} (for a directory and an output stream too, which flushes it); {@code
   * badf} if {@code fd} is not open; {@code inval} for standard input; {@code io} for a host
   * failure.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_sync}.
   */
  int fdSync(int fd) {
    try {
      context.descriptors().get(fd).sync(true);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Forces a file's data, and the metadata needed to read it back, to its device ({@code
   * fdatasync}).
   *
   * <p>Parameters: {@code fd} — the descriptor.
   *
   * <p>Errno: as {@code fd_sync}.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_datasync}.
   */
  int fdDatasync(int fd) {
    try {
      context.descriptors().get(fd).sync(false);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }
}
