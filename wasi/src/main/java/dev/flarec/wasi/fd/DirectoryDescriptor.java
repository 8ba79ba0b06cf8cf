package dev.flarec.wasi.fd;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.FileType;
import dev.flarec.wasi.fs.DirectoryEntries;
import dev.flarec.wasi.fs.FileStat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * An open directory: a pre-opened one or one opened beneath it. Paths given with it are resolved
 * beneath it and can never leave it, not even towards the pre-opened directory it was opened from
 * (see {@link dev.flarec.wasi.fs.PathResolver}).
 *
 * <p>It holds the directory's canonical host path, not an operating-system handle: the JDK cannot
 * open a directory as a channel portably, nor resolve relative to one. Renaming the directory on
 * the host behind the guest's back therefore leaves the descriptor pointing at the old path.
 */
public final class DirectoryDescriptor extends Descriptor {
  private final Path path;
  private final String preopenName;
  private List<DirectoryEntries.Entry> listing;

  /**
   * @param path the directory's canonical host path
   * @param preopenName the name the guest knows a pre-opened directory by, or null for a directory
   *     the guest opened itself
   */
  public DirectoryDescriptor(
      Path path, String preopenName, long rightsBase, long rightsInheriting) {
    super(rightsBase, rightsInheriting, 0);
    this.path = path;
    this.preopenName = preopenName;
  }

  /** The canonical host path paths are resolved beneath. */
  public Path path() {
    return path;
  }

  /** The guest's name for this pre-opened directory, or null if it was not pre-opened. */
  public String preopenName() {
    return preopenName;
  }

  @Override
  public int fileType() {
    return FileType.DIRECTORY;
  }

  @Override
  public FileStat stat() throws IOException {
    return FileStat.of(path, true);
  }

  /**
   * The entries for a listing that resumes at {@code cookie}: read afresh when a listing starts
   * (cookie 0), the same snapshot while it continues, so cookies stay valid.
   */
  public List<DirectoryEntries.Entry> entries(long cookie) throws IOException {
    if (cookie == 0 || listing == null) {
      listing = DirectoryEntries.list(path, preopenName != null);
    }
    return listing;
  }

  @Override
  public long read(ByteBuffer[] buffers) {
    throw ErrnoException.of(Errno.ISDIR);
  }

  @Override
  public long write(ByteBuffer[] buffers) {
    throw ErrnoException.of(Errno.ISDIR);
  }

  @Override
  public long pread(ByteBuffer[] buffers, long offset) {
    throw ErrnoException.of(Errno.ISDIR);
  }

  @Override
  public long pwrite(ByteBuffer[] buffers, long offset) {
    throw ErrnoException.of(Errno.ISDIR);
  }

  @Override
  public void sync(boolean metadata) {
    // nothing is buffered on our side, and the JDK has no portable fsync of a directory
  }

  @Override
  public void setTimes(FileTime access, FileTime modified) throws IOException {
    Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(modified, access, null);
  }
}
