package dev.flarec.wasi.abi;

/**
 * The small enumerations and flag sets of {@code wasi_snapshot_preview1}, grouped by the witx type
 * they belong to, with the ABI's names ({@code Abi.OFlags.CREAT} is {@code oflags::creat}).
 *
 * @see <a
 *     href="https://github.com/WebAssembly/WASI/blob/main/legacy/preview1/witx/typenames.witx">typenames.witx</a>
 */
public final class Abi {
  private Abi() {}

  /** The module name every preview 1 function is imported from. */
  public static final String MODULE = "wasi_snapshot_preview1";

  /** {@code $clockid}. */
  public static final class ClockId {
    public static final int REALTIME = 0;
    public static final int MONOTONIC = 1;
    public static final int PROCESS_CPUTIME_ID = 2;
    public static final int THREAD_CPUTIME_ID = 3;

    private ClockId() {}
  }

  /** {@code $whence}: what {@code fd_seek}'s offset is relative to. */
  public static final class Whence {
    public static final int SET = 0;
    public static final int CUR = 1;
    public static final int END = 2;

    private Whence() {}
  }

  /** {@code $advice}: {@code fd_advise}'s hints, all of which flarec accepts and ignores. */
  public static final class Advice {
    public static final int NORMAL = 0;
    public static final int NOREUSE = 5;

    private Advice() {}
  }

  /** {@code $fdflags}: flags of an open descriptor. */
  public static final class FdFlags {
    public static final int APPEND = 1 << 0;
    public static final int DSYNC = 1 << 1;
    public static final int NONBLOCK = 1 << 2;
    public static final int RSYNC = 1 << 3;
    public static final int SYNC = 1 << 4;
    public static final int ALL = (1 << 5) - 1;

    private FdFlags() {}
  }

  /** {@code $oflags}: how {@code path_open} opens or creates. */
  public static final class OFlags {
    public static final int CREAT = 1 << 0;
    public static final int DIRECTORY = 1 << 1;
    public static final int EXCL = 1 << 2;
    public static final int TRUNC = 1 << 3;
    public static final int ALL = (1 << 4) - 1;

    private OFlags() {}
  }

  /** {@code $lookupflags}: how the last component of a path is resolved. */
  public static final class LookupFlags {
    public static final int SYMLINK_FOLLOW = 1 << 0;

    private LookupFlags() {}
  }

  /** {@code $fstflags}: which timestamps {@code *_filestat_set_times} sets, and to what. */
  public static final class FstFlags {
    public static final int ATIM = 1 << 0;
    public static final int ATIM_NOW = 1 << 1;
    public static final int MTIM = 1 << 2;
    public static final int MTIM_NOW = 1 << 3;
    public static final int ALL = (1 << 4) - 1;

    private FstFlags() {}
  }

  /** {@code $eventtype}: what a {@code poll_oneoff} subscription waits for. */
  public static final class EventType {
    public static final int CLOCK = 0;
    public static final int FD_READ = 1;
    public static final int FD_WRITE = 2;

    private EventType() {}
  }

  /** {@code $subclockflags}. */
  public static final class SubclockFlags {
    /** The timeout is an absolute time of the clock, not a duration from now. */
    public static final int ABSTIME = 1 << 0;

    private SubclockFlags() {}
  }

  /** {@code $eventrwflags}. */
  public static final class EventRwFlags {
    /** The peer of a stream has closed it (end of input). */
    public static final int HANGUP = 1 << 0;

    private EventRwFlags() {}
  }

  /** {@code $preopentype}: the kind of a pre-opened resource; preview 1 knows directories only. */
  public static final class PreopenType {
    public static final int DIR = 0;

    private PreopenType() {}
  }
}
