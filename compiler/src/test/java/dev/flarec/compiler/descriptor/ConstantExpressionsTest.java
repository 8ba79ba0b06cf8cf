package dev.flarec.compiler.descriptor;

import static dev.flarec.compiler.testing.RawModules.module;
import static dev.flarec.compiler.testing.RawModules.section;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.runtime.instance.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WebAssembly 3.0's extended constant expressions and table initialisers, in every place a constant
 * expression goes: global initialisers (compiled), segment offsets and a table's initial value
 * (evaluated at instantiation), reading globals defined in the module.
 */
class ConstantExpressionsTest {
  private static final byte[] TYPES =
      section(1, 3, 0x60, 0, 1, 0x7F, 0x60, 1, 0x7F, 1, 0x7F, 0x60, 0, 1, 0x7E);

  /**
   *
   *
   * <pre>
   * (global $a i32 (i32.const 10))
   * (global $b i32 (i32.add (global.get $a) (i32.mul (i32.const 3) (i32.const 4))))   ;; 22
   * (global $c i64 (i64.sub (i64.const 100) (i64.const 7)))                           ;; 93
   * (table 8 funcref (ref.func $answer))               ;; every element $answer (42)
   * (elem (offset (i32.sub (global.get $a) (i32.const 7))) $seven)                    ;; at 3
   * (data (offset (i32.sub (global.get $b) (i32.const 2))) "A")                       ;; at 20
   * </pre>
   */
  private static byte[] everyPlace() {
    return module(
        TYPES,
        section(3, 6, 0, 0, 2, 1, 0, 0),
        section(4, 1, 0x40, 0x00, 0x70, 0x00, 0x08, 0xD2, 0x00, 0x0B),
        section(5, 1, 0x00, 0x01),
        section(
            6, 3, //
            0x7F, 0x00, 0x41, 0x0A, 0x0B, //
            0x7F, 0x00, 0x23, 0x00, 0x41, 0x03, 0x41, 0x04, 0x6C, 0x6A, 0x0B, //
            0x7E, 0x00, 0x42, 0xE4, 0x00, 0x42, 0x07, 0x7D, 0x0B),
        section(
            7, 4, //
            2, 'g', '1', 0x00, 1, //
            2, 'g', '2', 0x00, 2, //
            6, 'c', 'a', 'l', 'l', 'A', 't', 0x00, 3, //
            4, 'l', 'o', 'a', 'd', 0x00, 5),
        section(9, 1, 0x00, 0x23, 0x00, 0x41, 0x07, 0x6B, 0x0B, 1, 0x04),
        section(
            10, 6, //
            4, 0x00, 0x41, 0x2A, 0x0B, //
            4, 0x00, 0x23, 0x01, 0x0B, //
            4, 0x00, 0x23, 0x02, 0x0B, //
            7, 0x00, 0x20, 0x00, 0x11, 0x00, 0x00, 0x0B, //
            4, 0x00, 0x41, 0x07, 0x0B, //
            7, 0x00, 0x41, 0x14, 0x2D, 0x00, 0x00, 0x0B),
        section(11, 1, 0x00, 0x23, 0x01, 0x41, 0x02, 0x6B, 0x0B, 1, 'A'));
  }

  @ParameterizedTest(name = "method budget {0}")
  @ValueSource(ints = {8000, 300})
  void constantExpressionsComputeInEveryPlace(int budget) {
    Instance i =
        Flarec.compile(everyPlace(), CompileOptions.defaults().withMethodBudget(budget))
            .load()
            .instantiate();
    assertArrayEquals(new Object[] {22}, i.function("g1").call());
    assertArrayEquals(new Object[] {93L}, i.function("g2").call());
    assertArrayEquals(new Object[] {42}, i.function("callAt").call(0), "the table initialiser");
    assertArrayEquals(new Object[] {7}, i.function("callAt").call(3), "the element segment");
    assertArrayEquals(new Object[] {42}, i.function("callAt").call(7));
    assertArrayEquals(new Object[] {(int) 'A'}, i.function("load").call(), "the data segment");
  }

  private static InvalidModuleException invalidGlobal(int... global) {
    int[] content = new int[global.length + 1];
    content[0] = 1;
    System.arraycopy(global, 0, content, 1, global.length);
    return assertThrows(
        InvalidModuleException.class, () -> Flarec.compile(module(section(6, content))));
  }

  @Test
  void anIllTypedConstantExpressionIsInvalid() {
    // (global i32 (i32.add (i64.const 1) (i32.const 1)))
    InvalidModuleException e = invalidGlobal(0x7F, 0x00, 0x42, 0x01, 0x41, 0x01, 0x6A, 0x0B);
    assertTrue(e.getMessage().startsWith("type mismatch"), e.getMessage());
    // (global i32 (i32.const 1) (i32.const 2)): two values left
    e = invalidGlobal(0x7F, 0x00, 0x41, 0x01, 0x41, 0x02, 0x0B);
    assertTrue(e.getMessage().startsWith("type mismatch"), e.getMessage());
    // (global i32 (i32.div_s (i32.const 1) (i32.const 1))): not a constant instruction
    e = invalidGlobal(0x7F, 0x00, 0x41, 0x01, 0x41, 0x01, 0x6D, 0x0B);
    assertTrue(e.getMessage().startsWith("constant expression required"), e.getMessage());
    // (global i32 (global.get 0)): a global may read only those before it
    e = invalidGlobal(0x7F, 0x00, 0x23, 0x00, 0x0B);
    assertTrue(e.getMessage().startsWith("unknown global 0"), e.getMessage());
  }
}
