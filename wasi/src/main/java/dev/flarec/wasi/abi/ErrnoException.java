package dev.flarec.wasi.abi;

/**
 * A WASI function failed with {@link #errno()}. Thrown anywhere below a function and turned into
 * its return value by the binder, so that the code of a function reads as the success path with its
 * checks, not as a cascade of {@code if (err != 0) return err}.
 *
 * <p>One shared instance per errno, without a stack trace: failing is an ordinary answer (a C
 * program probing for a file gets {@code noent} in a loop), and it must cost no more than
 * returning.
 */
public final class ErrnoException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final ErrnoException[] SHARED = new ErrnoException[Errno.NOTCAPABLE + 1];

  static {
    for (int errno = 0; errno < SHARED.length; errno++) {
      SHARED[errno] = new ErrnoException(errno);
    }
  }

  private final int errno;

  private ErrnoException(int errno) {
    super(Errno.name(errno), null, false, false);
    this.errno = errno;
  }

  /** The exception for {@code errno}, one of {@link Errno}'s constants other than success. */
  public static ErrnoException of(int errno) {
    if (errno <= Errno.SUCCESS || errno >= SHARED.length) {
      throw new IllegalArgumentException("not a WASI error number: " + errno);
    }
    return SHARED[errno];
  }

  /** The error number the function returns. */
  public int errno() {
    return errno;
  }
}
