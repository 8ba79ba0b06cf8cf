package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.simd.V128;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code v128} values held in lanes ({@link SimdLanes}): accumulators in {@code int} and {@code
 * float} lane locals across a loop's back edge, loads straight into lanes, values moving between
 * lanes, halves and {@code V128} objects (a {@code v128.xor}, a call, a result), and NaN payloads
 * kept through float lanes; at the default and a tiny method budget.
 */
class SimdLanesTest {
  private static final String MODULE =
      "(module (memory 1)\n"
          // sum of a[i] * b[i] over n ints at 0 and 4096, four lanes at a time
          + "  (func (export \"dot\") (param $n i32) (result i32)\n"
          + "    (local $acc v128) (local $i i32)\n"
          + "    (loop $l\n"
          + "      (local.set $acc (i32x4.add (local.get $acc)\n"
          + "        (i32x4.mul (v128.load (local.get $i))\n"
          + "                   (v128.load offset=4096 (local.get $i)))))\n"
          + "      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16)))\n"
          + "                          (i32.mul (local.get $n) (i32.const 4)))))\n"
          + "    (i32.add (i32.add (i32x4.extract_lane 0 (local.get $acc))\n"
          + "                      (i32x4.extract_lane 1 (local.get $acc)))\n"
          + "             (i32.add (i32x4.extract_lane 2 (local.get $acc))\n"
          + "                      (i32x4.extract_lane 3 (local.get $acc)))))\n"
          // acc = acc * x + v[k] in float lanes, k steps; the result leaves as a V128
          + "  (func (export \"poly\") (param $x f32) (param $k i32) (result v128)\n"
          + "    (local $acc v128) (local $i i32)\n"
          + "    (loop $l\n"
          + "      (local.set $acc (f32x4.add (f32x4.mul (local.get $acc) (f32x4.splat (local.get $x)))\n"
          + "                                 (v128.load offset=8192 (i32.mul (local.get $i) (i32.const 16)))))\n"
          + "      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))\n"
          + "                          (local.get $k))))\n"
          + "    (local.get $acc))\n"
          // a float-lane local written by a load (any bits) and by arithmetic, then stored back
          + "  (func (export \"copy\") (param $twice i32) (result i64)\n"
          + "    (local $v v128)\n"
          + "    (local.set $v (v128.load offset=12288 (i32.const 0)))\n"
          + "    (if (local.get $twice)\n"
          + "      (then (local.set $v (f32x4.add (local.get $v) (local.get $v)))))\n"
          + "    (v128.store offset=12304 (i32.const 0) (local.get $v))\n"
          + "    (i64.load offset=12304 (i32.const 0)))\n"
          // an int-lane value through a halves operation, a call and back
          + "  (func $id (param v128) (result v128) (local.get 0))\n"
          + "  (func (export \"mix\") (param $a v128) (result v128)\n"
          + "    (local $t v128)\n"
          + "    (local.set $t (i32x4.mul (local.get $a) (i32x4.splat (i32.const 3))))\n"
          + "    (local.set $t (i32x4.sub (call $id (v128.xor (local.get $t) (local.get $a)))\n"
          + "                             (local.tee $t (i32x4.add (local.get $t) (local.get $t)))))\n"
          + "    (i32x4.add (local.get $t) (f32x4.splat (f32.const 1.5))))\n"
          + "  (func (export \"poke\") (param $at i32) (param $v i32) (i32.store (local.get $at) (local.get $v))))";

  private static Instance instance(int budget) {
    CompiledModule m =
        Flarec.compileText(MODULE, CompileOptions.defaults().withMethodBudget(budget));
    return m.load().instantiate();
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void intLanesAccumulateAcrossTheLoop(int budget) {
    Instance in = instance(budget);
    int n = 64;
    int expected = 0;
    for (int i = 0; i < n; i++) {
      int a = i * 0x01234567 + 5;
      int b = 0x7fff_0000 - i * 977;
      in.function("poke").call(4 * i, a);
      in.function("poke").call(4096 + 4 * i, b);
      expected += a * b;
    }
    assertEquals(expected, in.function("dot").call(n)[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void floatLanesAccumulateAcrossTheLoop(int budget) {
    Instance in = instance(budget);
    int k = 5;
    float x = 1.25f;
    float[] acc = new float[4];
    for (int i = 0; i < k; i++) {
      for (int lane = 0; lane < 4; lane++) {
        float v = i * 0.5f - lane * 3.75f;
        in.function("poke").call(8192 + 16 * i + 4 * lane, Float.floatToRawIntBits(v));
        acc[lane] = acc[lane] * x + v;
      }
    }
    V128 result = (V128) in.function("poly").call(x, k)[0];
    for (int lane = 0; lane < 4; lane++) {
      assertEquals(Float.floatToRawIntBits(acc[lane]), result.i32(lane), "lane " + lane);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void floatLanesKeepTheBitsOfWhatTheyLoad(int budget) {
    Instance in = instance(budget);
    int signalingNaN = 0x7fa0_0001;
    int negativeZero = 0x8000_0000;
    in.function("poke").call(12288, signalingNaN);
    in.function("poke").call(12292, negativeZero);
    long bits = (Long) in.function("copy").call(0)[0];
    assertEquals(signalingNaN, (int) bits);
    assertEquals(negativeZero, (int) (bits >>> 32));
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void valuesMoveBetweenLanesHalvesAndObjects(int budget) {
    Instance in = instance(budget);
    int[] a = {7, -1, 0x4000_0001, Integer.MIN_VALUE};
    V128 result = (V128) in.function("mix").call(V128.ofI32(a[0], a[1], a[2], a[3]))[0];
    int onePointFive = Float.floatToRawIntBits(1.5f);
    for (int lane = 0; lane < 4; lane++) {
      int t = a[lane] * 3;
      int doubled = t + t;
      int expected = ((t ^ a[lane]) - doubled) + onePointFive;
      assertEquals(expected, result.i32(lane), "lane " + lane);
    }
  }
}
