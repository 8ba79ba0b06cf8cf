package dev.flarec.compiler.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.testing.MethodSizeCheck;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.trap.WasmTrap;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 64-bit tables of typed references, {@code (ref null $t)} and {@code (ref $t)} with an
 * initialiser: every table instruction on them validates with the table's own element type, though
 * the parser's validator reads them through a rewritten copy (see ParserInput). Binary modules: the
 * installed wabt knows neither table64 nor typed tables.
 */
class TypedTable64Test {
  private static final int T = 0; // $t: (func (result i32))
  private static final int P = 1; // (func (param i64) (result i32)), every export
  private static final int U = 2; // $u: (func (param i32) (result i32)), not $t

  private static final int SEVEN = 0;
  private static final int NINE = 1;
  private static final int OTHER = 2;

  private static final int NULLABLE = 0; // (table i64 4 (ref null $t))
  private static final int NON_NULL = 1; // (table i64 4 (ref $t) (ref.func $seven))
  private static final int PASSIVE = 1; // element segment (ref $t): seven, nine

  private static final String[] EXPORTS = {
    "get",
    "set",
    "fill",
    "grow",
    "getNN",
    "setNN",
    "fillNN",
    "growNN",
    "copy",
    "init",
    "callIndirect",
    "returnCallIndirect"
  };

  /** The body of each export in {@link #EXPORTS}, parameter 0 an i64 index or count. */
  private static final int[][] BODIES = {
    {0x20, 0, 0x25, NULLABLE, 0x14, T}, // call_ref $t (table.get 0 p)
    {0x20, 0, 0xD2, NINE, 0x26, NULLABLE, 0x41, 0}, // table.set 0 p nine
    {0x20, 0, 0xD2, SEVEN, 0x42, 1, 0xFC, 17, NULLABLE, 0x41, 0}, // table.fill 0 p seven 1
    {0xD2, NINE, 0x20, 0, 0xFC, 15, NULLABLE, 0xA7}, // table.grow 0 nine p
    {0x20, 0, 0x25, NON_NULL, 0x14, T}, // call_ref $t (table.get 1 p)
    {0x20, 0, 0xD2, NINE, 0x26, NON_NULL, 0x41, 0}, // table.set 1 p nine
    {0x20, 0, 0xD2, NINE, 0x42, 1, 0xFC, 17, NON_NULL, 0x41, 0}, // table.fill 1 p nine 1
    {0xD2, NINE, 0x20, 0, 0xFC, 15, NON_NULL, 0xA7}, // table.grow 1 nine p
    {0x42, 0, 0x42, 0, 0x20, 0, 0xFC, 14, NULLABLE, NON_NULL, 0x41, 0}, // table.copy 0 1 0 0 p
    {0x20, 0, 0x41, 0, 0x41, 2, 0xFC, 12, PASSIVE, NULLABLE, 0x41, 0}, // table.init 0 1 p 0 2
    {0x20, 0, 0x11, T, NULLABLE}, // call_indirect 0 $t p
    {0x20, 0, 0x13, T, NULLABLE}, // return_call_indirect 0 $t p
  };

