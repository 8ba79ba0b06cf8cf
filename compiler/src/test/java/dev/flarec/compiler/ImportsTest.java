package dev.flarec.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.LinkException;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.table.Table;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.Limits;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class ImportsTest {
  private final Module module = Flarec.compile(Corpus.bytes("imports")).load();
  private final Memory memory = new Memory(new Limits(1, 2));

  private Imports imports(IntBinaryOperator add) {
    return Imports.builder()
        .function("env", "add", FunctionRef.of(add))
        .memory("env", "memory", memory)
        .build();
  }

  @Test
  void hostFunctionsAreOrdinaryLambdas() {
    AtomicInteger calls = new AtomicInteger();
    Instance instance =
        module.instantiate(
            imports(
                (a, b) -> {
                  calls.incrementAndGet();
                  return a + b;
                }));
    assertArrayEquals(new Object[] {5}, instance.function("add_via_host").call(2, 3));
    assertEquals(1, calls.get());
  }

  @Test
  void callIndirectReachesHostAndWasmFunctionsAlike() {
    Instance instance = module.instantiate(imports((a, b) -> a * 100 + b));
    assertArrayEquals(new Object[] {203}, instance.function("apply").call(0, 2, 3));
    assertArrayEquals(new Object[] {-1}, instance.function("apply").call(1, 2, 3));
    WasmTrap trap = assertThrows(WasmTrap.class, () -> instance.function("apply").call(2, 2, 3));
    assertEquals(TrapKind.UNDEFINED_ELEMENT, trap.kind());
  }

  @Test
  void anImportedMemoryIsSharedWithTheHost() {
    Instance instance = module.instantiate(imports(Integer::sum));
    memory.writeByte(100, (byte) 0xAB);
    assertArrayEquals(new Object[] {0xAB}, instance.function("peek").call(100));
  }

  @Test
  void aTableOfOneInstanceCanBeFilledByAnother() {
    Instance instance = module.instantiate(imports(Integer::sum));
    Table table = instance.table("table");
    Object sub = table.get(1);
    table.set(0, sub);
    assertArrayEquals(new Object[] {1}, instance.function("apply").call(0, 3, 2));
  }

  @Test
  void missingOrMismatchedImportsAreLinkErrors() {
    LinkException missing = assertThrows(LinkException.class, () -> module.instantiate());
    assertEquals("unknown import: env.add", missing.getMessage());

    Imports wrongType =
        Imports.builder()
            .function("env", "add", FunctionRef.of((java.util.function.IntUnaryOperator) a -> a))
            .memory("env", "memory", memory)
            .build();
    LinkException mismatch = assertThrows(LinkException.class, () -> module.instantiate(wrongType));
    assertEquals("incompatible import type: env.add", mismatch.getMessage());

    Imports tooSmall =
        Imports.builder()
            .function("env", "add", FunctionRef.of((IntBinaryOperator) Integer::sum))
            .memory("env", "memory", new Memory(new Limits(0, 1)))
            .build();
    assertThrows(LinkException.class, () -> module.instantiate(tooSmall));
  }

  private static final String COUNTERS =
      """
      (module
        (type $count (func (result i32)))
        (global $n (mut i32) (i32.const 0))
        (table (export "table") 1 funcref)
        (elem (i32.const 0) $bump)
        (func $bump (export "bump") (type $count)
          (global.set $n (i32.add (global.get $n) (i32.const 1)))
          (global.get $n))
        (func (export "bump_via_table") (result i32) (call_indirect (type $count) (i32.const 0))))
      """;

  @Test
  void callIndirectRunsAFunctionInTheInstanceThatDefinesIt() {
    Module counters = Flarec.compile(com.dylibso.chicory.wabt.Wat2Wasm.parse(COUNTERS)).load();
    Instance a = counters.instantiate();
    Instance b = counters.instantiate();
    // same instance: the direct dispatch
    assertArrayEquals(new Object[] {1}, a.function("bump_via_table").call());
    // b's function in a's table: it must count in b, not in a
    a.table("table").set(0, b.export("bump"));
    assertArrayEquals(new Object[] {1}, a.function("bump_via_table").call());
    assertArrayEquals(new Object[] {2}, a.function("bump_via_table").call());
    assertArrayEquals(new Object[] {3}, b.function("bump").call());
    assertArrayEquals(new Object[] {2}, a.function("bump").call());
  }
}
