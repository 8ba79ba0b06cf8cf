package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Errno;
import java.io.IOException;

/** The descriptor table ({@code fd_close}, {@code fd_renumber}). Opening is {@code path_open}'s. */
final class DescriptorFunctions {
  private final WasiContext context;

  DescriptorFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Closes a descriptor. Standard streams and pre-opened directories may be closed too; the Java
   * streams behind standard streams are flushed but stay open, as their owner's.
   *
   * <p>Parameters: {@code fd} — the descriptor.
   *
   * <p>Errno: {@code success}; {@code badf} if {@code fd} is not open; {@code io} and others if the
   * host fails to close a file (the number is free either way).
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_close}.
   */
  int fdClose(int fd) {
    try {
      context.descriptors().close(fd);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Moves a descriptor to another number, closing what was there ({@code dup2} then {@code close}).
   * Renumbering a descriptor to itself does nothing.
   *
   * <p>Parameters: {@code from} — the descriptor to move; {@code to} — its new number, which must
   * be open.
   *
   * <p>Errno: {@code success}; {@code badf} if either is not open.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code fd_renumber}.
   */
  int fdRenumber(int from, int to) {
    try {
      context.descriptors().renumber(from, to);
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }
}
