package dev.flarec.wasi.fd;

import dev.flarec.wasi.abi.Abi;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.fs.FileStat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.attribute.FileTime;

/**
 * An open descriptor: a standard stream, a regular file or a directory. Each kind overrides the
 * operations it supports; the others fail with the errno POSIX gives for that kind (reading a
 * directory is {@link Errno#ISDIR}, seeking a stream {@link Errno#SPIPE}), {@link Errno#BADF}
 * unless a subclass says otherwise.
 *
 * <p>Buffers passed in and out are views of guest memory, so data moves between the host and the
 * guest without an intermediate copy where the host API allows.
 */
public abstract class Descriptor {
  private long rightsBase;
  private long rightsInheriting;
  private int flags;

  protected Descriptor(long rightsBase, long rightsInheriting, int flags) {
    this.rightsBase = rightsBase;
    this.rightsInheriting = rightsInheriting;
    this.flags = flags;
  }

  /** The WASI file type ({@link dev.flarec.wasi.abi.FileType}). */
  public abstract int fileType();

  /** The status of what this descriptor refers to. */
  public abstract FileStat stat() throws IOException;

  public final long rightsBase() {
    return rightsBase;
  }

  public final long rightsInheriting() {
    return rightsInheriting;
  }

  /**
   * Narrows the rights; a descriptor can never gain a right.
   *
   * @throws ErrnoException {@link Errno#NOTCAPABLE} if a right not held now is asked for
   */
  public final void restrictRights(long base, long inheriting) {
    if ((base & ~rightsBase) != 0 || (inheriting & ~rightsInheriting) != 0) {
      throw ErrnoException.of(Errno.NOTCAPABLE);
    }
    rightsBase = base;
    rightsInheriting = inheriting;
  }

  /** The {@link Abi.FdFlags} in effect. */
  public final int flags() {
    return flags;
  }

  /**
   * Sets the {@link Abi.FdFlags}. Append and non-blocking are recorded (append changes where {@link
   * #write} writes); the synchronous-I/O flags cannot be switched on an open Java channel.
   *
   * @throws ErrnoException {@link Errno#INVAL} for bits outside the set, {@link Errno#NOTSUP} to
   *     change a synchronous-I/O flag
   */
  public void setFlags(int newFlags) {
    if ((newFlags & ~Abi.FdFlags.ALL) != 0) {
      throw ErrnoException.of(Errno.INVAL);
    }
    int sync = Abi.FdFlags.DSYNC | Abi.FdFlags.RSYNC | Abi.FdFlags.SYNC;
    if ((newFlags & sync) != (flags & sync)) {
      throw ErrnoException.of(Errno.NOTSUP);
    }
    flags = newFlags;
  }

  /** Reads into {@code buffers} in order; returns the bytes read, 0 at the end. */
  public long read(ByteBuffer[] buffers) throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** Writes {@code buffers} in order; returns the bytes written. */
  public long write(ByteBuffer[] buffers) throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** Reads at {@code offset} without moving the position. */
  public long pread(ByteBuffer[] buffers, long offset) throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** Writes at {@code offset} without moving the position. */
  public long pwrite(ByteBuffer[] buffers, long offset) throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** Moves the position ({@link Abi.Whence}) and returns the new one. */
  public long seek(long offset, int whence) throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** The current position. */
  public long tell() throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** Truncates or extends (with zeros) to {@code size} bytes. */
  public void setSize(long size) throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** Makes sure {@code [offset, offset + length)} is allocated, extending the file if needed. */
  public void allocate(long offset, long length) throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** Forces written data (and metadata too, if {@code metadata}) to the device. */
  public void sync(boolean metadata) throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** Sets the access and modification times; a null leaves that one as it is. */
  public void setTimes(FileTime access, FileTime modified) throws IOException {
    throw ErrnoException.of(Errno.BADF);
  }

  /** How many bytes a read would return now without blocking, for {@code poll_oneoff}. */
  public long readableBytes() throws IOException {
    return 0;
  }

  /** Releases what the descriptor holds on the host. Called once, when it leaves the table. */
  public void close() throws IOException {}
}
