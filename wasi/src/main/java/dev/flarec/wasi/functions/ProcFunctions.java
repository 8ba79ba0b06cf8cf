package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.WasiExit;

/**
 * The process ({@code proc_exit}, {@code proc_raise}, {@code sched_yield}). A guest is one JVM
 * thread running one instance, so exiting means unwinding that thread back to whoever called {@code
 * _start}, and there are no signals.
 */
final class ProcFunctions {
  /**
   * Ends the program.
   *
   * <p>Parameters: {@code status} — the exit status ({@code exitcode}, {@code u32}); 0 is success.
   *
   * <p>Errno: none, as it does not return: it throws {@link WasiExit}, which unwinds the guest's
   * stack and becomes the result of {@code Wasi.runStart} (and the exit status of {@code flarec
   * run} and of a compiled command JAR).
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code proc_exit}.
   */
  // proc_exit ends the guest by throwing; the guest calls it
  @SuppressWarnings("DoNotCallSuggester")
  void procExit(int status) {
    throw new WasiExit(status);
  }

  /**
   * Sends a signal to the process: not supported (preview 1 deprecated it; wasi-libc no longer
   * calls it).
   *
   * <p>Parameters: {@code signal} — the signal number.
   *
   * <p>Errno: always {@code nosys}.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code proc_raise}.
   */
  int procRaise(int signal) {
    return Errno.NOSYS;
  }

  /**
   * Lets other threads run ({@link Thread#yield}).
   *
   * <p>Parameters: none.
   *
   * <p>Errno: always {@code success}.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code sched_yield}.
   */
  @SuppressWarnings("ThreadPriorityCheck") // sched_yield asks for exactly this
  int schedYield() {
    Thread.yield();
    return Errno.SUCCESS;
  }
}
