package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class IdImports {
  private final FlareContext context;

  IdImports(FlareContext context) {
    this.context = context;
  }
}
