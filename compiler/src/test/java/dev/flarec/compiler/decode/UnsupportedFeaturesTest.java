package dev.flarec.compiler.decode;

import static dev.flarec.compiler.testing.RawModules.module;
import static dev.flarec.compiler.testing.RawModules.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.UnsupportedModuleException;
import org.junit.jupiter.api.Test;

/**
 * A valid 3.0 module using GC or threads is refused as unsupported, naming the feature and the
 * instruction or type, with the function and byte offset where it is: never as malformed.
 */
class UnsupportedFeaturesTest {
  private static final int TYPE = 1;
  private static final int FUNCTION = 3;
  private static final int MEMORY = 5;
  private static final int GLOBAL = 6;
  private static final int CODE = 10;
  private static final int HEADER = 8;

  /** {@code (type (func))}, two functions of it, and the code section of their bodies. */
  private static byte[] twoFunctions(int[] first, int[] second) {
    int[] content = new int[3 + first.length + second.length];
    content[0] = 2;
    content[1] = first.length;
    System.arraycopy(first, 0, content, 2, first.length);
    content[2 + first.length] = second.length;
    System.arraycopy(second, 0, content, 3 + first.length, second.length);
    return module(section(TYPE, 1, 0x60, 0, 0), section(FUNCTION, 2, 0, 0), section(CODE, content));
  }

  /**
   * Byte offset of the second body's first instruction: after the sections before code, the code
   * section's id, size and count, the first body (size, locals, end), the second's size and locals.
   */
  private static final int SECOND_BODY_CODE = HEADER + 6 + 5 + 3 + 3 + 2;

  private static UnsupportedModuleException refused(byte[] wasm) {
    return assertThrows(UnsupportedModuleException.class, () -> Flarec.compile(wasm));
  }

  private static void assertNamesInstruction(int[] instruction, String expected) {
    int[] body = new int[instruction.length + 3];
    System.arraycopy(instruction, 0, body, 1, instruction.length);
    body[instruction.length + 1] = 0x1A; // drop whatever it leaves; never reached
    body[instruction.length + 2] = 0x0B;
    UnsupportedModuleException e = refused(twoFunctions(new int[] {0, 0x0B}, body));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    assertEquals(1, e.functionIndex(), "the function");
    assertEquals(SECOND_BODY_CODE, e.byteOffset(), "the instruction's offset");
    assertEquals("code", e.section());
    assertTrue(e.describe().startsWith("unsupported module, code section, function 1"));
  }

  @Test
  void gcInstructionsAreNamed() {
    assertNamesInstruction(new int[] {0xFB, 0x00, 0x00}, "GC struct.new ");
    assertNamesInstruction(new int[] {0xFB, 0x07, 0x00}, "GC array.new_default ");
    assertNamesInstruction(new int[] {0xFB, 0x1C}, "GC ref.i31 ");
    assertNamesInstruction(new int[] {0xFB, 0x16, 0x6E}, "GC ref.cast ");
    assertNamesInstruction(new int[] {0xFB, 0x18, 0x00, 0x00, 0x6E, 0x6E}, "GC br_on_cast ");
    assertNamesInstruction(new int[] {0xFB, 0x1A}, "GC any.convert_extern ");
    assertNamesInstruction(new int[] {0xD3}, "GC ref.eq ");
  }

  @Test
  void atomicInstructionsAreNamedAsThreads() {
    assertNamesInstruction(new int[] {0xFE, 0x03, 0x00}, "threads atomic.fence ");
    assertNamesInstruction(new int[] {0xFE, 0x10, 0x02, 0x00}, "threads i32.atomic.load ");
    assertNamesInstruction(new int[] {0xFE, 0x1E, 0x02, 0x00}, "threads i32.atomic.rmw.add ");
    assertNamesInstruction(
        new int[] {0xFE, 0x4E, 0x03, 0x00}, "threads i64.atomic.rmw32.cmpxchg_u ");
    assertNamesInstruction(new int[] {0xFE, 0x00, 0x02, 0x00}, "threads memory.atomic.notify ");
  }

