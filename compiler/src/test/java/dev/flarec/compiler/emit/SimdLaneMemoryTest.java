package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodShape;
import dev.flarec.runtime.instance.Instance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code v128} loads and stores of values in 32-bit lanes, lane by lane ({@code
 * SimdLanes.load}/{@code store}): results and NaN payloads, trapping loads and stores (a trapping
 * store writes nothing), and the halves form a function takes when its helpers would pass C2's
 * inlining limit ({@code FunctionCode.laneMemoryAccesses}); at the default and a tiny method
 * budget.
 */
class SimdLaneMemoryTest {
  private static final String MODULE =
      "(module (memory 1)\n"
          // y[i] = a * x[i] + y[i] over n vectors of floats: x at 0, y at 4096
          + "  (func (export \"axpy\") (param $a f32) (param $n i32)\n"
          + "    (local $i i32) (local $s v128)\n"
          + "    (local.set $s (f32x4.splat (local.get $a)))\n"
          + "    (loop $l\n"
          + "      (v128.store offset=4096 (local.get $i)\n"
          + "        (f32x4.add (f32x4.mul (local.get $s) (v128.load (local.get $i)))\n"
          + "                   (v128.load offset=4096 (local.get $i))))\n"
          + "      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16)))\n"
          + "                          (i32.mul (local.get $n) (i32.const 16))))))\n"
          // the int lanes of a sum stored at $to
          + "  (func (export \"iadd\") (param $to i32)\n"
          + "    (v128.store (local.get $to)\n"
          + "      (i32x4.add (v128.load (i32.const 0)) (v128.load (i32.const 16)))))\n"
          // float lanes loaded at $at, doubled
          + "  (func (export \"double\") (param $at i32) (result f32)\n"
          + "    (f32x4.extract_lane 3 (f32x4.add (v128.load (local.get $at))\n"
          + "                                     (v128.load (local.get $at)))))\n"
          + "  (func (export \"poke\") (param $at i32) (param $v i32) (i32.store (local.get $at) (local.get $v)))\n"
          + "  (func (export \"peek\") (param $at i32) (result i32) (i32.load (local.get $at))))";

