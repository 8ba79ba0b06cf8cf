package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodShape;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.trap.WasmTrap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An access needs no bounds check when one on the same base value, reaching as far, has succeeded
 * on every path to it; every other access keeps its check, and traps exactly where Wasm says.
 */
class InBoundsAccessesTest {
  private static final String MODULE =
      """
      (module
        (memory (export "memory") 1)
        ;; the second field lies within the first access's reach: unchecked
        (func (export "fields") (param $p i32) (result i32)
          (i32.add (i32.load offset=8 (local.get $p)) (i32.load16_u offset=4 (local.get $p))))
        ;; the load reaches past the store: checked, and it traps after the store is done
        (func (export "farther") (param $p i32) (result i32)
          (i32.store (local.get $p) (i32.const 7))
          (i32.load offset=4 (local.get $p)))
        ;; a new value of the base in between
        (func (export "rewritten") (param $p i32) (result i32)
          (drop (i32.load offset=8 (local.get $p)))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (i32.load offset=4 (local.get $p)))
        ;; proved in one arm only: after the if, checked
        (func (export "inOneArm") (param $p i32) (param $c i32) (result i32)
          (if (local.get $c) (then (drop (i32.load offset=8 (local.get $p)))))
          (i32.load offset=4 (local.get $p)))
        ;; proved before the loop, whose body does not write the base: unchecked in the body;
        ;; the store through a local the body advances stays checked
        (func (export "loop") (param $p i32) (param $q i32) (param $n i32) (result i32)
          (local $sum i32)
          (drop (i64.load (local.get $p)))
          (drop (i32.load (local.get $q)))
          (loop $next
            (local.set $sum (i32.add (local.get $sum) (i32.load offset=4 (local.get $p))))
            (i32.store (local.get $q) (local.get $sum))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
          (local.get $sum))
        ;; a store's address under a computed value, and a local.tee's value as a base
        (func (export "teeAndStore") (param $p i32) (result i32)
          (i32.store offset=12 (local.tee $p (i32.add (local.get $p) (i32.const 4)))
            (i32.const 1))
          (i32.store8 offset=3 (local.get $p) (i32.mul (local.get $p) (i32.const 3)))
          (i32.load offset=12 (local.get $p)))
        ;; every way to the block's end proved 12 bytes: the first load after it is unchecked,
        ;; the second reaches past that
        (func (export "joined") (param $p i32) (param $c i32) (result i32)
          (block
            (drop (i32.load offset=8 (local.get $p)))
            (br_if 0 (local.get $c))
            (drop (i32.load offset=16 (local.get $p))))
          (i32.add (i32.load offset=4 (local.get $p)) (i32.load offset=16 (local.get $p))))
        ;; both arms proved at least 8 bytes
        (func (export "bothArms") (param $p i32) (param $c i32) (result i32)
          (if (local.get $c)
            (then (drop (i32.load offset=8 (local.get $p))))
            (else (drop (i32.load offset=4 (local.get $p)))))
          (i32.load (local.get $p))))
      """;

  private static List<String> accesses(CompiledModule compiled, String method) {
    return MethodShape.of(compiled).get(method).calls().stream()
        .filter(name -> name.startsWith("load") || name.startsWith("store"))
        .toList();
  }

  @Test
  void onlyAccessesDominatedByOneReachingAsFarAreUnchecked() {
    CompiledModule compiled = Flarec.compile(Wat2Wasm.parse(MODULE));
    assertEquals(List.of("loadInt", "loadShortInBounds"), accesses(compiled, "func0"));
    assertEquals(List.of("storeInt", "loadInt"), accesses(compiled, "func1"));
    assertEquals(List.of("loadInt", "loadInt"), accesses(compiled, "func2"));
    assertEquals(List.of("loadInt", "loadInt"), accesses(compiled, "func3"));
    assertEquals(
        List.of("loadLong", "loadInt", "loadIntInBounds", "storeInt"), accesses(compiled, "func4"));
    assertEquals(
        List.of("storeInt", "storeByteInBounds", "loadIntInBounds"), accesses(compiled, "func5"));
    assertEquals(
        List.of("loadInt", "loadInt", "loadIntInBounds", "loadInt"), accesses(compiled, "func6"));
    assertEquals(List.of("loadInt", "loadInt", "loadIntInBounds"), accesses(compiled, "func7"));
  }

  @Test
  void uncheckedAccessesReadAndWriteWhatCheckedOnesWould() {
    Instance in = Flarec.compile(Wat2Wasm.parse(MODULE)).load().instantiate();
    assertEquals(1, in.function("teeAndStore").call(100)[0]); // 1 at 116, 104 * 3 = 312 at 107
    assertEquals(1, in.function("fields").call(108)[0]);
    assertEquals(312 & 0xFF, in.function("fields").call(103)[0]);
    assertEquals(0, in.function("farther").call(200)[0]);
    assertEquals(7, in.function("farther").call(196)[0]);
    assertEquals(21, in.function("loop").call(196, 300, 3)[0]); // stores 7, 14, 21
    assertEquals(14 + 7, in.function("fields").call(296)[0]);
  }

