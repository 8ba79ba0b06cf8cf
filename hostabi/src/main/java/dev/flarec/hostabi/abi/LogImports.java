package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class LogImports {
  private final FlareContext context;

  LogImports(FlareContext context) {
    this.context = context;
  }
}
