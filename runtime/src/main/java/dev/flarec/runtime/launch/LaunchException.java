package dev.flarec.runtime.launch;

/**
 * What a user asked for on the command line cannot be done: an unknown export, the wrong number of
 * arguments, an argument that is not a value of its type, a module that needs imports. The message
 * is one line, fit to print after a program-name prefix, and says what exists or what was expected,
 * so that the user can correct the command without reading a stack trace.
 */
public final class LaunchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LaunchException(String message) {
    super(message);
  }

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
