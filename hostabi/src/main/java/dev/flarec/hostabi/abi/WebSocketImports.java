package dev.flarec.hostabi.abi;

/** Placeholder: this family's host functions are being written. */
final class WebSocketImports {
  private final FlareContext context;

  WebSocketImports(FlareContext context) {
    this.context = context;
  }
}
