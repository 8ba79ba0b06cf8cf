package dev.flarec.runtime.trap;

/**
 * A WebAssembly trap: execution of the current export call was aborted.
 *
 * <p>Compiled code throws this type and nothing else; JVM errors raised inside compiled code
 * ({@link StackOverflowError}, {@link IndexOutOfBoundsException}) are turned into traps by {@link
 * TrapBoundary} where Wasm is entered from Java.
 */
public class WasmTrap extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final TrapKind kind;

  public WasmTrap(TrapKind kind) {
    super(kind.message());
    this.kind = kind;
  }

  /** A trap whose message adds {@code detail} (for example the element index) to the spec text. */
  public WasmTrap(TrapKind kind, String detail) {
    super(kind.message() + " " + detail);
    this.kind = kind;
  }

  public WasmTrap(TrapKind kind, Throwable cause) {
    super(kind.message(), cause);
    this.kind = kind;
  }

  /** What kind of trap this is. */
  public TrapKind kind() {
    return kind;
  }

  /** Factory used by generated code: {@code invokestatic WasmTrap.of; athrow}. */
  public static WasmTrap of(TrapKind kind) {
    return new WasmTrap(kind);
  }

  /** Generated code for {@code unreachable}. */
  public static WasmTrap unreachable() {
    return new WasmTrap(TrapKind.UNREACHABLE);
  }

  /** Generated code for the back-edge and function-entry interruption check. */
  public static WasmTrap interrupted() {
    return new WasmTrap(TrapKind.INTERRUPTED);
  }

  /** Generated code for an access whose static offset alone is already out of bounds. */
  public static WasmTrap outOfBoundsMemory() {
    return new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
  }
}
