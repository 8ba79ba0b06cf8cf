package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.simd.V128;
import dev.flarec.runtime.trap.WasmTrap;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Widenings of bytes kept uncomputed ({@link ByteWidening}): every {@code i16x8} widening of bytes
 * and {@code v128.load8x8} under every {@code i32x4} widening of 16-bit lanes, read straight into
 * {@code int} lanes (an {@code i32x4.add} consumes the result), computed into halves (the result
 * returned as is) and against the two instructions in separate functions, on random and extreme
 * bytes (0x80, 0xFF, 0x7F: sign and zero extension differ there), at the default and the spec
 * suite's tiny method budget. Also the {@code v128} loads and stores whose parts share one check of
 * the 16-byte access ({@code MemoryAccess.loadIntOf16}, {@code storeLongOf16}) at the end of
 * memory, with and without the sized forms a growing memory uses.
 */
class ByteWideningTest {
  private static final String[] EXTENDS = {
    "i16x8.extend_low_i8x16_s",
    "i16x8.extend_high_i8x16_s",
    "i16x8.extend_low_i8x16_u",
    "i16x8.extend_high_i8x16_u"
  };
  // the eleven widenings of 16-bit lanes to 32: the list SimdWideningTest checks
  private static final String[] BINARY = SimdWideningTest.BINARY;
  private static final String[] UNARY = SimdWideningTest.UNARY;
  private static final String ZERO = "(v128.const i32x4 0 0 0 0)";

  private static String module(boolean grows) {
    StringBuilder m = new StringBuilder("(module (memory 1 2)\n");
    for (int e = 0; e < EXTENDS.length; e++) {
      m.append(fn("e" + e, 1, "(" + EXTENDS[e] + " (local.get 0))"));
    }
    for (int i = 0; i < BINARY.length; i++) {
      m.append(fn("b" + i, 2, "(" + BINARY[i] + " (local.get 0) (local.get 1))"));
      for (int e = 0; e < EXTENDS.length; e++) {
        String ea = "(" + EXTENDS[e] + " (local.get 0))";
        String eb = "(" + EXTENDS[(e + 1) % EXTENDS.length] + " (local.get 1))";
        String op = "(" + BINARY[i] + " " + ea + " " + eb + ")";
        m.append(fn("bh" + i + "_" + e, 2, op));
        m.append(fn("bl" + i + "_" + e, 2, "(i32x4.add " + op + " " + ZERO + ")"));
        // one operand widened bytes, the other in halves
        m.append(
            fn(
                "bm" + i + "_" + e,
                2,
                "(i32x4.add (" + BINARY[i] + " " + ea + " (local.get 1)) " + ZERO + ")"));
      }
    }
    for (int i = 0; i < UNARY.length; i++) {
      m.append(fn("u" + i, 1, "(" + UNARY[i] + " (local.get 0))"));
      for (int e = 0; e < EXTENDS.length; e++) {
        String op = "(" + UNARY[i] + " (" + EXTENDS[e] + " (local.get 0)))";
        m.append(fn("uh" + i + "_" + e, 1, op));
        m.append(fn("ul" + i + "_" + e, 1, "(i32x4.add " + op + " " + ZERO + ")"));
      }
      for (String sign : new String[] {"s", "u"}) {
        String load = "(v128.load8x8_" + sign + " (i32.load (i32.const 0)))";
        m.append(
            String.format(
                "(func (export \"l%s%d\") (result v128) (i32x4.add (%s %s) %s))\n",
                sign, i, UNARY[i], load, ZERO));
      }
    }
    for (String sign : new String[] {"s", "u"}) {
      m.append(
          String.format(
              "(func (export \"load8x8_%s\") (param i32) (result v128) (v128.load8x8_%s (local.get 0)))\n",
              sign, sign));
    }
    m.append(
        "(func (export \"lanes\") (param i32) (result v128) (i32x4.add (v128.load (local.get 0)) "
            + ZERO
            + "))\n"
            + "(func (export \"store\") (param i32 v128) (v128.store (local.get 0) (local.get 1)))\n"
            + "(func (export \"poke\") (param i32 i64) (i64.store (local.get 0) (local.get 1)))\n"
            + "(func (export \"peek\") (param i32) (result i64) (i64.load (local.get 0)))\n");
    if (grows) {
      m.append("(func (export \"grow\") (result i32) (memory.grow (i32.const 0)))\n");
    }
    return m.append(")").toString();
  }

