package dev.flarec.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.runtime.instance.Instance;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * JDK 17's C2 has miscompiled folded unsigned comparisons (JDK-8376400, seen in production by a
 * Wasm engine that used {@code Integer.compareUnsigned}). Runs a function full of {@code lt_u} long
 * enough for C2 to compile it, and checks every answer against plain Java arithmetic.
 */
class UnsignedCompareRegressionTest {
  @Test
  void unsignedComparisonsStayCorrectOnceJitCompiled() {
    Instance instance = Flarec.compile(Corpus.bytes("arithmetic")).load().instantiate();
    IntBinaryOperator count = instance.function("count_unsigned_less").as(IntBinaryOperator.class);
    int[] multipliers = {1, 3, 0x10000001, 0x7FFFFFFF, 0x80000001, -1, 65537};
    for (int round = 0; round < 200; round++) {
      for (int k : multipliers) {
        int n = 40;
        assertEquals(expected(n, k), count.applyAsInt(n, k), "n=" + n + " k=" + k);
      }
    }
  }

  @SuppressWarnings("NarrowCalculation") // the product wraps on purpose, as i32.mul does
  private static int expected(int n, int k) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (((i * k) & 0xFFFFFFFFL) < ((j * k) & 0xFFFFFFFFL)) {
          count++;
        }
      }
    }
    return count;
  }
}
