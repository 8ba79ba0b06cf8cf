package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodSizeCheck;
import dev.flarec.runtime.simd.V128;
import org.junit.jupiter.api.Test;

/**
 * A function with {@code v128} parameters, locals (one never written, whose zero is a vector of
 * zeros, not null), block results, branch values and memory traffic, large enough to be split at a
 * small budget: split, it must compute exactly what the whole function computes.
 */
class SimdSplitTest {
  private static final int SMALL_BUDGET = 300;

  /** {@code rounds} statement groups in a loop, each mixing lanes and carrying v128 values. */
  private static String module(int rounds) {
    StringBuilder body = new StringBuilder();
    for (int k = 1; k <= rounds; k++) {
      body.append(
              "      (local.set $a (i32x4.add (local.get $a) (i32x4.mul (local.get $b) (v128.const i32x4 ")
          .append(k)
          .append(' ')
          .append(k + 1)
          .append(' ')
          .append(k * 3)
          .append(' ')
          .append(-k)
          .append("))))\n");
      body.append(
              "      (local.set $b (v128.xor (local.get $b) (i8x16.shuffle 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 ")
          .append(16 + k % 16)
          .append(" (local.get $a) (local.get $b))))\n");
      body.append("      (v128.store offset=")
          .append(16 * (k % 8))
          .append(" (i32.const 0) (local.get $a))\n");
      body.append("      (local.set $a (block (result v128)\n")
          .append("        (br_if 0 (local.get $b) (i32.eqz (i32.and (local.get $i) (i32.const ")
          .append(k % 3 + 1)
          .append("))))\n")
          .append("        (drop)\n")
          .append("        (i16x8.add_sat_s (local.get $a) (v128.load offset=")
          .append(16 * ((k + 3) % 8))
          .append(" (i32.const 0)))))\n");
      // $z is never written: its zero must be a v128 of zeros wherever the split puts it
      body.append("      (local.set $a (v128.or (local.get $a) (local.get $z)))\n");
      body.append("      (local.set $s (i32.add (local.get $s) (i32x4.extract_lane ")
          .append(k % 4)
          .append(" (local.get $a))))\n");
    }
    return "(module (memory 1)\n"
        + "  (func (export \"f\") (param $x v128) (param $n i32) (result v128 i32)\n"
        + "    (local $a v128) (local $b v128) (local $z v128) (local $i i32) (local $s i32)\n"
        + "    (local.set $a (local.get $x))\n"
        + "    (local.set $b (v128.const i32x4 1 2 3 4))\n"
        + "    (loop $l\n"
        + body
        + "      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))\n"
        + "    (i32x4.add (local.get $a) (local.get $b)) (local.get $s)))\n";
  }

  private static Object[] run(CompiledModule m, V128 x, int n) {
    return m.load().instantiate().function("f").call(x, n);
  }

  @Test
  void aSplitFunctionComputesWhatTheWholeOneDoes() {
    String wat = module(40);
    CompiledModule whole = Flarec.compileText(wat, CompileOptions.defaults());
    CompiledModule split =
        Flarec.compileText(wat, CompileOptions.defaults().withMethodBudget(SMALL_BUDGET));
    MethodSizeCheck.assertWithin(split, SMALL_BUDGET);
    assertTrue(
        MethodSizeCheck.methodCount(split) > MethodSizeCheck.methodCount(whole) + 5,
        "the small budget splits the function into runs");
    for (int n : new int[] {1, 2, 7}) {
      V128 x = V128.ofI32(n, -n, 0x7fff_ffff, 12345);
      Object[] expected = run(whole, x, n);
      Object[] actual = run(split, x, n);
      assertEquals(expected[0], actual[0], "v128 result, n=" + n);
      assertEquals(expected[1], actual[1], "i32 result, n=" + n);
    }
  }
}
