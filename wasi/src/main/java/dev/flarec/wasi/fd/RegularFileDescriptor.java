package dev.flarec.wasi.fd;

import dev.flarec.wasi.abi.Abi;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.FileType;
import dev.flarec.wasi.abi.Rights;
import dev.flarec.wasi.fs.FileStat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;

/**
 * An open regular file: a {@link FileChannel} and the host path it was opened at (for status and
 * times). Whether it can be read and written is fixed when it is opened, by the {@link
 * Rights#FD_READ} and {@link Rights#FD_WRITE} rights asked for; removing a right later also removes
 * the ability.
 *
 * <p>Append mode is applied here (each write goes to the end) rather than by opening the channel
 * with {@code APPEND}, so that {@code fd_fdstat_set_flags} can switch it on an open file.
 */
public final class RegularFileDescriptor extends Descriptor {
  private final FileChannel channel;
  private final Path path;
  private final boolean readable;
  private final boolean writable;

  /**
   * @param readable whether {@code channel} was opened for reading
   * @param writable whether {@code channel} was opened for writing
   */
  public RegularFileDescriptor(
      FileChannel channel,
      Path path,
      boolean readable,
      boolean writable,
      long rightsBase,
      long rightsInheriting,
      int flags) {
    super(rightsBase, rightsInheriting, flags);
    this.channel = channel;
    this.path = path;
    this.readable = readable;
    this.writable = writable;
  }

  @Override
  public int fileType() {
    return FileType.REGULAR_FILE;
  }

  @Override
  public FileStat stat() throws IOException {
    try {
      return FileStat.of(path, false).withSize(channel.size());
    } catch (NoSuchFileException e) {
      // unlinked while open: the file lives on through the channel
      return FileStat.ofStream(FileType.REGULAR_FILE).withSize(channel.size());
    }
  }

  @Override
  public long read(ByteBuffer[] buffers) throws IOException {
    requireReadable();
    return Math.max(0, channel.read(buffers));
  }

  @Override
  public long write(ByteBuffer[] buffers) throws IOException {
    requireWritable();
    if ((flags() & Abi.FdFlags.APPEND) != 0) {
      channel.position(channel.size());
    }
    long total = 0;
    for (ByteBuffer buffer : buffers) {
      while (buffer.hasRemaining()) {
        total += channel.write(buffer);
      }
    }
    return total;
  }

  @Override
  public long pread(ByteBuffer[] buffers, long offset) throws IOException {
    requireReadable();
    requireOffset(offset);
    long total = 0;
    for (ByteBuffer buffer : buffers) {
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, offset + total);
        if (n <= 0) {
          return total;
        }
        total += n;
      }
    }
    return total;
  }

  @Override
  public long pwrite(ByteBuffer[] buffers, long offset) throws IOException {
    requireWritable();
    requireOffset(offset);
    long total = 0;
    for (ByteBuffer buffer : buffers) {
      while (buffer.hasRemaining()) {
        total += channel.write(buffer, offset + total);
      }
    }
    return total;
  }

  @Override
  public long seek(long offset, int whence) throws IOException {
    long base =
        switch (whence) {
          case Abi.Whence.SET -> 0;
          case Abi.Whence.CUR -> channel.position();
          case Abi.Whence.END -> channel.size();
          default -> throw ErrnoException.of(Errno.INVAL);
        };
    long target;
    try {
      target = Math.addExact(base, offset);
    } catch (ArithmeticException e) {
      throw ErrnoException.of(Errno.INVAL);
    }
    requireOffset(target);
    channel.position(target);
    return target;
  }

  @Override
  public long tell() throws IOException {
    return channel.position();
  }

  @Override
  public void setSize(long size) throws IOException {
    requireWritable();
    requireOffset(size);
    long current = channel.size();
    if (size < current) {
      // FileChannel.truncate also pulls the position back; ftruncate leaves it alone
      long position = channel.position();
      channel.truncate(size);
      channel.position(position);
    } else if (size > current) {
      channel.write(ByteBuffer.allocate(1), size - 1);
    }
  }

  @Override
  public void allocate(long offset, long length) throws IOException {
    requireOffset(offset);
    requireOffset(length);
    long end;
    try {
      end = Math.addExact(offset, length);
    } catch (ArithmeticException e) {
      throw ErrnoException.of(Errno.FBIG);
    }
    if (end > channel.size()) {
      setSize(end);
    }
  }

  @Override
  public void sync(boolean metadata) throws IOException {
    channel.force(metadata);
  }

  @Override
  public void setTimes(FileTime access, FileTime modified) throws IOException {
    Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(modified, access, null);
  }

  @Override
  public long readableBytes() throws IOException {
    return Math.max(0, channel.size() - channel.position());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void requireReadable() {
    if (!readable || (rightsBase() & Rights.FD_READ) == 0) {
      throw ErrnoException.of(Errno.BADF);
    }
  }

  private void requireWritable() {
    if (!writable || (rightsBase() & Rights.FD_WRITE) == 0) {
      throw ErrnoException.of(Errno.BADF);
    }
  }

  /** Offsets and sizes are unsigned in WASI; past 2^63 they are beyond any file. */
  private static void requireOffset(long offset) {
    if (offset < 0) {
      throw ErrnoException.of(Errno.INVAL);
    }
  }
}
