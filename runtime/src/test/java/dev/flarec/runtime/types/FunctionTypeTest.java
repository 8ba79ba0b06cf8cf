package dev.flarec.runtime.types;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Function types are interned by run-time signature and canonical key; subtypes match upward. */
class FunctionTypeTest {
  private static final List<ValueType> I32 = List.of(ValueType.I32);

  @Test
  void typesWithTheSameKeyAreOneObject() {
    assertSame(FunctionType.of(I32, List.of()), FunctionType.of(I32, List.of(), null, null));
    assertSame(FunctionType.of(I32, I32, "k.0", null), FunctionType.of(I32, I32, "k.0", null));
  }

  @Test
  void aKeyTellsTypesOfOneSignatureApart() {
    FunctionType plain = FunctionType.of(I32, I32);
    FunctionType keyed = FunctionType.of(I32, I32, "k.1", null);
    assertNotSame(plain, keyed);
    assertFalse(keyed.matches(plain));
    assertTrue(keyed.sameValueTypes(plain));
  }

  @Test
  void aDeclaredSubtypeMatchesItsSupertypesButNotTheReverse() {
    FunctionType top = FunctionType.of(List.of(), List.of(), "top.0", null);
    FunctionType middle = FunctionType.of(List.of(), List.of(), "middle.0", top);
    FunctionType bottom = FunctionType.of(List.of(), List.of(), "bottom.0", middle);
    assertTrue(bottom.matches(top));
    assertTrue(bottom.matches(bottom));
    assertFalse(top.matches(middle));
    assertSame(middle, bottom.supertype());
  }
}
