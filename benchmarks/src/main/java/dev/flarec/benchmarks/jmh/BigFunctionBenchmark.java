package dev.flarec.benchmarks.jmh;

import dev.flarec.benchmarks.engine.Engine;
import dev.flarec.benchmarks.engine.KernelRunner;
import dev.flarec.benchmarks.kernel.Kernel;
import dev.flarec.benchmarks.kernel.KernelCatalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The kernel that is one very large function (kernels/bigfunc.c: SHA-256 with its compression fully
 * unrolled) under the JVM's default flags: flarec splitting it under the 8,000-byte budget, flarec
 * leaving it whole (budget 65,535; HotSpot then never JIT-compiles it), and Chicory. {@link
 * BigFunctionHugeMethodsBenchmark} repeats the unsplit cases with {@code
 * -XX:-DontCompileHugeMethods}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
// 10 s of warm-up, not 3: C2 needs about 6 s on 2 cores to compile the split runs (see
// docs/benchmarks.md), and the steady state is what a long-running server sees
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class BigFunctionBenchmark {
  @Param({"FLAREC", "FLAREC_UNSPLIT", "CHICORY_COMPILER", "CHICORY_INTERPRETER"})
  public Engine engine;

  private KernelRunner runner;
  private int n;

  @Setup
  public void setUp() {
    Kernel k = KernelCatalog.named(KernelCatalog.BIG_FUNCTION);
    runner = engine.loadChecked(k);
    n = k.benchN();
  }

  @Benchmark
  public long run() {
    return runner.run(n);
  }
}
