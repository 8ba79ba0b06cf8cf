package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.simd.V128;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Multiple memories (WebAssembly 3.0): every memory instruction reaches the memory its index names,
 * at the default method budget and at a tiny one that splits every function into runs.
 */
class MultipleMemoriesTest {
  private static final String MODULE =
      """
      (module
        (import "env" "shared" (memory $imp 1 2))
        (memory $a 1)
        (memory $b (export "b") 1 3)
        (data (memory $b) (i32.const 16) "hello")
        (data $p "wxyz")
        (func (export "store_load") (param $addr i32) (param $v i32) (result i32 i32 i32)
          (i32.store $b (local.get $addr) (local.get $v))
          (i32.store $a (local.get $addr) (i32.const 7))
          (i32.store16 $imp offset=2 (local.get $addr) (i32.const 0x1234))
          (i32.load $a (local.get $addr))
          (i32.load $b (local.get $addr))
          (i32.load16_u $imp offset=2 (local.get $addr)))
        (func (export "wide") (param $addr i32) (result i64 f64)
          (i64.store $b (local.get $addr) (i64.const 0x0102030405060708))
          (f64.store $b offset=8 (local.get $addr) (f64.const 2.5))
          (i64.load $b (local.get $addr))
          (f64.load $b offset=8 (local.get $addr)))
        (func (export "data") (result i32)
          (i32.load8_u $b (i32.const 20)))
        (func (export "sizes") (result i32 i32 i32)
          (memory.size $imp) (memory.size $a) (memory.size $b))
        (func (export "grow_b") (param i32) (result i32)
          (memory.grow $b (local.get 0)))
        (func (export "load_b") (param i32) (result i32)
          (i32.load $b (local.get 0)))
        (func (export "fill_copy") (result i32 i32 i32)
          (memory.fill $b (i32.const 100) (i32.const 0xAB) (i32.const 4))
          (memory.copy $a $b (i32.const 200) (i32.const 100) (i32.const 4))
          (memory.copy $b $b (i32.const 101) (i32.const 100) (i32.const 4))
          (i32.load $a (i32.const 200))
          (i32.load $b (i32.const 100))
          (i32.load $a (i32.const 100)))
        (func (export "init") (result i32)
          (memory.init $b $p (i32.const 300) (i32.const 0) (i32.const 4))
          (i32.load $b (i32.const 300)))
        (func (export "simd") (result v128)
          (v128.store $b (i32.const 400) (v128.const i32x4 1 2 3 4))
          (v128.load32_lane $b 0 (i32.const 404) (v128.load $b (i32.const 400))))
        (func (export "copy_out_of_bounds")
          (memory.copy $a $b (i32.const 0) (i32.const 65535) (i32.const 2))))
      """;

  private static Instance instantiate(int budget, Memory shared) {
    CompileOptions options = CompileOptions.defaults();
    if (budget > 0) {
      options = options.withMethodBudget(budget);
    }
    return Flarec.compileText(MODULE, options)
        .load()
        .instantiate(Imports.builder().memory("env", "shared", shared).build());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void eachInstructionReachesItsMemory(int budget) {
    Memory shared = new Memory(new Limits(1, 2));
    Instance in = instantiate(budget, shared);
    assertArrayEquals(new Object[] {7, 0x55, 0x1234}, in.function("store_load").call(8, 0x55));
    assertEquals(0x34, shared.readByte(10) & 0xFF, "the imported memory was written");
    assertArrayEquals(new Object[] {0x0102030405060708L, 2.5}, in.function("wide").call(32));
    assertEquals((int) 'o', in.function("data").call()[0]);
    assertArrayEquals(new Object[] {1, 1, 1}, in.function("sizes").call());
    assertArrayEquals(new Object[] {0xABABABAB, 0xABABABAB, 0}, in.function("fill_copy").call());
    assertEquals(0x7a797877, in.function("init").call()[0]);
    assertEquals(V128.ofI32(2, 2, 3, 4), in.function("simd").call()[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void growingOneMemoryLeavesTheOthers(int budget) {
    Instance in = instantiate(budget, new Memory(new Limits(1, 2)));
    assertThrows(WasmTrap.class, () -> in.function("load_b").call(65536));
    assertEquals(1, in.function("grow_b").call(2)[0]);
    assertEquals(-1, in.function("grow_b").call(1)[0]);
    assertArrayEquals(new Object[] {1, 1, 3}, in.function("sizes").call());
    assertEquals(0, in.function("load_b").call(3 * 65536 - 4)[0]);
    assertEquals(3, in.memory("b").pages());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void copyBetweenMemoriesChecksTheSource(int budget) {
    Instance in = instantiate(budget, new Memory(new Limits(1, 2)));
    WasmTrap trap = assertThrows(WasmTrap.class, () -> in.function("copy_out_of_bounds").call());
    assertEquals("out of bounds memory access", trap.getMessage());
  }

  /** A module of one memory and one function whose body is {@code code} (no locals). */
  private static byte[] oneMemoryModule(int... code) {
    int[] head = {
      0x00,
      0x61,
      0x73,
      0x6D,
      0x01,
      0x00,
      0x00,
      0x00, // header
      0x01,
      0x04,
      0x01,
      0x60,
      0x00,
      0x00, // type () -> ()
      0x03,
      0x02,
      0x01,
      0x00, // one function
      0x05,
      0x03,
      0x01,
      0x00,
      0x01, // one memory of 1 page
      0x0A,
      code.length + 3,
      0x01,
      code.length + 1,
      0x00
    };
    byte[] bytes = new byte[head.length + code.length];
    for (int i = 0; i < head.length; i++) {
      bytes[i] = (byte) head[i];
    }
    for (int i = 0; i < code.length; i++) {
      bytes[head.length + i] = (byte) code[i];
    }
    return bytes;
  }

  @Test
  void anUnknownMemoryIsInvalid() {
    byte[][] modules = {
      // i32.const 0, i32.load with memarg flags 0x42 naming memory 1, drop, end
      oneMemoryModule(0x41, 0x00, 0x28, 0x42, 0x01, 0x00, 0x1A, 0x0B),
      // memory.size 1, drop, end
      oneMemoryModule(0x3F, 0x01, 0x1A, 0x0B),
      // memory.copy 0 1 on three zeros, end
      oneMemoryModule(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0A, 0x00, 0x01, 0x0B),
    };
    for (byte[] wasm : modules) {
      InvalidModuleException e =
          assertThrows(InvalidModuleException.class, () -> Flarec.compile(wasm));
      assertTrue(e.getMessage().contains("unknown memory 1"), e.getMessage());
    }
  }
}
