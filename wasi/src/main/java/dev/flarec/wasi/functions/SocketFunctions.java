package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Errno;

/**
 * Sockets ({@code sock_accept}, {@code sock_recv}, {@code sock_send}, {@code sock_shutdown}).
 * Preview 1 can only use sockets handed over as pre-opened descriptors, and flarec hands over none,
 * so no descriptor is ever a socket: each function checks the descriptor and answers {@code
 * notsup}.
 */
final class SocketFunctions {
  private final WasiContext context;

  SocketFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Accepts a connection on a listening socket: not supported.
   *
   * <p>Parameters: {@code fd} — the socket; {@code flags} — {@code fdflags} for the new descriptor;
   * {@code newFdAddress} — where the new descriptor would be written.
   *
   * <p>Errno: {@code badf} if {@code fd} is not open; {@code notsup} otherwise.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code sock_accept}.
   */
  int sockAccept(int fd, int flags, int newFdAddress) {
    try {
      return unsupported(fd);
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Receives from a socket: not supported.
   *
   * <p>Parameters: {@code fd} — the socket; {@code iovs}, {@code iovsLength} — address and count of
   * the {@code iovec} array to receive into; {@code flags} — {@code riflags}; {@code
   * lengthAddress}, {@code roFlagsAddress} — where the received size and {@code roflags} would be
   * written.
   *
   * <p>Errno: {@code badf} if {@code fd} is not open; {@code notsup} otherwise.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code sock_recv}.
   */
  int sockRecv(int fd, int iovs, int iovsLength, int flags, int lengthAddress, int roFlagsAddress) {
    try {
      return unsupported(fd);
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Sends on a socket: not supported.
   *
   * <p>Parameters: {@code fd} — the socket; {@code iovs}, {@code iovsLength} — address and count of
   * the {@code ciovec} array to send; {@code flags} — {@code siflags}; {@code lengthAddress} —
   * where the sent size would be written.
   *
   * <p>Errno: {@code badf} if {@code fd} is not open; {@code notsup} otherwise.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code sock_send}.
   */
  int sockSend(int fd, int iovs, int iovsLength, int flags, int lengthAddress) {
    try {
      return unsupported(fd);
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Shuts down a socket: not supported.
   *
   * <p>Parameters: {@code fd} — the socket; {@code how} — {@code sdflags}.
   *
   * <p>Errno: {@code badf} if {@code fd} is not open; {@code notsup} otherwise.
   *
   * <p>Guest memory: nothing.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code sock_shutdown}.
   */
  int sockShutdown(int fd, int how) {
    try {
      return unsupported(fd);
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  private int unsupported(int fd) {
    context.descriptors().get(fd);
    return Errno.NOTSUP;
  }
}
