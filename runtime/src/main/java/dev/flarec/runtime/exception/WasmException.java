package dev.flarec.runtime.exception;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;

/**
 * A WebAssembly exception in flight: an instance of a {@link Tag} with its payload values. It is
 * also what an {@code exnref} holds, so {@code throw_ref} rethrows the very same object and a
 * rethrown exception keeps its identity.
 *
 * <p>Not a {@link WasmTrap}: {@code try_table} catches this type and nothing else, and a trap
 * passes through every handler. It crosses host boundaries unchanged: a host function may throw one
 * (made with {@link Tag#exception}) for Wasm code to catch, and one that no Wasm handler catches
 * leaves the export call as itself. See docs/RATIONALE.md#why-wasm-exceptions-are-jvm-exceptions.
 */
public class WasmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Tag tag;

  /** The payload, one boxed value per parameter of the tag's type. */
  private final transient Object[] payload;

  /** An exception of {@code tag}; {@link Tag#exception} checks the payload against the tag. */
  public WasmException(Tag tag, Object[] payload) {
    // No stack trace: Wasm code may throw and catch in a loop, and the trace is never shown.
    super("uncaught WebAssembly exception", null, false, false);
    this.tag = tag;
    this.payload = payload;
  }

  /** The tag this exception is an instance of. */
  public Tag tag() {
    return tag;
  }

  /** True when this exception is an instance of {@code t} (tags compare by identity). */
  public boolean is(Tag t) {
    return tag == t;
  }

  /** A copy of the payload values, in the order of the tag's parameters. */
  public Object[] payload() {
    return payload.clone();
  }

  /** The payload value at {@code index}. */
  public Object payload(int index) {
    return payload[index];
  }

  @Override
  public String getMessage() {
    return "uncaught WebAssembly exception of " + tag;
  }

  // ---- called by compiled code ----

  /** The payload without a copy, for a {@code catch} clause to push onto the operand stack. */
  public static Object[] payloadOf(Object exception) {
    return ((WasmException) exception).payload;
  }

  /** {@code throw_ref}: the exception an exnref holds, or the trap for a null reference. */
  public static WasmException rethrow(Object exnref) {
    if (exnref == null) {
      throw new WasmTrap(TrapKind.NULL_EXCEPTION_REFERENCE);
    }
    return (WasmException) exnref;
  }
}
