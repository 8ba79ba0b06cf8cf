package dev.flarec.wasi.fd;

import dev.flarec.wasi.fs.FileStat;

/**
 * What the standard-stream descriptors share: a Java stream stands behind them, so they have no
 * file of their own to stat, only the file type the embedder declared (a terminal or not).
 */
abstract class StreamDescriptor extends Descriptor {
  private final int fileType;

  StreamDescriptor(long rights, int fileType) {
    super(rights, 0, 0);
    this.fileType = fileType;
  }

  @Override
  public final int fileType() {
    return fileType;
  }

  @Override
  public final FileStat stat() {
    return FileStat.ofStream(fileType);
  }
}
