package dev.flarec.runtime.trap;

/**
 * Translates what escapes compiled code into the trap the WebAssembly semantics call for.
 *
 * <p>Compiled code relies on the JVM's own checks where they coincide with Wasm's: the range checks
 * on linear memory ({@code Objects.checkIndex} against the memory's size, and the array's own) and
 * the thread's stack limit. Those surface as JVM throwables and are translated here, once, where
 * Java enters Wasm (export calls, the start function), so that the hot path throws nothing of its
 * own. See docs/RATIONALE.md#why-memory-grows-by-doubling.
 */
public final class TrapBoundary {
  private TrapBoundary() {}

  /**
   * Returns the exception to throw in place of {@code t}. Wasm traps and exceptions thrown on
   * purpose by host functions pass through unchanged.
   */
  public static RuntimeException translate(Throwable t) {
    if (t instanceof WasmTrap trap) {
      return trap;
    }
    if (t instanceof StackOverflowError) {
      return new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED, t);
    }
    if (t instanceof IndexOutOfBoundsException) {
      return new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, t);
    }
    if (t instanceof OutOfMemoryError) {
      return new WasmTrap(TrapKind.MEMORY_LIMIT_EXCEEDED, t);
    }
    if (t instanceof RuntimeException re) {
      return re;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("checked exception escaped compiled code", t);
  }
}
