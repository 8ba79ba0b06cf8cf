package dev.flarec.wasi.fd;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.FileType;
import dev.flarec.wasi.abi.Rights;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;

/**
 * A writable stream, normally standard output or error: a Java {@link OutputStream} the embedder
 * supplies. Every write is flushed, because the guest's C library buffers already and decides when
 * output should appear (at a newline on a terminal, when its buffer fills otherwise). Closing the
 * descriptor flushes and leaves the stream to its owner.
 */
public final class OutputStreamDescriptor extends StreamDescriptor {
  private final OutputStream out;

  /**
   * @param fileType {@link FileType#CHARACTER_DEVICE} for a terminal (the C library then
   *     line-buffers), {@link FileType#UNKNOWN} otherwise
   */
  public OutputStreamDescriptor(OutputStream out, int fileType) {
    super(Rights.STREAM & ~Rights.FD_READ, fileType);
    this.out = out;
  }

  @Override
  public long write(ByteBuffer[] buffers) throws IOException {
    long total = 0;
    for (ByteBuffer buffer : buffers) {
      out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      total += buffer.remaining();
      buffer.position(buffer.limit());
    }
    out.flush();
    // a PrintStream (System.out) swallows its errors: a closed pipe must still fail the write
    if (out instanceof PrintStream print && print.checkError()) {
      throw ErrnoException.of(Errno.PIPE);
    }
    return total;
  }

  @Override
  public long pwrite(ByteBuffer[] buffers, long offset) {
    throw ErrnoException.of(Errno.SPIPE);
  }

  @Override
  public long seek(long offset, int whence) {
    throw ErrnoException.of(Errno.SPIPE);
  }

  @Override
  public long tell() {
    throw ErrnoException.of(Errno.SPIPE);
  }

  @Override
  public void sync(boolean metadata) throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
