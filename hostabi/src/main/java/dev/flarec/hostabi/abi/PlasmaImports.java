package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class PlasmaImports {
  private final FlareContext context;

  PlasmaImports(FlareContext context) {
    this.context = context;
  }
}
