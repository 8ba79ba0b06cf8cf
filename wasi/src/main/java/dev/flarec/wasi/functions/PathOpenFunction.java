package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Abi.FdFlags;
import dev.flarec.wasi.abi.Abi.LookupFlags;
import dev.flarec.wasi.abi.Abi.OFlags;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.abi.Rights;
import dev.flarec.wasi.fd.Descriptor;
import dev.flarec.wasi.fd.DirectoryDescriptor;
import dev.flarec.wasi.fd.RegularFileDescriptor;
import dev.flarec.wasi.fs.PathResolver;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * Opening files and directories ({@code path_open}), the one way a guest gets new descriptors. The
 * path is resolved by the sandbox ({@link PathResolver}) and the result opened without following a
 * link, so what is opened is what was checked.
 */
final class PathOpenFunction {
  private final WasiContext context;

  PathOpenFunction(WasiContext context) {
    this.context = context;
  }

  /**
   * Opens a file or directory beneath a directory descriptor ({@code openat}).
   *
   * <p>Parameters: {@code dirFd} — the directory the path is relative to; {@code lookupFlags} — 1
   * to follow a symbolic link as the last component; {@code pathAddress}, {@code pathLength} — the
   * path, UTF-8, not NUL-terminated; {@code openFlags} — {@code oflags}: create (1), must be a
   * directory (2), exclusive create (4), truncate (8); {@code rightsBase}, {@code rightsInheriting}
   * — the rights wanted: {@code fd_read} (bit 1) opens for reading, {@code fd_write} (bit 6) for
   * writing; {@code fdFlags} — the WASI fdflags of the new descriptor (append, dsync, nonblock,
   * rsync, sync); {@code fdAddress} — where to write the new descriptor ({@code u32}).
   *
   * <p>Errno: {@code success}; {@code badf} if {@code dirFd} is not open; {@code notdir} if it is
   * not a directory, or a component of the path (or the target, with {@code directory}) is not one;
   * {@code notcapable} if the path leaves the directory (absolute, {@code ..} above it, a link
   * pointing outside); {@code noent} if the file does not exist and is not created, or the path is
   * empty; {@code exist} with exclusive create if it does; {@code isdir} to open a directory for
   * writing or truncation, or create a file with a trailing {@code /}; {@code loop} for a symbolic
   * link not followed, or too many links; {@code inval} for unknown flag bits; {@code ilseq} if the
   * path is not UTF-8; {@code fault} if the path or {@code fdAddress} lies outside memory; {@code
   * mfile} if the descriptor table is full; {@code acces} and others from the host.
   *
   * <p>Guest memory: the new descriptor's number at {@code fdAddress}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_open}.
   */
  int pathOpen(
      int dirFd,
      int lookupFlags,
      int pathAddress,
      int pathLength,
      int openFlags,
      long rightsBase,
      long rightsInheriting,
      int fdFlags,
      int fdAddress) {
    try {
      DirectoryDescriptor directory = context.descriptors().directory(dirFd);
      GuestMemory memory = context.memory();
      memory.check(fdAddress, 4);
      String path = memory.path(pathAddress, pathLength);
      if ((openFlags & ~OFlags.ALL) != 0 || (fdFlags & ~FdFlags.ALL) != 0) {
        throw ErrnoException.of(Errno.INVAL);
      }
      boolean create = (openFlags & OFlags.CREAT) != 0;
      boolean exclusive = create && (openFlags & OFlags.EXCL) != 0;
      // O_CREAT|O_EXCL never follows a link at the end: the link itself counts as existing
      boolean follow = (lookupFlags & LookupFlags.SYMLINK_FOLLOW) != 0 && !exclusive;
      Path target = PathResolver.resolve(directory.path(), path, follow);
      BasicFileAttributes existing = attributesOrNull(target);
      if (existing != null && exclusive) {
        throw ErrnoException.of(Errno.EXIST);
      }
      if (existing != null && existing.isSymbolicLink()) {
        throw ErrnoException.of(Errno.LOOP);
      }
      boolean wantsDirectory = (openFlags & OFlags.DIRECTORY) != 0 || path.endsWith("/");
      Descriptor opened;
      if (existing != null && existing.isDirectory()) {
        opened = openDirectory(target, openFlags, rightsBase, rightsInheriting);
      } else if (wantsDirectory) {
        if (existing != null) {
          throw ErrnoException.of(Errno.NOTDIR);
        }
        throw ErrnoException.of(create && path.endsWith("/") ? Errno.ISDIR : Errno.NOENT);
      } else {
        opened =
            openFile(target, existing != null, openFlags, rightsBase, rightsInheriting, fdFlags);
      }
      memory.putU32(fdAddress, context.descriptors().add(opened));
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  private static Descriptor openDirectory(Path target, int openFlags, long base, long inheriting) {
    if ((openFlags & OFlags.TRUNC) != 0 || (base & Rights.FD_WRITE) != 0) {
      throw ErrnoException.of(Errno.ISDIR);
    }
    return new DirectoryDescriptor(target, null, base & Rights.DIRECTORY, inheriting);
  }

  private static Descriptor openFile(
      Path target, boolean exists, int openFlags, long base, long inheriting, int fdFlags)
      throws IOException {
    boolean readable = (base & Rights.FD_READ) != 0;
    boolean truncate = (openFlags & OFlags.TRUNC) != 0;
    // Linux truncates even a file opened read-only; the JDK needs WRITE for that
    boolean writable = (base & Rights.FD_WRITE) != 0 || truncate;
    boolean create = (openFlags & OFlags.CREAT) != 0;
    boolean exclusive = create && (openFlags & OFlags.EXCL) != 0;
    if (create && !exists && !writable) {
      // the JDK ignores CREATE on a channel opened only for reading
      try {
        Files.createFile(target);
      } catch (FileAlreadyExistsException e) {
        if (exclusive) {
          throw e;
        }
      }
    }
    Set<OpenOption> options = new HashSet<>();
    options.add(LinkOption.NOFOLLOW_LINKS);
    if (readable || !writable) {
      options.add(StandardOpenOption.READ);
    }
    if (writable) {
      options.add(StandardOpenOption.WRITE);
      if (create) {
        options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
      }
      if (truncate) {
        options.add(StandardOpenOption.TRUNCATE_EXISTING);
      }
      if ((fdFlags & FdFlags.SYNC) != 0) {
        options.add(StandardOpenOption.SYNC);
      } else if ((fdFlags & FdFlags.DSYNC) != 0) {
        options.add(StandardOpenOption.DSYNC);
      }
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(target, options);
    } catch (NoSuchFileException e) {
      throw ErrnoException.of(Errno.NOENT);
    }
    return new RegularFileDescriptor(
        channel,
        target,
        readable || !writable,
        writable && (base & Rights.FD_WRITE) != 0,
        base & Rights.REGULAR_FILE,
        inheriting,
        fdFlags);
  }

  private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
