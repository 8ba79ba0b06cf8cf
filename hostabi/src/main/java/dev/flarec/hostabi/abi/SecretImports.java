package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class SecretImports {
  private final FlareContext context;

  SecretImports(FlareContext context) {
    this.context = context;
  }
}
