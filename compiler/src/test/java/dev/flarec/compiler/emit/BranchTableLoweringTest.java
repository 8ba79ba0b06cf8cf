package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodShape;
import dev.flarec.runtime.instance.Instance;
import org.junit.jupiter.api.Test;

/** How {@code br_table}s become JVM switches. */
class BranchTableLoweringTest {
  /**
   * A sparse {@code br_table}, as compilers emit for a C {@code switch} with few cases: two of its
   * seventeen entries leave the default, so it becomes a {@code lookupswitch} of those two, and
   * every other index, negative or past the table, still takes the default.
   */
  @Test
  void aSparseTableBecomesALookupOfTheEntriesThatLeaveTheDefault() {
    CompiledModule compiled =
        Flarec.compile(
            Wat2Wasm.parse(
                """
                (module
                  (func (export "pick") (param i32) (result i32)
                    (block (block (block
                      (br_table 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2 0 (local.get 0)))
                      (return (i32.const 10)))
                      (return (i32.const 20)))
                    (i32.const 30)))
                """));
    Instance instance = compiled.load().instantiate();
    int[][] expected = {{0, 20}, {16, 30}, {1, 10}, {15, 10}, {17, 10}, {1000, 10}, {-1, 10}};
    for (int[] e : expected) {
      assertEquals(e[1], instance.function("pick").call(e[0])[0], "pick(" + e[0] + ")");
    }
    assertEquals(0, MethodShape.of(compiled).get("func0").tableSwitchLabels(), "no table");
  }
}
