package dev.flarec.wasi.fd;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.FileType;
import dev.flarec.wasi.abi.Rights;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * A readable stream, normally standard input: a Java {@link InputStream} the embedder supplies. It
 * behaves like a pipe: reads return what is there (blocking for the first byte only), it cannot
 * seek, and closing the descriptor leaves the stream to its owner.
 */
public final class InputStreamDescriptor extends StreamDescriptor {
  private final InputStream in;

  /**
   * @param fileType {@link FileType#CHARACTER_DEVICE} for a terminal, which makes the C library
   *     treat it as interactive; {@link FileType#UNKNOWN} otherwise
   */
  public InputStreamDescriptor(InputStream in, int fileType) {
    super(Rights.STREAM & ~Rights.FD_WRITE, fileType);
    this.in = in;
  }

  /**
   * Fills the buffers in order, but blocks only for the first byte: once something was read, a
   * later buffer is filled only from what is already available, as {@code readv} on a pipe does.
   */
  @Override
  public long read(ByteBuffer[] buffers) throws IOException {
    long total = 0;
    for (ByteBuffer buffer : buffers) {
      if (!buffer.hasRemaining()) {
        continue;
      }
      if (total > 0 && in.available() <= 0) {
        break;
      }
      int n = in.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
      if (n < 0) {
        break;
      }
      buffer.position(buffer.position() + n);
      total += n;
      if (buffer.hasRemaining()) {
        break;
      }
    }
    return total;
  }

  @Override
  public long pread(ByteBuffer[] buffers, long offset) {
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
  public void sync(boolean metadata) {
    throw ErrnoException.of(Errno.INVAL);
  }

  @Override
  public long readableBytes() throws IOException {
    return Math.max(0, in.available());
  }
}
