package dev.flarec.runtime.exception;

/**
 * A WebAssembly exception in flight: an instance of a tag with its payload values.
 *
 * <p>Not a {@link dev.flarec.runtime.trap.WasmTrap}: {@code try_table} catches this type and
 * nothing else, and a trap passes through every handler.
 */
public class WasmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The tag's identity: instances compare tags by reference. */
  private final transient Object tag;

  /** The payload, one boxed value per parameter of the tag's type. */
  private final transient Object[] payload;

  public WasmException(Object tag, Object[] payload) {
    // No stack trace: Wasm code may throw and catch in a loop, and the trace is never shown.
    super("uncaught WebAssembly exception", null, false, false);
    this.tag = tag;
    this.payload = payload;
  }

  /** The tag this exception is an instance of. */
  public Object tag() {
    return tag;
  }

  /** The payload values, in the order of the tag's parameters. */
  public Object[] payload() {
    return payload;
  }
}
