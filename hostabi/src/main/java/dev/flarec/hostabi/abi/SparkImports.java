package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class SparkImports {
  private final FlareContext context;

  SparkImports(FlareContext context) {
    this.context = context;
  }
}
