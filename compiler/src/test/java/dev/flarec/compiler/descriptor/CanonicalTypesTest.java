package dev.flarec.compiler.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.compiler.decode.ModuleDecoder;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import run.endive.wasm.types.TypeSection;

/** Canonical keys follow the 3.0 iso-recursive equivalence of function types. */
class CanonicalTypesTest {
  private static final int REC = 0x4E;
  private static final int SUB = 0x50;
  private static final int SUB_FINAL = 0x4F;
  private static final int FUNC = 0x60;
  private static final int I32 = 0x7F;
  private static final int REF = 0x64;
  private static final int REF_NULL = 0x63;

  /** A module of one type section holding {@code groups} groups, given encoded. */
  private static byte[] module(int groups, int... typeSection) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.write(groups);
    for (int b : typeSection) {
      content.write(b);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1});
    out.write(content.size());
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  private static TypeSection types(int groups, int... typeSection) {
    return ModuleDecoder.decode(module(groups, typeSection)).typeSection();
  }

  @Test
  void typesAreTheSameWhenTheirGroupsAreAndTheyStandAtTheSamePlace() {
    TypeSection s =
        types(
            9,
            // 0, 1: a pair of mutually recursive types
            REC,
            2,
            FUNC,
            2,
            I32,
            REF,
            1,
            0,
            FUNC,
            2,
            I32,
            REF,
            0,
            0,
            // 2, 3: the same pair again
            REC,
            2,
            FUNC,
            2,
            I32,
            REF,
            3,
            0,
            FUNC,
            2,
            I32,
            REF,
            2,
            0,
            // 4: a type 2.0 can write
            FUNC,
            1,
            I32,
            0,
            // 5, 6: a reference to type 0 and one to its equal, type 2
            FUNC,
            1,
            REF,
            0,
            0,
            FUNC,
            1,
            REF,
            2,
            0,
            // 7: a nullable reference to the plain type 4
            FUNC,
            1,
            REF_NULL,
            4,
            0,
            // 8: an open (non-final) subtype declaration of ()->()
            SUB,
            0,
            FUNC,
            0,
            0,
            // 9: plain ()->()
            FUNC,
            0,
            0,
            // 10: a final subtype of 8
            SUB_FINAL,
            1,
            8,
            FUNC,
            0,
            0);
    String[] keys = CanonicalTypes.keys(s);
    assertEquals(11, keys.length);
    assertEquals(keys[0], keys[2]);
    assertEquals(keys[1], keys[3]);
    assertNotEquals(keys[0], keys[1], "same structure, other place in the group");
    assertNull(keys[4]);
    assertEquals(keys[5], keys[6], "references to equal types are equal");
    assertNotNull(keys[7]);
    assertNotNull(keys[8]);
    assertNull(keys[9]);
    assertNotEquals(keys[8], keys[10]);
    assertEquals(8, CanonicalTypes.supertype(s, 10));
    assertEquals(-1, CanonicalTypes.supertype(s, 9));
  }

  @Test
  void aSelfReferenceDiffersFromAReferenceToAnEqualTypeOutsideTheGroup() {
    TypeSection s =
        types(
            3,
            // 0: (rec (type (func (param i32 (ref 0)))))
            REC,
            1,
            FUNC,
            2,
            I32,
            REF,
            0,
            0,
            // 1: the same, without the rec wrapper: the same type
            FUNC,
            2,
            I32,
            REF,
            1,
            0,
            // 2: (func (param i32 (ref 0))): refers to type 0, not to itself
            FUNC,
            2,
            I32,
            REF,
            0,
            0);
    String[] keys = CanonicalTypes.keys(s);
    assertEquals(keys[0], keys[1]);
    assertNotEquals(keys[0], keys[2]);
  }

  @Test
  void structTypesAreUnsupportedAsGc() {
    UnsupportedModuleException e =
        assertThrows(
            UnsupportedModuleException.class,
            () -> ModuleDecoder.decode(module(1, 0x5F, 1, I32, 0)));
    assertTrue(e.getMessage().contains("GC struct type"), e.getMessage());
  }
}
