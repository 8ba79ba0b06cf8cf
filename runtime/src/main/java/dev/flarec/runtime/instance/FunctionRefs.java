package dev.flarec.runtime.instance;

import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;

/**
 * What compiled code calls for typed function references: the null checks of {@code call_ref},
 * {@code return_call_ref} and {@code ref.as_non_null}. Validation has already proved the
 * reference's type, so a non-null reference needs no further check.
 */
public final class FunctionRefs {
  private FunctionRefs() {}

  /** The function {@code ref} designates, for a call; traps on null. */
  public static FunctionRef forCall(Object ref) {
    if (ref == null) {
      throw new WasmTrap(TrapKind.NULL_FUNCTION_REFERENCE);
    }
    return (FunctionRef) ref;
  }

  /** {@code ref.as_non_null}: {@code ref} itself; traps on null. */
  public static Object nonNull(Object ref) {
    if (ref == null) {
      throw new WasmTrap(TrapKind.NULL_REFERENCE);
    }
    return ref;
  }
}
