package dev.flarec.benchmarks.jmh;

import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.types.Limits;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Growing a memory one page at a time from one page to {@code pages} pages (16,384 pages is 1 GiB),
 * as a program whose {@code malloc} asks for a page at a time does: flarec's {@link Memory} (the
 * array doubles, the size is exact), against an array that is always exactly as long as the memory
 * (what flarec did before, and what an implementation relying on the JVM's bounds check alone must
 * do), measured only up to 16 MiB because it is quadratic. See
 * docs/RATIONALE.md#why-memory-grows-by-doubling.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class MemoryGrowthBenchmark {
  /** Sizes for the doubling array. */
  @State(Scope.Benchmark)
  public static class Target {
    @Param({"256", "16384"})
    public int pages;
  }

  /** The exact array is quadratic: 1 GiB a page at a time would copy about 8 TiB. */
  @State(Scope.Benchmark)
  public static class SmallTarget {
    @Param({"256"})
    public int pages;
  }

  @Benchmark
  public int doublingArray(Target target) {
    Memory memory = new Memory(new Limits(1, target.pages));
    while (memory.pages() < target.pages) {
      memory.grow(1);
    }
    return memory.bytes.length;
  }

  @Benchmark
  public int exactArray(SmallTarget target) {
    int size = target.pages * Memory.PAGE_SIZE;
    byte[] bytes = new byte[Memory.PAGE_SIZE];
    while (bytes.length < size) {
      bytes = Arrays.copyOf(bytes, bytes.length + Memory.PAGE_SIZE);
    }
    return bytes.length;
  }
}