  private static String fn(String name, int params, String body) {
    return String.format(
        "(func (export \"%s\") (param%s) (result v128) %s)\n", name, " v128".repeat(params), body);
  }

  /**
   * The default budget and the spec suite's tiny one (a lane read from a byte is 6 to 16 bytes).
   */
  @ParameterizedTest
  @ValueSource(ints = {8000, 500})
  void widenedBytesAgreeWithTheTwoInstructionsApart(int budget) {
    Instance in = instance(false, budget);
    SplittableRandom random = new SplittableRandom(8);
    for (int round = 0; round < 100; round++) {
      V128 a = operand(random, round);
      V128 b = operand(random, round + 2);
      V128[] widenedA = new V128[EXTENDS.length];
      for (int e = 0; e < EXTENDS.length; e++) {
        widenedA[e] = (V128) in.function("e" + e).call(a)[0];
      }
      for (int i = 0; i < BINARY.length; i++) {
        for (int e = 0; e < EXTENDS.length; e++) {
          V128 widenedB = (V128) in.function("e" + (e + 1) % EXTENDS.length).call(b)[0];
          Object expected = in.function("b" + i).call(widenedA[e], widenedB)[0];
          String what = BINARY[i] + " of " + EXTENDS[e];
          assertEquals(expected, in.function("bh" + i + "_" + e).call(a, b)[0], what);
          assertEquals(expected, in.function("bl" + i + "_" + e).call(a, b)[0], what);
          assertEquals(
              in.function("b" + i).call(widenedA[e], b)[0],
              in.function("bm" + i + "_" + e).call(a, b)[0],
              what + " and halves");
        }
      }
      for (int i = 0; i < UNARY.length; i++) {
        for (int e = 0; e < EXTENDS.length; e++) {
          Object expected = in.function("u" + i).call(widenedA[e])[0];
          String what = UNARY[i] + " of " + EXTENDS[e];
          assertEquals(expected, in.function("uh" + i + "_" + e).call(a)[0], what);
          assertEquals(expected, in.function("ul" + i + "_" + e).call(a)[0], what);
        }
      }
      int at = 64 + random.nextInt(9);
      in.function("poke").call(64, a.lo);
      in.function("poke").call(72, a.hi);
      in.function("poke").call(0, (long) at);
      for (String sign : new String[] {"s", "u"}) {
        V128 loaded = (V128) in.function("load8x8_" + sign).call(at)[0];
        for (int i = 0; i < UNARY.length; i++) {
          assertEquals(
              in.function("u" + i).call(loaded)[0],
              in.function("l" + sign + i).call()[0],
              UNARY[i] + " of v128.load8x8_" + sign);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void loadsAndStoresCheckTheWhole16BytesAtTheEndOfMemory(boolean grows) {
    Instance in = instance(grows, 8000);
    int end = 65536;
    in.function("poke").call(end - 8, 0x0807060504030201L);
    V128 last = (V128) in.function("lanes").call(end - 16)[0];
    assertEquals(0x0807060504030201L, last.hi);
    assertThrows(WasmTrap.class, () -> in.function("lanes").call(end - 15));
    assertThrows(WasmTrap.class, () -> in.function("lanes").call(-1));
    assertThrows(WasmTrap.class, () -> in.function("load8x8_u").call(end - 7));
    V128 ones = new V128(-1L, -1L);
    assertThrows(WasmTrap.class, () -> in.function("store").call(end - 15, ones));
    // the trapping store wrote neither half
    assertEquals(0x0807060504030201L, in.function("peek").call(end - 8)[0]);
    assertEquals(0L, in.function("peek").call(end - 16)[0]);
    in.function("store").call(end - 16, ones);
    assertArrayEquals(
        new Object[] {ones}, in.function("lanes").call(end - 16), "stored at the very end");
  }

  private static Instance instance(boolean grows, int budget) {
    return Flarec.compileText(module(grows), CompileOptions.defaults().withMethodBudget(budget))
        .load()
        .instantiate();
  }

  /** Random bytes, every few rounds the bytes where sign and zero extension differ most. */
  private static V128 operand(SplittableRandom random, int round) {
    return switch (round % 5) {
      case 0 -> new V128(0x8080_8080_8080_8080L, 0xFFFF_FFFF_FFFF_FFFFL);
      case 1 -> new V128(0x7F80_FF00_017F_80FFL, 0x0000_0000_7F7F_7F7FL);
      default -> new V128(random.nextLong(), random.nextLong());
    };
  }
}
