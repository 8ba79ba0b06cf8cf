package dev.flarec.runtime.trap;

/**
 * The catalogue of every trap a compiled module can raise, each with the exact wording of the
 * WebAssembly specification's reference interpreter, which is what {@code assert_trap} and {@code
 * assert_exhaustion} in the spec test scripts compare against.
 *
 * <p>Keep every trap message here and nowhere else, so that the wording stays in one place.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#syntax-trap">Wasm 2.0
 *     §4.2.14 traps</a>
 */
public enum TrapKind {
  UNREACHABLE("unreachable"),
  INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
  INTEGER_OVERFLOW("integer overflow"),
  INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
  OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
  OUT_OF_BOUNDS_TABLE_ACCESS("out of bounds table access"),
  UNDEFINED_ELEMENT("undefined element"),
  UNINITIALIZED_ELEMENT("uninitialized element"),
  INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
  CALL_STACK_EXHAUSTED("call stack exhausted"),
  /** {@code throw_ref} of a null exnref. */
  NULL_EXCEPTION_REFERENCE("null exception reference"),
  /** {@code call_ref} or {@code return_call_ref} of a null reference. */
  NULL_FUNCTION_REFERENCE("null function reference"),
  /** {@code ref.as_non_null} of a null reference. */
  NULL_REFERENCE("null reference"),
  /** Raised when the host asked the instance to stop (for example at a request deadline). */
  INTERRUPTED("interrupted"),
  /** Raised when the host cannot provide the memory an instance needs (not a spec trap). */
  MEMORY_LIMIT_EXCEEDED("memory limit exceeded");

  private final String message;

  TrapKind(String message) {
    this.message = message;
  }

  /** The spec's wording for this trap. */
  public String message() {
    return message;
  }
}
