package dev.flarec.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.global.Global;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class FlarecTest {
  private final Instance arithmetic =
      Flarec.compile(Corpus.bytes("arithmetic")).load().instantiate();

  @Test
  void callsExportsWithTheirNaturalJavaTypes() {
    LongUnaryOperator fac = arithmetic.function("fac").as(LongUnaryOperator.class);
    assertEquals(2432902008176640000L, fac.applyAsLong(20));

    IntBinaryOperator div = arithmetic.function("div_s").as(IntBinaryOperator.class);
    assertEquals(-3, div.applyAsInt(-7, 2));
  }

  @Test
  void callsExportsWithBoxedArguments() {
    assertArrayEquals(new Object[] {5050}, arithmetic.function("sum").call(100));
    assertArrayEquals(new Object[] {0L}, arithmetic.function("store_load").call(65520, 0L));
    assertArrayEquals(new Object[] {-1L}, arithmetic.function("store_load").call(0, -1L));
  }

  @Test
  void returnsSeveralResultsInOrder() {
    assertArrayEquals(new Object[] {2.5, 7}, arithmetic.function("swap").call(7, 2.5));
  }

  @Test
  void globalsKeepTheirValueAcrossCallsAndExportedOnesAreShared() {
    assertArrayEquals(new Object[] {1}, arithmetic.function("bump").call());
    assertArrayEquals(new Object[] {2}, arithmetic.function("bump").call());
    Global shared = arithmetic.global("shared");
    assertEquals(42L, shared.get());
  }

  @Test
  void trapsCarryTheSpecMessage() {
    WasmTrap byZero = assertThrows(WasmTrap.class, () -> arithmetic.function("div_s").call(1, 0));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, byZero.kind());
    assertEquals("integer divide by zero", byZero.getMessage());

    WasmTrap overflow =
        assertThrows(
            WasmTrap.class, () -> arithmetic.function("div_s").call(Integer.MIN_VALUE, -1));
    assertEquals("integer overflow", overflow.getMessage());

    // with offset=8, base 65520 reaches the last 8 bytes of the page; 65521 runs past its end
    WasmTrap outOfBounds =
        assertThrows(WasmTrap.class, () -> arithmetic.function("store_load").call(65521, 1L));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, outOfBounds.kind());
  }

  @Test
  void deepRecursionBecomesCallStackExhausted() {
    WasmTrap trap =
        assertThrows(WasmTrap.class, () -> arithmetic.function("fac").call(Long.MAX_VALUE));
    assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
  }

  @Test
  void rejectsMalformedModulesWithTheirPosition() {
    byte[] truncated = Arrays.copyOf(Corpus.bytes("arithmetic"), 20);
    CompileException e =
        assertThrows(MalformedModuleException.class, () -> Flarec.compile(truncated));
    assertTrue(e.describe().startsWith("malformed module"), e.describe());

    byte[] notWasm = "hello, world".getBytes(StandardCharsets.US_ASCII);
    CompileException header =
        assertThrows(MalformedModuleException.class, () -> Flarec.compile(notWasm));
    assertEquals(
        "malformed module, at byte offset 0 (0x0): magic header not detected (not a WebAssembly binary)",
        header.describe());
  }

  @Test
  void rejectsIllTypedModulesAsInvalid() {
    // (module (func (result i32) (i64.const 1)))
    byte[] illTyped = {
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
      0x03, 0x02, 0x01, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x42, 0x01, 0x0b
    };
    CompileException e = assertThrows(InvalidModuleException.class, () -> Flarec.compile(illTyped));
    assertTrue(e.getMessage().contains("type mismatch"), e.getMessage());
    // the parser validates whole modules; flarec finds the function and its body's offset
    assertEquals(0, e.functionIndex());
    assertEquals(24, e.byteOffset());
    assertTrue(
        e.describe()
            .startsWith(
                "invalid module, code section, function 0, at byte offset 24 (0x18): type mismatch"),
        e.describe());
  }

  @Test
  void reportsInstructionsBeyondWasm2WithFunctionAndOffset() {
    // (module (func (ref.eq))): GC, beyond what flarec compiles
    byte[] refEq = {
      0x00,
      0x61,
      0x73,
      0x6d,
      0x01,
      0x00,
      0x00,
      0x00,
      0x01,
      0x04,
      0x01,
      0x60,
      0x00,
      0x00,
      0x03,
      0x02,
      0x01,
      0x00,
      0x0a,
      0x05,
      0x01,
      0x03,
      0x00,
      (byte) 0xd3,
      0x0b
    };
    CompileException e = assertThrows(CompileException.class, () -> Flarec.compile(refEq));
    assertEquals(0, e.functionIndex());
    assertEquals(23, e.byteOffset());
    assertTrue(e.describe().contains("function 0, at byte offset 23"), e.describe());
  }
}
