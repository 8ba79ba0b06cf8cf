package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodShape;
import dev.flarec.runtime.simd.V128;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gather of single lanes, as auto-vectorised code with strided loads has: lane loads, lane
 * replacement and lane stores work on the value's two longs, with no {@code V128} object, and put
 * each lane where the lane index says, leaving the others alone.
 */
class SimdLaneAccessTest {
  /**
   * Memory bytes 0..63 hold 0x10 + i. "gather" builds a vector from lane loads at every fourth byte
   * and lane replacements, stores two of its lanes back and leaves it at byte 48 ("result" reads
   * it: a v128 result is boxed); "bounds" loads a lane past the end of memory.
   */
  private static final String MODULE =
      "(module (memory 1)\n"
          + "  (func $fill (local $i i32)\n"
          + "    (loop $next\n"
          + "      (i32.store8 (local.get $i) (i32.add (local.get $i) (i32.const 0x10)))\n"
          + "      (local.set $i (i32.add (local.get $i) (i32.const 1)))\n"
          + "      (br_if $next (i32.lt_u (local.get $i) (i32.const 64)))))\n"
          + "  (func (export \"gather\") (local $v v128)\n"
          + "    (call $fill)\n"
          + "    (local.set $v (v128.const i64x2 -1 -1))\n"
          + "    (local.set $v (v128.load8_lane 0 (i32.const 0) (local.get $v)))\n"
          + "    (local.set $v (v128.load8_lane offset=3 9 (i32.const 1) (local.get $v)))\n"
          + "    (local.set $v (v128.load16_lane 3 (i32.const 8) (local.get $v)))\n"
          + "    (local.set $v (v128.load32_lane 3 (i32.const 12) (local.get $v)))\n"
          + "    (local.set $v (i16x8.replace_lane 5 (local.get $v) (i32.const 0x1_2345)))\n"
          + "    (local.set $v (f32x4.replace_lane 2 (local.get $v) (f32.const -1.5)))\n"
          + "    (v128.store64_lane 1 (i32.const 32) (local.get $v))\n"
          + "    (v128.store8_lane 15 (i32.const 40) (local.get $v))\n"
          + "    (local.set $v (v128.load64_lane 0 (i32.const 32) (local.get $v)))\n"
          + "    (v128.store (i32.const 48)\n"
          + "      (i8x16.replace_lane 1 (local.get $v) (i32.load8_u (i32.const 40)))))\n"
          + "  (func (export \"result\") (result v128) (v128.load (i32.const 48)))\n"
          + "  (func (export \"bounds\") (result v128)\n"
          + "    (v128.load16_lane 0 (i32.const 65535) (v128.const i64x2 0 0))))";

  @Test
  void laneLoadsReplacementsAndStoresPutEachLaneInPlace() {
    CompiledModule compiled = Flarec.compileText(MODULE, CompileOptions.defaults());
    byte[] v = new byte[16];
    Arrays.fill(v, (byte) -1);
    v[0] = 0x10; // load8_lane 0 from byte 0
    v[9] = 0x14; // load8_lane 9 from byte 1 + 3
    v[6] = 0x18; // load16_lane 3 (bytes 6, 7) from bytes 8, 9
    v[7] = 0x19;
    for (int k = 0; k < 4; k++) {
      v[12 + k] = (byte) (0x1C + k); // load32_lane 3 from bytes 12..15
    }
    v[10] = 0x45; // i16x8.replace_lane 5 keeps the low 16 bits of 0x12345
    v[11] = 0x23;
    int minusOneAndAHalf = Float.floatToRawIntBits(-1.5f);
    for (int k = 0; k < 4; k++) {
      v[8 + k] = (byte) (minusOneAndAHalf >>> (8 * k)); // f32x4.replace_lane 2
    }
    // store64_lane 1 writes bytes 8..15 to 32..39, store8_lane 15 writes byte 15 to 40; then
    // load64_lane 0 reads 32..39 into bytes 0..7 and byte 1 becomes byte 40
    System.arraycopy(v, 8, v, 0, 8);
    v[1] = v[15];
    var instance = compiled.load().instantiate();
    instance.function("gather").call();
    assertEquals(V128.ofI8(v), instance.function("result").call()[0], "the gathered vector");
    // func1 is "gather": no constructor call, so no V128 (nor any other object) is created
    List<String> calls = MethodShape.of(compiled).get("func1").calls();
    assertFalse(calls.contains("<init>"), "calls of gather: " + calls);
  }

  @Test
  void aLaneLoadPastTheEndOfMemoryTraps() {
    CompiledModule compiled = Flarec.compileText(MODULE, CompileOptions.defaults());
    RuntimeException trap =
        assertThrows(
            RuntimeException.class, () -> compiled.load().instantiate().function("bounds").call());
    assertTrue(trap.getMessage().contains("out of bounds"), trap.getMessage());
  }
}
