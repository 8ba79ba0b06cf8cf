package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.simd.V128;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The widenings of 16-bit lanes to 32 ({@link SimdLanes#widen16}, {@link SimdLanes#dot16}, {@link
 * SimdLanes#loadWidened16}) computed straight into {@code int} lanes, as when an {@code i32x4.add}
 * consumes them, against the same instruction on halves (its result returned as is, the path the
 * spec suite checks), on random operands, at the default and a tiny method budget.
 */
class SimdWideningTest {
  static final String[] BINARY = {
    "i32x4.extmul_low_i16x8_s",
    "i32x4.extmul_high_i16x8_s",
    "i32x4.extmul_low_i16x8_u",
    "i32x4.extmul_high_i16x8_u",
    "i32x4.dot_i16x8_s"
  };
  static final String[] UNARY = {
    "i32x4.extend_low_i16x8_s", "i32x4.extend_high_i16x8_s",
    "i32x4.extend_low_i16x8_u", "i32x4.extend_high_i16x8_u",
    "i32x4.extadd_pairwise_i16x8_s", "i32x4.extadd_pairwise_i16x8_u"
  };

  private static String module() {
    StringBuilder m = new StringBuilder("(module (memory 1)\n");
    for (int i = 0; i < BINARY.length; i++) {
      m.append(
          String.format(
              "(func (export \"b%d\") (param v128 v128) (result v128) (%s (local.get 0) (local.get 1)))\n"
                  + "(func (export \"bl%d\") (param v128 v128) (result v128)\n"
                  + "  (i32x4.add (%s (local.get 0) (local.get 1)) (v128.const i32x4 0 0 0 0)))\n",
              i, BINARY[i], i, BINARY[i]));
    }
    for (int i = 0; i < UNARY.length; i++) {
      m.append(
          String.format(
              "(func (export \"u%d\") (param v128) (result v128) (%s (local.get 0)))\n"
                  + "(func (export \"ul%d\") (param v128) (result v128)\n"
                  + "  (i32x4.add (%s (local.get 0)) (v128.const i32x4 0 0 0 0)))\n",
              i, UNARY[i], i, UNARY[i]));
    }
    for (String sign : new String[] {"s", "u"}) {
      m.append(
          String.format(
              "(func (export \"load_%s\") (param i32) (result v128) (v128.load16x4_%s (local.get 0)))\n"
                  + "(func (export \"loadl_%s\") (param i32) (result v128)\n"
                  + "  (i32x4.add (v128.load16x4_%s (local.get 0)) (v128.const i32x4 0 0 0 0)))\n",
              sign, sign, sign, sign));
    }
    // dot_i16x8_s has no halves form: an operand in halves is boxed for its runtime call
    m.append(
        "(func (export \"add\") (param v128) (result v128) (i16x8.add (local.get 0) (local.get 0)))\n"
            + "(func (export \"dotOfHalves\") (param v128 v128) (result v128)\n"
            + "  (i32x4.dot_i16x8_s (i16x8.add (local.get 0) (local.get 0)) (local.get 1)))\n");
    m.append("(func (export \"poke\") (param i32 i64) (i64.store (local.get 0) (local.get 1))))");
    return m.toString();
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void lanesAndHalvesAgree(int budget) {
    Instance in =
        Flarec.compileText(module(), CompileOptions.defaults().withMethodBudget(budget))
            .load()
            .instantiate();
    SplittableRandom random = new SplittableRandom(21);
    for (int round = 0; round < 200; round++) {
      V128 a = operand(random, round);
      V128 b = operand(random, round + 1);
      for (int i = 0; i < BINARY.length; i++) {
        assertEquals(
            in.function("b" + i).call(a, b)[0], in.function("bl" + i).call(a, b)[0], BINARY[i]);
      }
      for (int i = 0; i < UNARY.length; i++) {
        assertEquals(in.function("u" + i).call(a)[0], in.function("ul" + i).call(a)[0], UNARY[i]);
      }
      V128 doubled = (V128) in.function("add").call(a)[0];
      assertEquals(
          in.function("b4").call(doubled, b)[0],
          in.function("dotOfHalves").call(a, b)[0],
          "dot of a value in halves");
      in.function("poke").call(64, a.lo);
      in.function("poke").call(72, a.hi);
      for (String sign : new String[] {"s", "u"}) {
        int at = 64 + random.nextInt(9);
        assertEquals(
            in.function("load_" + sign).call(at)[0],
            in.function("loadl_" + sign).call(at)[0],
            "load16x4_" + sign);
      }
    }
  }

  /** Random lanes, every few rounds the extremes (-32768 and 32767 in every 16-bit lane). */
  private static V128 operand(SplittableRandom random, int round) {
    return switch (round % 5) {
      case 0 -> new V128(0x8000_8000_8000_8000L, 0x8000_8000_8000_8000L);
      case 1 -> new V128(0x7FFF_7FFF_7FFF_7FFFL, 0xFFFF_FFFF_FFFF_FFFFL);
      default -> new V128(random.nextLong(), random.nextLong());
    };
  }
}
