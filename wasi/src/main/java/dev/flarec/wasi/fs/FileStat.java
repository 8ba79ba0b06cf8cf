package dev.flarec.wasi.fs;

import dev.flarec.wasi.abi.FileType;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.abi.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * A WASI {@code filestat}: what {@code fd_filestat_get} and {@code path_filestat_get} report.
 * Timestamps are nanoseconds since the Unix epoch.
 *
 * <p>Device, inode, link count and change time come from the JDK's {@code unix} attribute view
 * where the platform has one (Linux, macOS); elsewhere the inode is a hash of the file key and the
 * link count is 1. Programs use the pair (dev, ino) to tell whether two paths are the same file, so
 * both must be stable, which they are.
 */
public record FileStat(
    long dev, long ino, int fileType, long nlink, long size, long atim, long mtim, long ctim) {

  /** A stream's status: its type and nothing else known. */
  public static FileStat ofStream(int fileType) {
    return new FileStat(0, 0, fileType, 1, 0, 0, 0, 0);
  }

  /** The status of the file at {@code path}, following a final symbolic link or not. */
  public static FileStat of(Path path, boolean follow) throws IOException {
    LinkOption[] options =
        follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, options);
    Map<String, Object> unix = unixAttributes(path, options);
    long dev = unix == null ? 0 : ((Number) unix.get("dev")).longValue();
    long ino =
        unix != null
            ? ((Number) unix.get("ino")).longValue()
            : basic.fileKey() == null ? 0 : basic.fileKey().hashCode() & 0xFFFF_FFFFL;
    long nlink = unix == null ? 1 : ((Number) unix.get("nlink")).longValue();
    FileTime changed = unix == null ? basic.lastModifiedTime() : (FileTime) unix.get("ctime");
    return new FileStat(
        dev,
        ino,
        fileType(basic),
        nlink,
        basic.size(),
        nanos(basic.lastAccessTime()),
        nanos(basic.lastModifiedTime()),
        nanos(changed));
  }

  /** The WASI file type of a file with these attributes. */
  public static int fileType(BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) {
      return FileType.SYMBOLIC_LINK;
    }
    if (attributes.isDirectory()) {
      return FileType.DIRECTORY;
    }
    if (attributes.isRegularFile()) {
      return FileType.REGULAR_FILE;
    }
    // devices, pipes and sockets: the JDK does not say which
    return FileType.UNKNOWN;
  }

  /** This status with {@code size} replaced (an open file knows its size better than its path). */
  public FileStat withSize(long newSize) {
    return new FileStat(dev, ino, fileType, nlink, newSize, atim, mtim, ctim);
  }

  /** Writes this status as a {@code filestat} at {@code address}. */
  public void write(GuestMemory memory, int address) {
    memory.check(address, Layout.Filestat.SIZE);
    memory.putU64(address + Layout.Filestat.DEV, dev);
    memory.putU64(address + Layout.Filestat.INO, ino);
    memory.putU64(address + Layout.Filestat.FILETYPE, 0);
    memory.putU8(address + Layout.Filestat.FILETYPE, fileType);
    memory.putU64(address + Layout.Filestat.NLINK, nlink);
    memory.putU64(address + Layout.Filestat.FILE_SIZE, size);
    memory.putU64(address + Layout.Filestat.ATIM, atim);
    memory.putU64(address + Layout.Filestat.MTIM, mtim);
    memory.putU64(address + Layout.Filestat.CTIM, ctim);
  }

  private static Map<String, Object> unixAttributes(Path path, LinkOption[] options) {
    try {
      return Files.readAttributes(path, "unix:dev,ino,nlink,ctime", options);
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return null;
    }
  }

  /** Nanoseconds since the epoch; times beyond what 64 bits hold are clamped. */
  static long nanos(FileTime time) {
    Instant instant = time.toInstant();
    try {
      long seconds = Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L);
      return Math.addExact(seconds, instant.getNano());
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
