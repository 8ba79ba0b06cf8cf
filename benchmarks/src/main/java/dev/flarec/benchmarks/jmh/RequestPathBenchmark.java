package dev.flarec.benchmarks.jmh;

import dev.flarec.benchmarks.request.FlareHarness;
import dev.flarec.benchmarks.request.PlainHandlers;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A flare's share of one request, in process: {@code handle_request} with the host functions and
 * the per-request reset, against plain Java computing the same body. No HTTP here; run.sh's wrk
 * test measures the whole path over the network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RequestPathBenchmark {
  private static final String PATH = "/world?x=1";

  @Param({"hello", "hash"})
  public String flare;

  @Param({"FLAREC", "JAVA"})
  public String impl;

  private FlareHarness harness;

  @Setup
  public void setUp() {
    byte[] expected = plain();
    harness = FlareHarness.start(flare);
    byte[] got = harness.get(PATH);
    if (!Arrays.equals(expected, got)) {
      throw new IllegalStateException(
          "the "
              + flare
              + " flare answered "
              + new String(got, StandardCharsets.UTF_8)
              + " but plain Java "
              + new String(expected, StandardCharsets.UTF_8));
    }
  }

  @TearDown
  public void tearDown() {
    harness.close();
  }

  private byte[] plain() {
    return flare.equals("hash")
        ? PlainHandlers.hashBody(PATH)
        : PlainHandlers.helloBody("GET", PATH);
  }

  @Benchmark
  public byte[] request() {
    return impl.equals("FLAREC") ? harness.get(PATH) : plain();
  }
}
