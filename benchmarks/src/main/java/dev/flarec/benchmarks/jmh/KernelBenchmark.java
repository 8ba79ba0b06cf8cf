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

/** Each compute kernel on flarec, Chicory's compiler and Chicory's interpreter. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KernelBenchmark {
  @Param({
    "collatz",
    "nbody",
    "matmul",
    "sort",
    "hashmap",
    "sha256",
    "fib",
    "indirect",
    "interp",
    "memops"
  })
  public String kernel;

  @Param({"FLAREC", "CHICORY_COMPILER", "CHICORY_INTERPRETER"})
  public Engine engine;

  private KernelRunner runner;
  private int n;

  @Setup
  public void setUp() {
    Kernel k = KernelCatalog.named(kernel);
    runner = engine.loadChecked(k);
    n = k.benchN();
  }

  @Benchmark
  public long run() {
    return runner.run(n);
  }
}