  private static byte[] module(int[]... extraBodies) {
    Bytes types =
        new Bytes().u(3).b(0x60, 0, 1, 0x7F).b(0x60, 1, 0x7E, 1, 0x7F).b(0x60, 1, 0x7F, 1, 0x7F);
    int functions = 3 + EXPORTS.length + extraBodies.length;
    Bytes funcs = new Bytes().u(functions).b(T, T, U);
    for (int i = 3; i < functions; i++) {
      funcs.b(P);
    }
    Bytes tables =
        new Bytes()
            .u(2)
            .b(0x63, T, 0x04, 4) // (ref null $t), i64, min 4
            .b(0x40, 0x00, 0x64, T, 0x04, 4, 0xD2, SEVEN, 0x0B); // (ref $t), initialiser
    Bytes exports = new Bytes().u(EXPORTS.length + extraBodies.length);
    for (int i = 0; i < EXPORTS.length + extraBodies.length; i++) {
      String name = i < EXPORTS.length ? EXPORTS[i] : "extra" + (i - EXPORTS.length);
      exports.u(name.length()).raw(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      exports.b(0x00).u(3 + i);
    }
    Bytes elements =
        new Bytes()
            .u(3)
            // active, table 0, offset (i64.const 1), (ref null $t): nine
            .b(0x06, NULLABLE, 0x42, 1, 0x0B, 0x63, T, 1, 0xD2, NINE, 0x0B)
            // passive (ref $t): seven, nine
            .b(0x05, 0x64, T, 2, 0xD2, SEVEN, 0x0B, 0xD2, NINE, 0x0B)
            // declarative: other
            .b(0x03, 0x00, 1, OTHER);
    Bytes code = new Bytes().u(functions);
    body(code, 0x41, 7);
    body(code, 0x41, 9);
    body(code, 0x20, 0);
    for (int[] b : BODIES) {
      body(code, b);
    }
    for (int[] b : extraBodies) {
      body(code, b);
    }
    Bytes wasm = new Bytes().b(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    wasm.section(1, types).section(3, funcs).section(4, tables).section(7, exports);
    wasm.section(9, elements).section(10, code);
    return wasm.toArray();
  }

  private static void body(Bytes code, int... instructions) {
    Bytes b = new Bytes().u(0).b(instructions).b(0x0B);
    code.u(b.size()).raw(b.toArray());
  }

  private static Instance instance(int budget) {
    CompileOptions options =
        budget == 0
            ? CompileOptions.defaults()
            : CompileOptions.defaults().withMethodBudget(budget);
    CompiledModule compiled = Flarec.compile(module(), options);
    if (budget > 0) {
      MethodSizeCheck.assertWithin(compiled, budget);
    }
    return compiled.load().instantiate();
  }

  private static int call(Instance in, String name, long p) {
    return (int) in.function(name).call(p)[0];
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void aNullableTypedTable64TakesEveryTableInstruction(int budget) {
    Instance in = instance(budget);
    assertEquals(9, call(in, "get", 1)); // the active segment's element
    assertThrows(WasmTrap.class, () -> call(in, "get", 0));
    assertEquals(0, call(in, "set", 2));
    assertEquals(9, call(in, "get", 2));
    assertEquals(0, call(in, "fill", 3));
    assertEquals(7, call(in, "get", 3));
    assertEquals(4, call(in, "grow", 2));
    assertEquals(9, call(in, "get", 5));
    assertEquals(9, call(in, "callIndirect", 1));
    assertEquals(7, call(in, "returnCallIndirect", 3));
    assertThrows(WasmTrap.class, () -> call(in, "callIndirect", 0));
    assertThrows(WasmTrap.class, () -> call(in, "get", 6));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void aNonNullableTable64StartsFromItsInitialiser(int budget) {
    Instance in = instance(budget);
    assertEquals(7, call(in, "getNN", 0));
    assertEquals(7, call(in, "getNN", 3));
    assertEquals(0, call(in, "setNN", 1));
    assertEquals(9, call(in, "getNN", 1));
    assertEquals(0, call(in, "fillNN", 2));
    assertEquals(9, call(in, "getNN", 2));
    assertEquals(4, call(in, "growNN", 1));
    assertEquals(9, call(in, "getNN", 4));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void copyAndInitMoveTypedReferencesIntoA64BitTable(int budget) {
    Instance in = instance(budget);
    assertEquals(0, call(in, "setNN", 1));
    assertEquals(0, call(in, "copy", 2)); // nullable[0..2) = non-null[0..2): seven, nine
    assertEquals(7, call(in, "get", 0));
    assertEquals(9, call(in, "get", 1));
    assertEquals(0, call(in, "init", 2)); // nullable[2..4) = seven, nine
    assertEquals(7, call(in, "get", 2));
    assertEquals(9, call(in, "callIndirect", 3));
  }

  @Test
  void aFunctionOfAnotherTypeIsRefusedByTheTable() {
    // table.set 0 p (ref.func $other): (ref $u) is not a (ref null $t)
    int[] wrongSet = {0x20, 0, 0xD2, OTHER, 0x26, NULLABLE, 0x41, 0};
    assertRefused(module(wrongSet));
    // table.fill 1 p (ref.func $other) 1
    int[] wrongFill = {0x20, 0, 0xD2, OTHER, 0x42, 1, 0xFC, 17, NON_NULL, 0x41, 0};
    assertRefused(module(wrongFill));
    // table.grow 1 (ref.func $other) p
    int[] wrongGrow = {0xD2, OTHER, 0x20, 0, 0xFC, 15, NON_NULL, 0xA7};
    assertRefused(module(wrongGrow));
    // table.set 1 p (ref.null $t): null into a non-nullable table
    int[] nullIntoNonNull = {0x20, 0, 0xD0, T, 0x26, NON_NULL, 0x41, 0};
    assertRefused(module(nullIntoNonNull));
  }

  /** Refused as invalid, naming the added function (the last) and the types that clash. */
  private static void assertRefused(byte[] wasm) {
    InvalidModuleException e =
        assertThrows(InvalidModuleException.class, () -> Flarec.compile(wasm));
    String message = e.getMessage();
    assertTrue(message.startsWith("type mismatch: instruction requires [ref"), message);
    assertFalse(message.contains("\n"), message);
    assertEquals(3 + EXPORTS.length, e.functionIndex(), message);
  }

  /** A growable byte buffer with unsigned LEB128 and section framing. */
  private static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes b(int... values) {
      for (int v : values) {
        out.write(v);
      }
      return this;
    }

    Bytes u(long v) {
      do {
        int b = (int) (v & 0x7F);
        v >>>= 7;
        out.write(v != 0 ? b | 0x80 : b);
      } while (v != 0);
      return this;
    }

    Bytes raw(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    Bytes section(int id, Bytes content) {
      return b(id).u(content.size()).raw(content.toArray());
    }

    int size() {
      return out.size();
    }

    byte[] toArray() {
      return out.toByteArray();
    }
  }
}
