package dev.flarec.runtime.types;

/**
 * A reference type as Wasm 3.0 writes it, {@code (ref null? heaptype)}: what linking needs to tell
 * apart the globals and tables that {@link ValueType} carries alike (every function reference is a
 * funcref at run time). Code never sees it; imports are matched by it (§4.5.2, external types).
 *
 * @param nullable whether {@code null} belongs to the type
 * @param heap the abstract heap type, or {@link Heap#DEFINED} for a function type index
 * @param defined the (interned) function type for {@link Heap#DEFINED}, else {@code null}
 * @see <a href="https://webassembly.github.io/spec/core/valid/matching.html">Wasm 3.0 §3.3.1
 *     matching</a>
 */
public record RefType(boolean nullable, Heap heap, FunctionType defined) {
  /** The heap types flarec compiles: the function and extern hierarchies and their bottoms. */
  public enum Heap {
    FUNC,
    NOFUNC,
    EXTERN,
    NOEXTERN,
    DEFINED
  }

  /** The Wasm 2.0 reference type carried as {@code t}, or {@code null} for a number or vector. */
  public static RefType of(ValueType t) {
    return switch (t) {
      case FUNCREF -> new RefType(true, Heap.FUNC, null);
      case EXTERNREF -> new RefType(true, Heap.EXTERN, null);
      default -> null;
    };
  }

  /** Whether a value of this type may be used where {@code expected} is wanted (subtyping). */
  public boolean matches(RefType expected) {
    if (nullable && !expected.nullable) {
      return false;
    }
    return switch (expected.heap) {
      case FUNC -> heap == Heap.FUNC || heap == Heap.NOFUNC || heap == Heap.DEFINED;
      case DEFINED ->
          heap == Heap.NOFUNC || (heap == Heap.DEFINED && defined.matches(expected.defined));
      case NOFUNC -> heap == Heap.NOFUNC;
      case EXTERN -> heap == Heap.EXTERN || heap == Heap.NOEXTERN;
      case NOEXTERN -> heap == Heap.NOEXTERN;
    };
  }

  @Override
  public String toString() {
    String h =
        heap == Heap.DEFINED ? defined.toString() : heap.name().toLowerCase(java.util.Locale.ROOT);
    return nullable ? "(ref null " + h + ")" : "(ref " + h + ")";
  }
}
