package dev.flarec.compiler.cli;

/**
 * A failure caused by what the user gave flarec, reported as {@code flarec: <message>} with an exit
 * status and no stack trace. Anything else that escapes a command is a bug in flarec.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  UserError(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The exit status, one of {@link dev.flarec.runtime.launch.ExitStatus}. */
  int status() {
    return status;
  }
}
