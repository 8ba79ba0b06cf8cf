package dev.flarec.wasi.abi;

/**
 * The kinds of file a descriptor or directory entry can be ({@code $filetype}, one byte in {@code
 * fdstat}, {@code filestat} and {@code dirent}).
 *
 * @see <a
 *     href="https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/witx/typenames.witx">typenames.witx,
 *     {@code $filetype}</a>
 */
public final class FileType {
  /** The type is unknown or none of the others (a pipe, a Java stream). */
  public static final int UNKNOWN = 0;

  public static final int BLOCK_DEVICE = 1;

  /** A terminal; with no seek right, what {@code isatty} looks for. */
  public static final int CHARACTER_DEVICE = 2;

  public static final int DIRECTORY = 3;

  public static final int REGULAR_FILE = 4;

  public static final int SOCKET_DGRAM = 5;

  public static final int SOCKET_STREAM = 6;

  public static final int SYMBOLIC_LINK = 7;

  private FileType() {}
}
