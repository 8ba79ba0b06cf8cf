package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.LinkException;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.memory.Memory64;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 64-bit memories (memory64): i64 addresses, sizes and bulk operands, beside a 32-bit memory, at
 * the default method budget and at a tiny one.
 */
class Memory64Test {
  private static final String MODULE =
      """
      (module
        (memory $m (export "m") i64 1 4)
        (memory $n 1)
        (data (memory $m) (i64.const 65530) "abcdef")
        (data $p "wxyz")
        (func (export "roundtrip") (param $a i64) (param $v i64) (result i64 i32 f32 f64)
          (i64.store offset=8 (local.get $a) (local.get $v))
          (f32.store offset=16 (local.get $a) (f32.const 1.5))
          (f64.store offset=24 (local.get $a) (f64.const -2.25))
          (i32.store8 $n (i32.const 0) (i32.const 0x1FF))
          (i64.load offset=8 (local.get $a))
          (i32.load16_s offset=8 (local.get $a))
          (f32.load offset=16 (local.get $a))
          (f64.load offset=24 (local.get $a)))
        (func (export "load8") (param i64) (result i64)
          (i64.load8_u (local.get 0)))
        (func (export "load32") (param i64) (result i32)
          (i32.load (local.get 0)))
        (func (export "size") (result i64)
          (memory.size $m))
        (func (export "grow") (param i64) (result i64)
          (memory.grow $m (local.get 0)))
        (func (export "bulk") (result i64 i64)
          (memory.fill (i64.const 1000) (i32.const 0x5A) (i64.const 8))
          (memory.copy (i64.const 2000) (i64.const 1000) (i64.const 8))
          (memory.init $p (i64.const 3000) (i32.const 0) (i32.const 4))
          (i64.load (i64.const 2000))
          (i64.load32_u (i64.const 3000)))
        (func (export "fill_past_end")
          (memory.fill (i64.const 65530) (i32.const 1) (i64.const 7))))
      """;

  private static Instance instantiate(int budget) {
    CompileOptions options = CompileOptions.defaults();
    if (budget > 0) {
      options = options.withMethodBudget(budget);
    }
    return Flarec.compileText(MODULE, options).load().instantiate();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void loadsAndStoresTakeI64Addresses(int budget) {
    Instance in = instantiate(budget);
    assertArrayEquals(
        new Object[] {0x1122334455668899L, (int) (short) 0x8899, 1.5f, -2.25},
        in.function("roundtrip").call(100L, 0x1122334455668899L));
    assertEquals((long) 'f', in.function("load8").call(65535L)[0]);
    WasmTrap trap = assertThrows(WasmTrap.class, () -> in.function("load32").call(65533L));
    assertEquals("out of bounds memory access", trap.getMessage());
    assertThrows(WasmTrap.class, () -> in.function("load8").call(-1L));
    assertThrows(WasmTrap.class, () -> in.function("load8").call(1L << 32));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void sizeGrowAndBulkOperationsAreI64(int budget) {
    Instance in = instantiate(budget);
    assertEquals(1L, in.function("size").call()[0]);
    assertEquals(1L, in.function("grow").call(2L)[0]);
    assertEquals(-1L, in.function("grow").call(2L)[0]);
    assertEquals(-1L, in.function("grow").call(1L << 40)[0]);
    assertEquals(3L, in.function("size").call()[0]);
    assertEquals(0L, in.function("load8").call(3L * 65536 - 1)[0]);
    assertArrayEquals(new Object[] {0x5A5A5A5A5A5A5A5AL, 0x7a797877L}, in.function("bulk").call());
    Memory64 m = (Memory64) in.export("m");
    assertEquals(3L, m.pages());
  }

  @Test
  void aFillPastTheEndTrapsAndWritesNothing() {
    Instance in = instantiate(0);
    assertThrows(WasmTrap.class, () -> in.function("fill_past_end").call());
    assertEquals((byte) 'a', ((Memory64) in.export("m")).readByte(65530));
  }

  @Test
  void aMemory64ImportTakesOnlyA64BitMemory() {
    String wat =
        "(module (import \"env\" \"m\" (memory i64 1)) (func (export \"f\") (result i64) (memory.size)))";
    var module = Flarec.compileText(wat, CompileOptions.defaults()).load();
    Instance in =
        module.instantiate(
            Imports.builder().memory("env", "m", new Memory64(new Limits(2, 3))).build());
    assertEquals(2L, in.function("f").call()[0]);
    assertThrows(
        LinkException.class,
        () ->
            module.instantiate(
                Imports.builder().memory("env", "m", new Memory(new Limits(2, 3))).build()));
  }

  /**
   * A module of one 64-bit memory (limits flags 4) and one function of type {@code type} (0x40: no
   * result, else the result's value type) whose body is {@code code}.
   */
  private static byte[] memory64Module(int result, int... code) {
    int[] type =
        result == 0x40 ? new int[] {0x60, 0x00, 0x00} : new int[] {0x60, 0x00, 0x01, result};
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int[] head = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, type.length + 1, 0x01};
    for (int b : head) {
      out.write(b);
    }
    for (int b : type) {
      out.write(b);
    }
    int[] rest = {
      0x03, 0x02, 0x01, 0x00, 0x05, 0x03, 0x01, 0x04, 0x01, 0x0A, code.length + 3, 0x01
    };
    for (int b : rest) {
      out.write(b);
    }
    out.write(code.length + 1);
    out.write(0x00);
    for (int b : code) {
      out.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void anI32WhereA64BitMemoryTakesAnI64IsInvalid() {
    byte[][] modules = {
      // i32.const 0, i32.load, drop, end: the address must be an i64
      memory64Module(0x40, 0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, 0x0B),
      // memory.size 0, end, in a function returning i32: the size is an i64
      memory64Module(0x7F, 0x3F, 0x00, 0x0B),
      // i64.const 0, i64.const 1, i32.store, end: the stored value must be an i32
      memory64Module(0x40, 0x42, 0x00, 0x42, 0x01, 0x36, 0x02, 0x00, 0x0B),
    };
    for (byte[] wasm : modules) {
      assertThrows(dev.flarec.compiler.InvalidModuleException.class, () -> Flarec.compile(wasm));
    }
    // the same first body with an i64 address is valid
    Flarec.compile(memory64Module(0x40, 0x42, 0x00, 0x28, 0x02, 0x00, 0x1A, 0x0B));
  }

  @Test
  void simdOnA64BitMemoryIsUnsupportedAndSaysSo() {
    String wat = "(module (memory i64 1) (func (drop (v128.load (i64.const 0)))))";
    UnsupportedModuleException e =
        assertThrows(
            UnsupportedModuleException.class,
            () -> Flarec.compileText(wat, CompileOptions.defaults()));
    assertTrue(e.getMessage().contains("64-bit memory"), e.getMessage());
  }
}
