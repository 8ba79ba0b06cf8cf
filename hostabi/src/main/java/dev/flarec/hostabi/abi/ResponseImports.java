package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class ResponseImports {
  private final FlareContext context;

  ResponseImports(FlareContext context) {
    this.context = context;
  }
}
