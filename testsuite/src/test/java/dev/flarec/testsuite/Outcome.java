package dev.flarec.testsuite;

/**
 * The result of one command: passed, or failed (with a description of what was expected and what
 * happened).
 *
 * @param detail for a failure, {@code expected ..., got ...}; otherwise null
 */
record Outcome(Status status, String detail) {
  /** How a command ended. */
  enum Status {
    PASSED,
    FAILED
  }

  private static final Outcome PASS = new Outcome(Status.PASSED, null);

  static Outcome pass() {
    return PASS;
  }

  static Outcome fail(String detail) {
    return new Outcome(Status.FAILED, detail);
  }
}
