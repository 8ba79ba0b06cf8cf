package dev.flarec.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.benchmarks.engine.Engine;
import dev.flarec.benchmarks.handwritten.HandwrittenKernels;
import dev.flarec.benchmarks.kernel.Kernel;
import dev.flarec.benchmarks.kernel.KernelCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel gives native code's answer on every engine the benchmarks time, at the small work
 * size (the benchmarks check the full size again before timing).
 */
class KernelAgreementTest {
  static List<Arguments> kernelsOnEngines() {
    List<Arguments> cases = new ArrayList<>();
    for (Kernel kernel : KernelCatalog.all()) {
      cases.add(Arguments.of(kernel.name(), Engine.FLAREC));
      cases.add(Arguments.of(kernel.name(), Engine.CHICORY_COMPILER));
      cases.add(Arguments.of(kernel.name(), Engine.CHICORY_INTERPRETER));
      if (kernel.name().equals(KernelCatalog.BIG_FUNCTION)) {
        cases.add(Arguments.of(kernel.name(), Engine.FLAREC_UNSPLIT));
      }
      if (HandwrittenKernels.names().contains(kernel.name())) {
        cases.add(Arguments.of(kernel.name(), Engine.JAVA));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("kernelsOnEngines")
  void sameAnswerAsNative(String name, Engine engine) {
    Kernel kernel = KernelCatalog.named(name);
    long got = engine.load(kernel).run(kernel.checkN());
    assertEquals(kernel.expectedCheck(), got, name + " on " + engine.label());
  }

  @Test
  void handwrittenJavaAgreesAtTheBenchmarkSize() {
    for (String name : HandwrittenKernels.names()) {
      Kernel kernel = KernelCatalog.named(name);
      assertEquals(kernel.expectedBench(), Engine.JAVA.load(kernel).run(kernel.benchN()), name);
    }
  }

  @Test
  void theBigFunctionKernelComputesWhatTheRolledOneDoes() {
    Kernel big = KernelCatalog.named(KernelCatalog.BIG_FUNCTION);
    Kernel rolled = KernelCatalog.named("sha256");
    assertEquals(rolled.expectedBench(), big.expectedBench());
    assertTrue(KernelCatalog.all().size() >= 9, "at least eight compute kernels and the big one");
  }
}
