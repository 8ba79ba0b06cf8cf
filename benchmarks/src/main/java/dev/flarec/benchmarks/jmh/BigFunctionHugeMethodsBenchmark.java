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
 * {@link BigFunctionBenchmark} with {@code -XX:-DontCompileHugeMethods}: what a user who knows the
 * flag gets from an unsplit method, against which the split one is judged.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods")
// 10 s of warm-up, not 3: C2 needs about 6 s on 2 cores to compile the split runs (see
// docs/benchmarks.md), and the steady state is what a long-running server sees
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class BigFunctionHugeMethodsBenchmark {
  @Param({"FLAREC_UNSPLIT", "CHICORY_COMPILER"})
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