  private static Instance instance(int budget) {
    return Flarec.compileText(MODULE, CompileOptions.defaults().withMethodBudget(budget))
        .load()
        .instantiate();
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void floatLanesLoadAndStoreLaneByLane(int budget) {
    Instance in = instance(budget);
    int n = 8;
    float a = -2.5f;
    int[] expected = new int[4 * n];
    for (int k = 0; k < 4 * n; k++) {
      float x = k * 1.75f - 9;
      float y = 100 - k * 0.125f;
      in.function("poke").call(4 * k, Float.floatToRawIntBits(x));
      in.function("poke").call(4096 + 4 * k, Float.floatToRawIntBits(y));
      expected[k] = Float.floatToRawIntBits(a * x + y);
    }
    // a NaN with a payload in y passes through the add with its bits (x 0 times a is 0)
    int nan = 0x7fc0_1234;
    in.function("poke").call(4 * 5, 0);
    in.function("poke").call(4096 + 4 * 5, nan);
    expected[5] = nan;
    in.function("axpy").call(a, n);
    for (int k = 0; k < 4 * n; k++) {
      assertEquals(expected[k], in.function("peek").call(4096 + 4 * k)[0], "lane " + k);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void intLanesStoreLaneByLane(int budget) {
    Instance in = instance(budget);
    for (int k = 0; k < 8; k++) {
      in.function("poke").call(4 * k, k * 0x1111_1111 + 3);
    }
    in.function("iadd").call(100);
    for (int k = 0; k < 4; k++) {
      assertEquals(
          (k * 0x1111_1111 + 3) + ((k + 4) * 0x1111_1111 + 3),
          in.function("peek").call(100 + 4 * k)[0],
          "lane " + k);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void aStorePastTheEndTrapsAndWritesNothing(int budget) {
    Instance in = instance(budget);
    for (int k = 0; k < 8; k++) {
      in.function("poke").call(4 * k, k + 1);
    }
    int at = 65536 - 12; // its first 12 bytes are in memory, the last 4 are not
    RuntimeException trap =
        assertThrows(RuntimeException.class, () -> in.function("iadd").call(at));
    assertTrue(trap.getMessage().contains("out of bounds"), trap.getMessage());
    for (int k = 0; k < 3; k++) {
      assertEquals(0, in.function("peek").call(at + 4 * k)[0], "byte " + (at + 4 * k));
    }
    in.function("iadd").call(65536 - 16);
    assertEquals(4 + 8, in.function("peek").call(65536 - 4)[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void aFloatLaneLoadPastTheEndTraps(int budget) {
    Instance in = instance(budget);
    in.function("poke").call(65536 - 4, Float.floatToRawIntBits(1.5f));
    assertEquals(3f, in.function("double").call(65536 - 16)[0]);
    RuntimeException trap =
        assertThrows(RuntimeException.class, () -> in.function("double").call(65536 - 15));
    assertTrue(trap.getMessage().contains("out of bounds"), trap.getMessage());
  }

  @Test
  void aSmallFunctionAccessesMemoryLaneByLane() {
    CompiledModule compiled = Flarec.compileText(MODULE, CompileOptions.defaults());
    List<String> calls = MethodShape.of(compiled).get("func0").calls();
    assertTrue(calls.contains("loadFloatOf16"), "calls of axpy: " + calls);
    assertTrue(calls.contains("storeFloatOf16"), "calls of axpy: " + calls);
    assertFalse(calls.contains("loadLong"), "calls of axpy: " + calls);
  }

  /**
   * A function of {@code statements} float-lane sums, each of two loads and a store: 12 lane
   * accesses, about 770 bytes of inlined helpers, so 12 of them pass C2's inlining limit.
   */
  private static String sums(int statements) {
    StringBuilder wat =
        new StringBuilder(
            "(module (memory 1) (data (i32.const 16) \"\\00\\00\\c0\\3f\")\n"
                + "  (func (export \"peek\") (param i32) (result i32) (i32.load (local.get 0)))\n"
                + "  (func (export \"sums\")\n");
    for (int s = 0; s < statements; s++) {
      wat.append(
          String.format(
              "  (v128.store offset=%d (i32.const 0) (f32x4.add (v128.load offset=%d (i32.const 0))"
                  + " (v128.load offset=%d (i32.const 0))))%n",
              32768 + 16 * s, 16 * s, 16 * s + 16));
    }
    return wat.append("))").toString();
  }

  @Test
  void aFunctionPastTheInliningLimitAccessesMemoryInHalves() {
    CompiledModule small = Flarec.compileText(sums(2), CompileOptions.defaults());
    List<String> smallCalls = MethodShape.of(small).get("func1").calls();
    assertTrue(smallCalls.contains("loadFloatOf16"), "calls of 2 sums: " + smallCalls);

    CompiledModule large = Flarec.compileText(sums(12), CompileOptions.defaults());
    List<String> calls = MethodShape.of(large).get("func1").calls();
    assertFalse(calls.contains("loadFloatOf16"), "calls of 12 sums: " + calls);
    assertFalse(calls.contains("storeFloatOf16"), "calls of 12 sums: " + calls);
    assertTrue(calls.contains("loadLong"), "calls of 12 sums: " + calls);
    Instance in = large.load().instantiate();
    in.function("sums").call();
    // 1.5 at 16 is the first lane of the second load of sum 0 and of the first load of sum 1
    int onePointFive = Float.floatToRawIntBits(1.5f);
    assertEquals(onePointFive, in.function("peek").call(32768)[0]);
    assertEquals(onePointFive, in.function("peek").call(32768 + 16)[0]);
    assertEquals(0, in.function("peek").call(32768 + 32)[0]);
  }
}
