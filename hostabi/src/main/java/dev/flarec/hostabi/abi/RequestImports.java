package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class RequestImports {
  private final FlareContext context;

  RequestImports(FlareContext context) {
    this.context = context;
  }
}
