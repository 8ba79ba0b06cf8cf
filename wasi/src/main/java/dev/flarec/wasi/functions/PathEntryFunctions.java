package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Abi.LookupFlags;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.fd.DirectoryDescriptor;
import dev.flarec.wasi.fs.PathResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Directory entries by path: creating and removing directories, removing files, renaming, hard and
 * symbolic links ({@code path_create_directory}, {@code path_remove_directory}, {@code
 * path_unlink_file}, {@code path_rename}, {@code path_link}, {@code path_symlink}, {@code
 * path_readlink}). Each acts on the last component of its path itself, never on what a link there
 * points to (except {@code path_link}'s source when asked to follow).
 */
final class PathEntryFunctions {
  private final WasiContext context;

  PathEntryFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Creates a directory ({@code mkdirat}).
   *
   * <p>Parameters: {@code dirFd} — the directory the path is relative to; {@code pathAddress},
   * {@code pathLength} — the new directory's path, UTF-8.
   *
   * <p>Errno: {@code success}; {@code exist} if something (a link too) is there; {@code noent} if
   * its parent does not exist; {@code notcapable} if the path leaves {@code dirFd}; {@code badf},
   * {@code notdir}, {@code fault}, {@code ilseq} as for {@code path_open}; {@code acces}, {@code
   * nospc} and others from the host.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_create_directory}.
   */
  int pathCreateDirectory(int dirFd, int pathAddress, int pathLength) {
    try {
      Path target = resolve(dirFd, pathAddress, pathLength, false);
      Files.createDirectory(target);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Removes an empty directory ({@code unlinkat} with {@code AT_REMOVEDIR}).
   *
   * <p>Parameters: {@code dirFd} — the directory the path is relative to; {@code pathAddress},
   * {@code pathLength} — the directory's path, UTF-8.
   *
   * <p>Errno: {@code success}; {@code noent} if nothing is there; {@code notdir} if it is not a
   * directory (a link to one included); {@code notempty} if it has entries, or the path ends in
   * {@code ..}; {@code inval} if it ends in {@code .}; {@code notcapable}, {@code badf}, {@code
   * fault}, {@code ilseq} as for {@code path_open}.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_remove_directory}.
   */
  int pathRemoveDirectory(int dirFd, int pathAddress, int pathLength) {
    try {
      String path = path(pathAddress, pathLength);
      Path target = resolve(dirFd, path, false);
      String last = lastComponent(path);
      if (last.equals(".")) {
        throw ErrnoException.of(Errno.INVAL);
      }
      if (last.equals("..")) {
        throw ErrnoException.of(Errno.NOTEMPTY);
      }
      if (!existing(target).isDirectory()) {
        throw ErrnoException.of(Errno.NOTDIR);
      }
      Files.delete(target);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Removes a file, or a symbolic link itself ({@code unlinkat}).
   *
   * <p>Parameters: {@code dirFd} — the directory the path is relative to; {@code pathAddress},
   * {@code pathLength} — the file's path, UTF-8.
   *
   * <p>Errno: {@code success}; {@code noent} if nothing is there; {@code isdir} for a directory;
   * {@code notdir} for a trailing {@code /} after a file; {@code notcapable}, {@code badf}, {@code
   * fault}, {@code ilseq} as for {@code path_open}.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_unlink_file}.
   */
  int pathUnlinkFile(int dirFd, int pathAddress, int pathLength) {
    try {
      String path = path(pathAddress, pathLength);
      Path target = resolve(dirFd, path, false);
      String last = lastComponent(path);
      if (last.equals(".") || last.equals("..") || existing(target).isDirectory()) {
        throw ErrnoException.of(Errno.ISDIR);
      }
      Files.delete(target);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Renames a file or directory, replacing what is at the new path as {@code rename} does: a file
   * replaces a file, a directory replaces an empty directory. Both paths must be in directories on
   * the same host file system.
   *
   * <p>Parameters: {@code oldDirFd}, {@code oldAddress}, {@code oldLength} — the directory and path
   * of what to rename; {@code newDirFd}, {@code newAddress}, {@code newLength} — the directory and
   * path of its new name.
   *
   * <p>Errno: {@code success}; {@code noent} if the source does not exist; {@code isdir} to replace
   * a directory with a file; {@code notdir} to replace a file with a directory; {@code notempty} to
   * replace a directory that has entries; {@code inval} to move a directory into itself, or for a
   * path ending in {@code .} or {@code ..}; {@code busy} to rename a directory descriptor's own
   * directory; {@code xdev} across file systems; {@code notcapable}, {@code badf}, {@code fault},
   * {@code ilseq} as for {@code path_open}.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_rename}.
   */
  int pathRename(
      int oldDirFd, int oldAddress, int oldLength, int newDirFd, int newAddress, int newLength) {
    try {
      String oldPath = path(oldAddress, oldLength);
      String newPath = path(newAddress, newLength);
      Path source = resolve(oldDirFd, oldPath, false);
      Path destination = resolve(newDirFd, newPath, false);
      for (String path : new String[] {oldPath, newPath}) {
        String last = lastComponent(path);
        if (last.equals(".") || last.equals("..")) {
          throw ErrnoException.of(Errno.INVAL);
        }
      }
      existing(source);
      // ATOMIC_MOVE is rename(2) itself: it replaces the destination by the system's rules
      Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Creates a hard link ({@code linkat}).
   *
   * <p>Parameters: {@code oldDirFd}, {@code oldLookupFlags} (1: follow a link at the end of the old
   * path), {@code oldAddress}, {@code oldLength} — the existing file; {@code newDirFd}, {@code
   * newAddress}, {@code newLength} — the new name.
   *
   * <p>Errno: {@code success}; {@code noent} if the file does not exist; {@code exist} if the new
   * name does; {@code perm} for a directory; {@code xdev} across file systems; {@code notcapable},
   * {@code badf}, {@code fault}, {@code ilseq} as for {@code path_open}.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_link}.
   */
  int pathLink(
      int oldDirFd,
      int oldLookupFlags,
      int oldAddress,
      int oldLength,
      int newDirFd,
      int newAddress,
      int newLength) {
    try {
      boolean follow = (oldLookupFlags & LookupFlags.SYMLINK_FOLLOW) != 0;
      Path existing = resolve(oldDirFd, path(oldAddress, oldLength), follow);
      Path link = resolve(newDirFd, path(newAddress, newLength), false);
      if (existing(existing).isDirectory()) {
        throw ErrnoException.of(Errno.PERM);
      }
      Files.createLink(link, existing);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Creates a symbolic link ({@code symlinkat}). Only links that stay inside the directory are
   * allowed: a relative target whose {@code ..} never climb above {@code dirFd}, counted from the
   * link's own directory. The sandbox would refuse to follow any other link anyway; refusing to
   * create one also keeps host programs from being led outside by a guest's link.
   *
   * <p>Parameters: {@code targetAddress}, {@code targetLength} — the link's content, UTF-8; {@code
   * dirFd}, {@code pathAddress}, {@code pathLength} — where to create the link.
   *
   * <p>Errno: {@code success}; {@code perm} for an absolute target or one that leaves the
   * directory; {@code exist} if something is at the path; {@code noent} for an empty target; {@code
   * notsup} if the host file system has no symbolic links; {@code notcapable}, {@code badf}, {@code
   * fault}, {@code ilseq} as for {@code path_open}.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_symlink}.
   */
  int pathSymlink(int targetAddress, int targetLength, int dirFd, int pathAddress, int pathLength) {
    try {
      String target = path(targetAddress, targetLength);
      DirectoryDescriptor directory = context.descriptors().directory(dirFd);
      Path link = PathResolver.resolve(directory.path(), path(pathAddress, pathLength), false);
      if (target.isEmpty()) {
        throw ErrnoException.of(Errno.NOENT);
      }
      int depth = directory.path().relativize(link).getNameCount() - 1;
      if (target.startsWith("/") || Path.of(target).isAbsolute() || climbsAbove(target, depth)) {
        throw ErrnoException.of(Errno.PERM);
      }
      Files.createSymbolicLink(link, Path.of(target));
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Reads the content of a symbolic link ({@code readlinkat}), cut to the buffer's size.
   *
   * <p>Parameters: {@code dirFd}, {@code pathAddress}, {@code pathLength} — the link; {@code
   * bufferAddress}, {@code bufferLength} — the buffer to fill; {@code usedAddress} — where to write
   * the number of bytes filled ({@code u32}).
   *
   * <p>Errno: {@code success}; {@code noent} if nothing is there; {@code inval} if it is not a
   * symbolic link; {@code notcapable}, {@code badf}, {@code fault}, {@code ilseq} as for {@code
   * path_open}.
   *
   * <p>Guest memory: the link's content (no NUL) in the buffer, its length at {@code usedAddress}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_readlink}.
   */
  int pathReadlink(
      int dirFd,
      int pathAddress,
      int pathLength,
      int bufferAddress,
      int bufferLength,
      int usedAddress) {
    try {
      Path link = resolve(dirFd, pathAddress, pathLength, false);
      GuestMemory memory = context.memory();
      memory.check(bufferAddress, bufferLength);
      memory.check(usedAddress, 4);
      byte[] content = Files.readSymbolicLink(link).toString().getBytes(StandardCharsets.UTF_8);
      int n = Math.min(content.length, bufferLength < 0 ? Integer.MAX_VALUE : bufferLength);
      System.arraycopy(content, 0, memory.bytes(), bufferAddress, n);
      memory.putU32(usedAddress, n);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  private String path(int address, int length) {
    return context.memory().path(address, length);
  }

  private Path resolve(int dirFd, int address, int length, boolean follow) throws IOException {
    return resolve(dirFd, path(address, length), follow);
  }

  private Path resolve(int dirFd, String path, boolean follow) throws IOException {
    DirectoryDescriptor directory = context.descriptors().directory(dirFd);
    return PathResolver.resolve(directory.path(), path, follow);
  }

  /** The attributes of what is at {@code path}, the entry itself; {@code noent} if nothing is. */
  private static BasicFileAttributes existing(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw ErrnoException.of(Errno.NOENT);
    }
  }

  private static String lastComponent(String path) {
    String trimmed = path;
    while (trimmed.endsWith("/") && trimmed.length() > 1) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** Whether {@code target}, read {@code depth} directories down, climbs above the top. */
  private static boolean climbsAbove(String target, int depth) {
    int level = depth;
    for (String name : target.split("/")) {
      if (name.equals("..")) {
        if (--level < 0) {
          return true;
        }
      } else if (!name.isEmpty() && !name.equals(".")) {
        level++;
      }
    }
    return false;
  }
}
