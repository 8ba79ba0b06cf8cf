package dev.flarec.wasi.abi;

/**
 * The guest called {@code proc_exit}: the program is over, with {@link #status()} as its exit
 * status. Thrown out of the host function so that it unwinds the guest's stack like a process exit;
 * the runtime's trap boundary lets it through unchanged, and {@code Wasi.runStart} turns it into
 * its return value. An embedder calling {@code _start} itself catches it.
 *
 * <p>Not a {@link dev.flarec.runtime.trap.WasmTrap}: exiting is not an error, whatever the status.
 * The instance must not be called again afterwards, as a process does not run after {@code exit}.
 */
public final class WasiExit extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public WasiExit(int status) {
    super("proc_exit(" + Integer.toUnsignedString(status) + ")", null, false, false);
    this.status = status;
  }

  /** The status the guest passed ({@code exitcode}, an unsigned 32-bit value). */
  public int status() {
    return status;
  }
}