  /**
   * A function split into runs: the access proved in the function's own method is unchecked in the
   * run that holds the later one.
   */
  @Test
  void whatAnAccessProvesHoldsInTheRunsOfASplitFunction() {
    String wat =
        """
        (module
          (memory 1)
          (func (export "split") (param $p i32) (param $x i32) (result i32)
            (local $acc i32)
            (i32.store offset=8 (local.get $p) (i32.const 5))
            (block
        """
            + "      (local.set $acc (i32.xor (i32.add (local.get $acc) (local.get $x)) (i32.const 3)))\n"
                .repeat(80)
            + """
              (local.set $acc (i32.add (local.get $acc) (i32.load offset=8 (local.get $p)))))
            (local.get $acc)))
        """;
    CompiledModule compiled =
        Flarec.compile(Wat2Wasm.parse(wat), CompileOptions.defaults().withMethodBudget(300));
    List<String> runs =
        MethodShape.of(compiled).keySet().stream().filter(m -> m.startsWith("func0$")).toList();
    assertTrue(runs.size() > 1, "split into runs: " + runs);
    assertTrue(
        runs.stream().anyMatch(r -> accesses(compiled, r).contains("loadIntInBounds")),
        "the load in a run is unchecked");
    int acc = 0;
    for (int k = 0; k < 80; k++) {
      acc = (acc + 11) ^ 3;
    }
    assertEquals(acc + 5, compiled.load().instantiate().function("split").call(64, 11)[0]);
    Instance in = compiled.load().instantiate();
    assertThrows(WasmTrap.class, () -> in.function("split").call(65536 - 11, 11));
  }

  /**
   * A {@code v128} access proves what it reaches like a scalar one, its address the operand under
   * the vector for a lane access: the opcode table's width and address depth, not the opcode.
   */
  @Test
  void vectorAccessesProveHowFarTheyReach() {
    String wat =
        """
        (module
          (memory 1)
          ;; 16 bytes read at $p: the word at 12 is within them, the one at 13 is not
          (func (export "afterLoad") (param $p i32) (result i32)
            (drop (v128.load (local.get $p)))
            (i32.add (i32.load offset=12 (local.get $p)) (i32.load offset=13 (local.get $p))))
          ;; one byte written at $p, under the vector whose lane it is
          (func (export "afterLaneStore") (param $p i32) (result i32)
            (v128.store8_lane 3 (local.get $p) (v128.const i8x16 0 1 2 9 4 5 6 7 8 9 10 11 12 13 14 15))
            (i32.add (i32.load8_u (local.get $p)) (i32.load8_u offset=1 (local.get $p)))))
        """;
    CompiledModule compiled = Flarec.compile(Wat2Wasm.parse(wat));
    assertEquals(List.of("loadIntInBounds", "loadInt"), tail(accesses(compiled, "func0"), 2));
    assertEquals(List.of("loadByteInBounds", "loadByte"), tail(accesses(compiled, "func1"), 2));
    Instance in = compiled.load().instantiate();
    assertEquals(9, in.function("afterLaneStore").call(100)[0]);
    assertEquals(0, in.function("afterLoad").call(65536 - 17)[0]);
    assertThrows(WasmTrap.class, () -> in.function("afterLoad").call(65536 - 16));
    assertThrows(WasmTrap.class, () -> in.function("afterLaneStore").call(65536 - 1));
  }

  private static List<String> tail(List<String> calls, int n) {
    return calls.subList(calls.size() - n, calls.size());
  }

  @Test
  void anAccessPastTheMemoryStillTrapsAfterWhatCameBeforeIt() {
    Instance in = Flarec.compile(Wat2Wasm.parse(MODULE)).load().instantiate();
    int end = 65536;
    assertThrows(WasmTrap.class, () -> in.function("farther").call(end - 4));
    assertEquals(7, in.function("fields").call(end - 12)[0], "the store before the trap is done");
    assertThrows(WasmTrap.class, () -> in.function("fields").call(end - 11));
    assertThrows(WasmTrap.class, () -> in.function("rewritten").call(end - 20));
    assertThrows(WasmTrap.class, () -> in.function("inOneArm").call(end - 4, 0));
    assertThrows(WasmTrap.class, () -> in.function("loop").call(0, end - 8, 3));
    assertThrows(WasmTrap.class, () -> in.function("joined").call(end - 12, 1));
    assertEquals(0, in.function("bothArms").call(end - 8, 0)[0]);
  }
}
