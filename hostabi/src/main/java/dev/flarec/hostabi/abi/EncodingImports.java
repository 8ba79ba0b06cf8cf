package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class EncodingImports {
  private final FlareContext context;

  EncodingImports(FlareContext context) {
    this.context = context;
  }
}
