package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.ModuleBuilder;
import dev.flarec.compiler.testing.NativeWat;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.LinkException;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.memory.Memory64;
import dev.flarec.runtime.simd.V128;
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

  private static final String SIMD_MODULE =
      """
      (module
        (memory $m i64 1)
        (memory $n 1)
        (func (export "roundtrip") (param $a i64) (result v128 v128 v128 v128 v128)
          (v128.store offset=16 (local.get $a) (v128.const i32x4 1 2 3 4))
          (v128.store32_lane offset=64 2 (local.get $a) (v128.const i32x4 5 6 7 8))
          (v128.load offset=16 (local.get $a))
          (v128.load8_lane offset=16 1 (local.get $a) (v128.const i64x2 0 0))
          (v128.load32_splat offset=20 (local.get $a))
          (v128.load16x4_u offset=16 (local.get $a))
          (v128.load32_zero offset=64 (local.get $a)))
        (func (export "store") (param $a i64)
          (v128.store (local.get $a) (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1)))
        (func (export "load") (param $a i64) (result v128)
          (v128.load (local.get $a)))
        (func (export "load64_lane") (param $a i64) (result v128)
          (v128.load64_lane 1 (local.get $a) (v128.const i64x2 -1 -1)))
        (func (export "both") (result v128 v128)
          (v128.store $n (i32.const 0) (v128.const i32x4 9 9 9 9))
          (v128.store $m (i64.const 0) (v128.load $n (i32.const 0)))
          (v128.load $m (i64.const 0))
          (v128.load $n (i32.const 0))))
      """;

  private static Instance instantiate(byte[] wasm, int budget) {
    CompileOptions options = CompileOptions.defaults();
    if (budget > 0) {
      options = options.withMethodBudget(budget);
    }
    return Flarec.compile(wasm, options).load().instantiate();
  }

  private static byte[] nativeBinary(String wat) {
    return NativeWat.toBinary(wat, "--enable-memory64", "--enable-multi-memory");
  }

  private static V128 i32x4(int a, int b, int c, int d) {
    return new V128((a & 0xFFFF_FFFFL) | ((long) b << 32), (c & 0xFFFF_FFFFL) | ((long) d << 32));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void simdLoadsAndStoresTakeI64Addresses(int budget) {
    Instance in = instantiate(nativeBinary(SIMD_MODULE), budget);
    Object[] results = in.function("roundtrip").call(1000L);
    assertEquals(i32x4(1, 2, 3, 4), results[0]);
    assertEquals(new V128(0x0100, 0), results[1]);
    assertEquals(i32x4(2, 2, 2, 2), results[2]);
    assertEquals(i32x4(1, 0, 2, 0), results[3]);
    assertEquals(i32x4(7, 0, 0, 0), results[4]);
    assertArrayEquals(
        new Object[] {i32x4(9, 9, 9, 9), i32x4(9, 9, 9, 9)}, in.function("both").call());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void aSimdAccessPastTheEndTrapsAndAStoreWritesNothing(int budget) {
    Instance in = instantiate(nativeBinary(SIMD_MODULE), budget);
    WasmTrap trap = assertThrows(WasmTrap.class, () -> in.function("store").call(65521L));
    assertEquals("out of bounds memory access", trap.getMessage());
    assertEquals(new V128(0, 0), in.function("load").call(65520L)[0]);
    assertThrows(WasmTrap.class, () -> in.function("load").call(65521L));
    assertThrows(WasmTrap.class, () -> in.function("load").call(-1L));
    assertThrows(WasmTrap.class, () -> in.function("load64_lane").call(65529L));
    assertEquals(new V128(-1, 0), in.function("load64_lane").call(65528L)[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void memoryCopyGoesBetweenA32BitAndA64BitMemory(int budget) {
    String wat =
        """
        (module
          (memory $w (export "w") i64 1)
          (memory $n (export "n") 1)
          (data (memory $w) (i64.const 0) "wide")
          (data (memory $n) (i32.const 0) "narrow")
          (func (export "copy") (param $len i32)
            (memory.copy $w $n (i64.const 100) (i32.const 0) (local.get $len))
            (memory.copy $n $w (i32.const 200) (i64.const 0) (local.get $len)))
          (func (export "to_w") (param $d i64) (param $s i32) (param $len i32)
            (memory.copy $w $n (local.get $d) (local.get $s) (local.get $len)))
          (func (export "to_n") (param $d i32) (param $s i64) (param $len i32)
            (memory.copy $n $w (local.get $d) (local.get $s) (local.get $len))))
        """;
    Instance in = instantiate(nativeBinary(wat), budget);
    in.function("copy").call(4);
    Memory64 w = (Memory64) in.export("w");
    Memory n = (Memory) in.export("n");
    assertArrayEquals("narr".getBytes(java.nio.charset.StandardCharsets.US_ASCII), w.read(100, 4));
    assertArrayEquals("wide".getBytes(java.nio.charset.StandardCharsets.US_ASCII), n.read(200, 4));
    // a range past either end traps before anything is written; a length is an unsigned i32
    assertThrows(WasmTrap.class, () -> in.function("to_w").call(65534L, 0, 4));
    assertThrows(WasmTrap.class, () -> in.function("to_w").call(0L, 65534, 4));
    assertThrows(WasmTrap.class, () -> in.function("to_w").call(0L, 0, -1));
    assertThrows(WasmTrap.class, () -> in.function("to_n").call(65534, 0L, 4));
    assertThrows(WasmTrap.class, () -> in.function("to_n").call(0, 65534L, 4));
    assertThrows(WasmTrap.class, () -> in.function("to_n").call(0, -1L, 1));
    assertArrayEquals(new byte[4], w.read(65532, 4));
    assertArrayEquals("narr".getBytes(java.nio.charset.StandardCharsets.US_ASCII), n.read(0, 4));
    in.function("to_n").call(65535, 0L, 1);
    assertEquals((byte) 'w', n.readByte(65535));
    in.function("to_w").call(65535L, 1, 1);
    assertEquals((byte) 'a', w.readByte(65535));
  }

  @Test
  void aMixedMemoryCopyTakesAnI32Length() {
    // memory.copy 0 1 (64-bit into 32-bit) with an i64 length: [i64 i32 i64] is invalid
    String wat =
        """
        (module (memory i64 1) (memory 1)
          (func (memory.copy 0 1 (i64.const 0) (i32.const 0) (i64.const 1))))
        """;
    byte[] wasm =
        NativeWat.toBinary(wat, "--enable-memory64", "--enable-multi-memory", "--no-check");
    assertThrows(dev.flarec.compiler.InvalidModuleException.class, () -> Flarec.compile(wasm));
  }

  /**
   * A one-page 64-bit memory with 0x11223344 at address 8, and {@code load}: {@code i32.load} of
   * its i64 parameter at static offset {@code offset}, written in ten LEB128 bytes (more than the
   * parser reads).
   */
  private static byte[] loadAtOffset(long offset) {
    ModuleBuilder m = new ModuleBuilder();
    m.memory64(1);
    int type = m.type(new byte[] {ModuleBuilder.I64}, new byte[] {ModuleBuilder.I32});
    ModuleBuilder.Code body =
        new ModuleBuilder.Code()
            .i64Const(8)
            .i32Const(0x11223344)
            .op(0x36)
            .memarg(2, 0, 1)
            .localGet(0)
            .op(0x28)
            .memarg(2, offset, 10);
    m.export("load", m.function(type, new byte[0], body));
    return m.build();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void aStaticOffsetIsAnyU64AndTheAddressNeverWraps(int budget) {
    assertEquals(0x11223344, instantiate(loadAtOffset(8), budget).function("load").call(0L)[0]);
    long[][] trapping = {
      {1L << 32, 8 - (1L << 32)}, // the sum is 8 modulo 2^64
      {1L << 32, 0},
      {0xFFFF_FFFFL + 1, -(1L << 32)},
      {-1L, 9}, // 2^64 - 1: 8 modulo 2^64
      {-1L, 0},
      {1L << 63, (1L << 63) + 8},
      {1L << 62, 0},
    };
    for (long[] c : trapping) {
      Instance in = instantiate(loadAtOffset(c[0]), budget);
      WasmTrap trap = assertThrows(WasmTrap.class, () -> in.function("load").call(c[1]));
      assertEquals("out of bounds memory access", trap.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void aLaneAccessKeepsItsLaneAfterALongOffset(int budget) {
    // v128.load8_lane 3, its offset 8 in ten bytes: the lane byte follows the long memarg
    ModuleBuilder m = new ModuleBuilder();
    m.memory64(1);
    int type = m.type(new byte[] {ModuleBuilder.I64}, new byte[] {ModuleBuilder.I32});
    ModuleBuilder.Code body =
        new ModuleBuilder.Code()
            .i64Const(8)
            .i32Const(0x11223344)
            .op(0x36)
            .memarg(2, 0, 1)
            .localGet(0)
            .op(0xFD, 12);
    for (int i = 0; i < 16; i++) {
      body.op(0);
    }
    body.op(0xFD, 84).memarg(0, 8, 10).op(3).op(0xFD, 22).op(3);
    m.export("lane", m.function(type, new byte[0], body));
    assertEquals(0x44, instantiate(m.build(), budget).function("lane").call(0L)[0]);
  }
}
