package dev.flarec.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.layout.MethodSizes;
import java.util.Map;

/** Checks that every method of every generated class is within a bytecode budget. */
public final class MethodSizeCheck {
  private MethodSizeCheck() {}

  /** Fails naming the first method over {@code budget}; returns the largest method's size. */
  public static int assertWithin(CompiledModule compiled, int budget) {
    int largest = 0;
    for (Map.Entry<String, byte[]> c : compiled.classFiles().entrySet()) {
      for (Map.Entry<String, Integer> m : MethodSizes.of(c.getValue()).entrySet()) {
        assertTrue(
            m.getValue() <= budget,
            c.getKey() + "." + m.getKey() + " has " + m.getValue() + " bytes, over " + budget);
        largest = Math.max(largest, m.getValue());
      }
    }
    return largest;
  }

  /** Number of methods across the generated classes. */
  public static int methodCount(CompiledModule compiled) {
    int n = 0;
    for (byte[] c : compiled.classFiles().values()) {
      n += MethodSizes.of(c).size();
    }
    return n;
  }
}
