package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class TimeImports {
  private final FlareContext context;

  TimeImports(FlareContext context) {
    this.context = context;
  }
}
