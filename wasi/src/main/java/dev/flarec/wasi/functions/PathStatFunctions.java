package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Abi.LookupFlags;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.abi.Layout;
import dev.flarec.wasi.fd.DirectoryDescriptor;
import dev.flarec.wasi.fs.FileStat;
import dev.flarec.wasi.fs.PathResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;

/**
 * File status by path ({@code path_filestat_get}, {@code path_filestat_set_times}): {@code stat}
 * and {@code lstat}, {@code utimensat}.
 */
final class PathStatFunctions {
  private final WasiContext context;

  PathStatFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Returns the status of a file by path: {@code stat}, or {@code lstat} when a symbolic link at
   * the end is not followed.
   *
   * <p>Parameters: {@code dirFd} — the directory the path is relative to; {@code lookupFlags} — 1
   * to follow a symbolic link as the last component; {@code pathAddress}, {@code pathLength} — the
   * path, UTF-8; {@code statAddress} — where to write a {@code filestat} (64 bytes, as for {@code
   * fd_filestat_get}).
   *
   * <p>Errno: {@code success}; {@code noent} if nothing is there; {@code notcapable} if the path
   * leaves the directory; {@code badf}, {@code notdir}, {@code loop}, {@code ilseq} as for {@code
   * path_open}; {@code fault} if the path or the {@code filestat} lies outside memory.
   *
   * <p>Guest memory: the {@code filestat}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_filestat_get}.
   */
  int pathFilestatGet(
      int dirFd, int lookupFlags, int pathAddress, int pathLength, int statAddress) {
    try {
      Path target = resolve(dirFd, lookupFlags, pathAddress, pathLength);
      GuestMemory memory = context.memory();
      memory.check(statAddress, Layout.Filestat.SIZE);
      // a followed link was resolved already: what is left at the end is never one to follow
      FileStat.of(target, false).write(memory, statAddress);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Sets the access and modification times of a file by path ({@code utimensat}).
   *
   * <p>Parameters: {@code dirFd} — the directory the path is relative to; {@code lookupFlags} — 1
   * to follow a symbolic link as the last component (else the link's own times are set); {@code
   * pathAddress}, {@code pathLength} — the path, UTF-8; {@code atim}, {@code mtim} — the times in
   * nanoseconds since the epoch ({@code u64}); {@code fstFlags} — which to set, as for {@code
   * fd_filestat_set_times}.
   *
   * <p>Errno: {@code success}; {@code inval} for unknown flag bits or both a time and now for the
   * same time; {@code noent}, {@code notcapable}, {@code badf}, {@code notdir}, {@code fault},
   * {@code ilseq} as for {@code path_filestat_get}.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code path_filestat_set_times}.
   */
  int pathFilestatSetTimes(
      int dirFd,
      int lookupFlags,
      int pathAddress,
      int pathLength,
      long atim,
      long mtim,
      int fstFlags) {
    try {
      Path target = resolve(dirFd, lookupFlags, pathAddress, pathLength);
      TimeChange change = TimeChange.decode(atim, mtim, fstFlags, context.realtime());
      BasicFileAttributeView view =
          Files.getFileAttributeView(
              target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      // reading first turns a missing file into noent, as utimensat reports it
      view.readAttributes();
      if (!change.isEmpty()) {
        view.setTimes(change.modified(), change.access(), null);
      }
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  private Path resolve(int dirFd, int lookupFlags, int pathAddress, int pathLength)
      throws IOException {
    DirectoryDescriptor directory = context.descriptors().directory(dirFd);
    String path = context.memory().path(pathAddress, pathLength);
    boolean follow = (lookupFlags & LookupFlags.SYMLINK_FOLLOW) != 0;
    return PathResolver.resolve(directory.path(), path, follow);
  }
}
