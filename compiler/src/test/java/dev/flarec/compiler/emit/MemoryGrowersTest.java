package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodShape;
import dev.flarec.runtime.instance.Instance;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.AnnotatedInstruction;

/**
 * Which functions may grow memory before they return: after a call of any other, compiled code
 * keeps the memory's array and size it holds in locals.
 */
class MemoryGrowersTest {
  private static final String MODULE =
      """
      (module
        (import "env" "host" (func $host))                            ;; 0
        (type $v (func))
        (table 1 funcref)
        (memory 1)
        (func $grows (drop (memory.grow (i32.const 1))))              ;; 1
        (func $callsGrower (call $grows))                             ;; 2
        (func $leaf (i32.store (i32.const 0) (i32.const 7)))          ;; 3
        (func $callsLeaf (call $leaf) (call $leaf))                   ;; 4
        (func $callsHost (call $host))                                ;; 5
        (func $indirect (call_indirect (type $v) (i32.const 0)))      ;; 6
        (func $recursive (call $recursive))                           ;; 7
        (func $mutualA (call $mutualB))                               ;; 8
        (func $mutualB (call $mutualA) (call $callsGrower)))          ;; 9
      """;

  @Test
  void growersAreThoseThatGrowCallOutOrReachOneThatDoes() {
    WasmModule wasm = Parser.parse(Wat2Wasm.parse(MODULE));
    List<List<AnnotatedInstruction>> bodies = new ArrayList<>();
    for (int i = 0; i < wasm.codeSection().functionBodyCount(); i++) {
      bodies.add(wasm.codeSection().getFunctionBody(i).instructions());
    }
    BitSet growers = MemoryGrowers.of(1, bodies, new OpcodeTable());
    BitSet expected = new BitSet();
    for (int f : new int[] {0, 1, 2, 5, 6, 8, 9}) {
      expected.set(f);
    }
    assertEquals(expected, growers, "leaf (3), callsLeaf (4) and recursive (7) never grow");
  }

  /**
   * A caller reads the memory's array again after calling a function that grows it, and sees the
   * new pages; after calling one that never grows it, it keeps the array it holds.
   */
  @Test
  void aCallerReadsTheArrayAgainOnlyAfterACalleeThatMayGrowIt() {
    CompiledModule compiled =
        Flarec.compile(
            Wat2Wasm.parse(
                """
                    (module
                      (memory 1)
                      (func $leaf (i32.store (i32.const 16) (i32.const 5)))
                      (func $grow (drop (memory.grow (i32.const 1))))
                      (func (export "run") (result i32)
                        (call $leaf)
                        (call $grow)
                        (i32.store (i32.const 70000) (i32.load (i32.const 16)))
                        (call $leaf)
                        (i32.load (i32.const 70000))))
                    """));
    Instance instance = compiled.load().instantiate();
    assertEquals(5, instance.function("run").call()[0]);
    List<String> reads = MethodShape.of(compiled).get("func2").fieldReads(); // run
    assertEquals(
        2,
        reads.stream().filter("bytes"::equals).count(),
        "on entry and after $grow, not after $leaf: " + reads);
  }
}
