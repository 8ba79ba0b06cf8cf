package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class BeamImports {
  private final FlareContext context;

  BeamImports(FlareContext context) {
    this.context = context;
  }
}
