package dev.flarec.wasi.abi;

/**
 * Sizes and field offsets of the structures WASI functions read from and write to guest memory, as
 * witx lays them out for wasm32 (little-endian, natural alignment). The names follow the witx field
 * names; the C header {@code wasi/api.h} asserts the same numbers.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/witx/typenames.witx">typenames.witx</a>
 */
public final class Layout {
  private Layout() {}

  /** {@code $iovec} / {@code $ciovec}: {@code buf: u32} (pointer), {@code buf_len: u32}. */
  public static final class Iovec {
    public static final int SIZE = 8;
    public static final int BUF = 0;
    public static final int BUF_LEN = 4;

    private Iovec() {}
  }

  /** {@code $fdstat}. */
  public static final class Fdstat {
    public static final int SIZE = 24;
    public static final int FILETYPE = 0;
    public static final int FLAGS = 2;
    public static final int RIGHTS_BASE = 8;
    public static final int RIGHTS_INHERITING = 16;

    private Fdstat() {}
  }

  /** {@code $filestat}: device, inode, type, link count, size and three timestamps (ns). */
  public static final class Filestat {
    public static final int SIZE = 64;
    public static final int DEV = 0;
    public static final int INO = 8;
    public static final int FILETYPE = 16;
    public static final int NLINK = 24;
    public static final int FILE_SIZE = 32;
    public static final int ATIM = 40;
    public static final int MTIM = 48;
    public static final int CTIM = 56;

    private Filestat() {}
  }

  /** {@code $dirent}: the header before each name {@code fd_readdir} writes. */
  public static final class Dirent {
    public static final int SIZE = 24;
    public static final int NEXT = 0;
    public static final int INO = 8;
    public static final int NAMLEN = 16;
    public static final int TYPE = 20;

    private Dirent() {}
  }

  /** {@code $prestat}: tag {@code u8}, then {@code pr_name_len: u32} for a directory. */
  public static final class Prestat {
    public static final int SIZE = 8;
    public static final int TAG = 0;
    public static final int NAME_LEN = 4;

    private Prestat() {}
  }

  /**
   * {@code $subscription}: {@code userdata: u64}, then a tagged union ({@code u8} tag at 8, its
   * body at 16): for a clock {@code id: u32}, {@code timeout: u64}, {@code precision: u64}, {@code
   * flags: u16}; for an fd event {@code file_descriptor: u32}.
   */
  public static final class Subscription {
    public static final int SIZE = 48;
    public static final int USERDATA = 0;
    public static final int TAG = 8;
    public static final int CLOCK_ID = 16;
    public static final int CLOCK_TIMEOUT = 24;
    public static final int CLOCK_PRECISION = 32;
    public static final int CLOCK_FLAGS = 40;
    public static final int FD = 16;

    private Subscription() {}
  }

  /**
   * {@code $event}: {@code userdata: u64}, {@code error: u16} (an errno), {@code type: u8}, and for
   * fd events {@code nbytes: u64} and {@code flags: u16}.
   */
  public static final class Event {
    public static final int SIZE = 32;
    public static final int USERDATA = 0;
    public static final int ERROR = 8;
    public static final int TYPE = 10;
    public static final int NBYTES = 16;
    public static final int FLAGS = 24;

    private Event() {}
  }
}
