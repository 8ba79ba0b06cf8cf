package dev.flarec.runtime.launch;

/**
 * The exit statuses of both command-line front ends ({@code flarec} and a compiled JAR's {@link
 * ModuleMain}), kept in one place so that scripts can tell a bad input from a trapping module
 * whichever of the two they run.
 */
public final class ExitStatus {
  /** Success. */
  public static final int OK = 0;

  /** Bad input: a missing or malformed file, an unknown export, a bad argument value. */
  public static final int BAD_INPUT = 1;

  /** Bad usage: an unknown option or a missing parameter (picocli's default status too). */
  public static final int USAGE = 2;

  /**
   * The module trapped while being instantiated or invoked, or a Wasm exception no handler caught
   * left it.
   */
  public static final int TRAP = 3;

  /** A bug in flarec itself: reported with a stack trace. */
  public static final int INTERNAL_ERROR = 4;

  private ExitStatus() {}

  /**
   * Reports a failure of a compiled JAR's launcher as its one line on {@code err} ({@code PROGRAM:
   * message}, {@code PROGRAM: trap: message}, or an internal error with its stack trace) and
   * returns the matching status.
   */
  public static int report(String program, Throwable failure, java.io.PrintStream err) {
    if (failure instanceof LaunchException) {
      err.println(program + ": " + failure.getMessage());
      return BAD_INPUT;
    }
    if (failure instanceof dev.flarec.runtime.trap.WasmTrap) {
      err.println(program + ": trap: " + failure.getMessage());
      return TRAP;
    }
    if (failure instanceof dev.flarec.runtime.exception.WasmException) {
      err.println(program + ": " + failure.getMessage());
      return TRAP;
    }
    err.println(program + ": internal error, please report: " + failure);
    failure.printStackTrace(err);
    return INTERNAL_ERROR;
  }
}
