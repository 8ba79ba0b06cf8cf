package dev.flarec.testsuite;

/**
 * The result of one command: passed, failed (with a description of what was expected and what
 * happened), or not applicable to flarec.
 *
 * @param detail for a failure, {@code expected ..., got ...}; otherwise null
 */
record Outcome(Status status, String detail) {
  /** How a command ended. */
  enum Status {
    PASSED,
    FAILED,
    NOT_APPLICABLE
  }

  private static final Outcome PASS = new Outcome(Status.PASSED, null);
  private static final Outcome NOT_APPLICABLE = new Outcome(Status.NOT_APPLICABLE, null);

  static Outcome pass() {
    return PASS;
  }

  static Outcome notApplicable() {
    return NOT_APPLICABLE;
  }

  static Outcome fail(String detail) {
    return new Outcome(Status.FAILED, detail);
  }
}
