package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Abi.FstFlags;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;

/**
 * The times {@code fd_filestat_set_times} and {@code path_filestat_set_times} set, decoded from
 * their {@code fstflags}: each of access and modification time is left alone (null), set to the
 * given timestamp, or set to now.
 */
record TimeChange(FileTime access, FileTime modified) {
  /**
   * @throws ErrnoException {@link Errno#INVAL} for unknown flag bits, or for asking both a
   *     timestamp and now for the same time
   */
  static TimeChange decode(long atim, long mtim, int fstFlags, Clock clock) {
    if ((fstFlags & ~FstFlags.ALL) != 0
        || both(fstFlags, FstFlags.ATIM, FstFlags.ATIM_NOW)
        || both(fstFlags, FstFlags.MTIM, FstFlags.MTIM_NOW)) {
      throw ErrnoException.of(Errno.INVAL);
    }
    FileTime now = FileTime.from(clock.instant());
    return new TimeChange(
        pick(fstFlags, FstFlags.ATIM, FstFlags.ATIM_NOW, atim, now),
        pick(fstFlags, FstFlags.MTIM, FstFlags.MTIM_NOW, mtim, now));
  }

  private static boolean both(int flags, int a, int b) {
    return (flags & a) != 0 && (flags & b) != 0;
  }

  private static FileTime pick(int flags, int given, int nowFlag, long nanos, FileTime now) {
    if ((flags & nowFlag) != 0) {
      return now;
    }
    if ((flags & given) != 0) {
      // timestamps are unsigned nanoseconds since the epoch
      long seconds = Long.divideUnsigned(nanos, 1_000_000_000L);
      long rest = Long.remainderUnsigned(nanos, 1_000_000_000L);
      return FileTime.from(Instant.ofEpochSecond(seconds, rest));
    }
    return null;
  }

  boolean isEmpty() {
    return access == null && modified == null;
  }
}
