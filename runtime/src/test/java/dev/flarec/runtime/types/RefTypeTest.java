package dev.flarec.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.types.RefType.Heap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference type matching, as import linking uses it (Wasm 3.0 §3.3.1). */
class RefTypeTest {
  private static final FunctionType T = FunctionType.of(List.of(), List.of(), "reftype-t.0", null);
  private static final FunctionType SUB_T =
      FunctionType.of(List.of(), List.of(), "reftype-sub-t.0", T);

  private static RefType ref(boolean nullable, Heap heap) {
    return new RefType(nullable, heap, null);
  }

  private static RefType ref(boolean nullable, FunctionType t) {
    return new RefType(nullable, Heap.DEFINED, t);
  }

  @Test
  void nonNullableMatchesNullableButNotTheReverse() {
    assertTrue(ref(false, Heap.FUNC).matches(ref(true, Heap.FUNC)));
    assertFalse(ref(true, Heap.FUNC).matches(ref(false, Heap.FUNC)));
    assertTrue(ref(false, T).matches(ref(true, T)));
    assertFalse(ref(true, T).matches(ref(false, T)));
  }

  @Test
  void aDefinedTypeSitsBetweenNofuncAndFunc() {
    assertTrue(ref(true, T).matches(ref(true, Heap.FUNC)));
    assertFalse(ref(true, Heap.FUNC).matches(ref(true, T)));
    assertTrue(ref(true, Heap.NOFUNC).matches(ref(true, T)));
    assertTrue(ref(true, SUB_T).matches(ref(true, T)));
    assertFalse(ref(true, T).matches(ref(true, SUB_T)));
  }

  @Test
  void functionAndExternHierarchiesAreApart() {
    assertFalse(ref(true, Heap.EXTERN).matches(ref(true, Heap.FUNC)));
    assertFalse(ref(true, Heap.FUNC).matches(ref(true, Heap.EXTERN)));
    assertTrue(ref(true, Heap.NOEXTERN).matches(ref(true, Heap.EXTERN)));
    assertFalse(ref(true, Heap.NOEXTERN).matches(ref(true, T)));
  }

  @Test
  void twoPointZeroTypesAreTheNullableTops() {
    assertEquals(ref(true, Heap.FUNC), RefType.of(ValueType.FUNCREF));
    assertEquals(ref(true, Heap.EXTERN), RefType.of(ValueType.EXTERNREF));
    assertNull(RefType.of(ValueType.I32));
  }
}
