package dev.flarec.wasi.fs;

import dev.flarec.wasi.abi.Errno;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;
import java.util.Map;

/**
 * Which WASI errno a host I/O failure is. The JDK reports the common POSIX errors as exception
 * types and every other one as a {@link FileSystemException} whose reason is the C library's {@code
 * strerror} text ("Not a directory"), so the rest are recognised by that text. An error recognised
 * by neither is {@link Errno#IO}.
 */
public final class HostErrors {
  // glibc's and macOS's wording of strerror for the errors a file operation can meet
  private static final Map<String, Integer> REASONS =
      Map.ofEntries(
          Map.entry("not a directory", Errno.NOTDIR),
          Map.entry("is a directory", Errno.ISDIR),
          Map.entry("directory not empty", Errno.NOTEMPTY),
          Map.entry("too many levels of symbolic links", Errno.LOOP),
          Map.entry("file name too long", Errno.NAMETOOLONG),
          Map.entry("read-only file system", Errno.ROFS),
          Map.entry("no space left on device", Errno.NOSPC),
          Map.entry("operation not permitted", Errno.PERM),
          Map.entry("permission denied", Errno.ACCES),
          Map.entry("invalid argument", Errno.INVAL),
          Map.entry("device or resource busy", Errno.BUSY),
          Map.entry("resource busy", Errno.BUSY),
          Map.entry("invalid cross-device link", Errno.XDEV),
          Map.entry("cross-device link", Errno.XDEV),
          Map.entry("too many open files", Errno.MFILE),
          Map.entry("file too large", Errno.FBIG),
          Map.entry("disk quota exceeded", Errno.DQUOT),
          Map.entry("text file busy", Errno.TXTBSY),
          Map.entry("no such file or directory", Errno.NOENT),
          Map.entry("file exists", Errno.EXIST),
          Map.entry("bad file descriptor", Errno.BADF),
          Map.entry("too many links", Errno.MLINK),
          Map.entry("broken pipe", Errno.PIPE),
          Map.entry("operation not supported", Errno.NOTSUP),
          Map.entry("input/output error", Errno.IO));

  private HostErrors() {}

  /** The errno for {@code e}. */
  public static int errno(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Errno.NOENT;
    }
    if (e instanceof FileAlreadyExistsException) {
      return Errno.EXIST;
    }
    if (e instanceof DirectoryNotEmptyException) {
      return Errno.NOTEMPTY;
    }
    if (e instanceof AccessDeniedException) {
      return Errno.ACCES;
    }
    if (e instanceof NotDirectoryException) {
      return Errno.NOTDIR;
    }
    if (e instanceof NotLinkException) {
      return Errno.INVAL;
    }
    if (e instanceof AtomicMoveNotSupportedException) {
      return Errno.XDEV;
    }
    if (e instanceof FileSystemLoopException) {
      return Errno.LOOP;
    }
    if (e instanceof ClosedChannelException) {
      return Errno.BADF;
    }
    String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    return reason == null ? Errno.IO : byReason(reason);
  }

  private static int byReason(String reason) {
    String text = reason.toLowerCase(Locale.ROOT);
    // the JDK appends to some reasons ("... or unable to access attributes of symbolic link")
    for (Map.Entry<String, Integer> known : REASONS.entrySet()) {
      if (text.startsWith(known.getKey())) {
        return known.getValue();
      }
    }
    return Errno.IO;
  }
}
