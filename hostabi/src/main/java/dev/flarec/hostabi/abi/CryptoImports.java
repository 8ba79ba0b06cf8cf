package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class CryptoImports {
  private final FlareContext context;

  CryptoImports(FlareContext context) {
    this.context = context;
  }
}
