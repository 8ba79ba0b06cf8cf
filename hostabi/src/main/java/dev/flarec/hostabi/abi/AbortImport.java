package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class AbortImport {
  private final FlareContext context;

  AbortImport(FlareContext context) {
    this.context = context;
  }
}