  @Test
  void gcTypeDefinitionsAreNamed() {
    UnsupportedModuleException struct = refused(module(section(TYPE, 1, 0x5F, 0)));
    assertTrue(struct.getMessage().startsWith("GC struct type"), struct.getMessage());
    assertEquals("type", struct.section());
    assertEquals(HEADER + 3, struct.byteOffset());

    // inside a recursive group, the struct or array member is what is named
    UnsupportedModuleException rec = refused(module(section(TYPE, 1, 0x4E, 1, 0x5E, 0x7F, 1)));
    assertTrue(rec.getMessage().startsWith("GC array type"), rec.getMessage());
    assertEquals(HEADER + 5, rec.byteOffset());

    // a group of function types is no GC: it compiles
    Flarec.compile(module(section(TYPE, 1, 0x4E, 1, 0x60, 0, 0)));
  }

  @Test
  void aMalformedGcTypeIsMalformed() {
    // (type (array (mut? i8))) with mutability 2, as in gc/binary-gc
    assertThrows(
        dev.flarec.compiler.MalformedModuleException.class,
        () -> Flarec.compile(module(section(TYPE, 1, 0x5E, 0x78, 2))));
  }

  @Test
  void gcValueTypesAreNamed() {
    // (func (param anyref))
    UnsupportedModuleException e = refused(module(section(TYPE, 1, 0x60, 1, 0x6E, 0)));
    assertTrue(e.getMessage().startsWith("GC type anyref"), e.getMessage());
    assertEquals(HEADER + 5, e.byteOffset());
    // (func (param (ref null struct)))
    UnsupportedModuleException ref = refused(module(section(TYPE, 1, 0x60, 1, 0x63, 0x6B, 0)));
    assertTrue(ref.getMessage().startsWith("GC type structref"), ref.getMessage());
    assertEquals(HEADER + 6, ref.byteOffset(), "the heap type's byte");
    // (global i31ref ...)
    UnsupportedModuleException g = refused(module(section(GLOBAL, 1, 0x6C, 0, 0xD0, 0x6C, 0x0B)));
    assertTrue(g.getMessage().startsWith("GC type i31ref"), g.getMessage());
  }

  @Test
  void gcInAConstantExpressionIsNamed() {
    // (global funcref (struct.new_default 0)) : the instruction is found before its type
    UnsupportedModuleException e =
        refused(module(section(GLOBAL, 1, 0x70, 0, 0xFB, 0x01, 0x00, 0x0B)));
    assertTrue(e.getMessage().startsWith("GC struct.new_default"), e.getMessage());
    assertEquals("global", e.section());
    assertEquals(CompileException.UNKNOWN, e.functionIndex());
  }

  @Test
  void sharedMemoryIsNamedAsThreads() {
    UnsupportedModuleException e = refused(module(section(MEMORY, 1, 0x03, 1, 1)));
    assertTrue(e.getMessage().startsWith("threads shared memory"), e.getMessage());
    assertEquals(HEADER + 3, e.byteOffset());
  }

  /**
   * What the parser decodes is held to what flarec compiles as well: a GC instruction that reached
   * it (here past flarec's own checker) is refused with its name, function and byte offset.
   */
  @Test
  void theDecodedModuleIsHeldToWhatFlarecCompiles() {
    // second body: ref.null func, ref.null func, ref.eq, drop, end
    byte[] wasm =
        twoFunctions(new int[] {0, 0x0B}, new int[] {0, 0xD0, 0x70, 0xD0, 0x70, 0xD3, 0x1A, 0x0B});
    var parsed =
        run.endive.wasm.Parser.builder()
            .withValidation(false)
            .build()
            .parse(() -> new java.io.ByteArrayInputStream(wasm));
    UnsupportedModuleException e =
        assertThrows(
            UnsupportedModuleException.class, () -> UnsupportedFeatures.checkDecoded(parsed, 0));
    assertTrue(e.getMessage().startsWith("GC ref.eq"), e.getMessage());
    assertEquals(1, e.functionIndex());
    assertEquals(SECOND_BODY_CODE + 4, e.byteOffset());
    assertTrue(UnsupportedFeatures.compiles(run.endive.wasm.types.OpCode.RETURN_CALL_REF));
    assertTrue(!UnsupportedFeatures.compiles(run.endive.wasm.types.OpCode.STRUCT_NEW));
  }
}
