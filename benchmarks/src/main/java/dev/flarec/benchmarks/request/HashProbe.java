package dev.flarec.benchmarks.request;

import dev.flarec.benchmarks.report.Stats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The {@code hash} flare's share of a request (its {@code handle_request} and the instance reset,
 * through {@link FlareHarness}) against {@link PlainHandlers#hashBodyInJava}, the same SHA-256 work
 * written in Java, in one process and one thread. The two alternate in batches, the order swapped
 * every round, so that load from elsewhere on the machine hits both; each batch is timed in this
 * thread's CPU time, which other processes do not inflate. Prints each round and the medians:
 * microseconds per request and the flare's time over plain Java's.
 *
 * <pre>java -cp ... dev.flarec.benchmarks.request.HashProbe [WARM_SECONDS] [ROUNDS] [BATCH_SECONDS]
 * </pre>
 */
public final class HashProbe {
  /** The path and query benchmarks/wrk/load-test.sh asks for. */
  private static final String PATH = "/world?x=1";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private HashProbe() {}

  /** One side of the comparison: serves a request, returns the body's length (kept live). */
  private interface Side {
    int serve();
  }

  public static void main(String[] args) {
    double warm = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double batch = args.length > 2 ? Double.parseDouble(args[2]) : 1;
    try (FlareHarness flare = FlareHarness.start("hash")) {
      byte[] expected = PlainHandlers.hashBodyInJava(PATH);
      if (!Arrays.equals(flare.get(PATH), expected)
          || !Arrays.equals(PlainHandlers.hashBody(PATH), expected)) {
        System.err.println("HashProbe: the flare and plain Java answer different bodies");
        System.exit(1);
      }
      Side flareSide = () -> flare.get(PATH).length;
      Side plainSide = () -> PlainHandlers.hashBodyInJava(PATH).length;
      long sink = 0;
      long warmEnd = System.nanoTime() + (long) (warm * 1e9);
      while (System.nanoTime() < warmEnd) {
        sink += flareSide.serve() + plainSide.serve();
      }
      double[] flareMicros = new double[rounds];
      double[] plainMicros = new double[rounds];
      long[] sinkBox = {sink};
      for (int r = 0; r < rounds; r++) {
        if (r % 2 == 0) {
          flareMicros[r] = cpuMicrosPerCall(flareSide, batch, sinkBox);
          plainMicros[r] = cpuMicrosPerCall(plainSide, batch, sinkBox);
        } else {
          plainMicros[r] = cpuMicrosPerCall(plainSide, batch, sinkBox);
          flareMicros[r] = cpuMicrosPerCall(flareSide, batch, sinkBox);
        }
        System.out.printf(
            "round %d: flare %.1f us, plain Java %.1f us, ratio %.2f%n",
            r + 1, flareMicros[r], plainMicros[r], flareMicros[r] / plainMicros[r]);
      }
      double f = Stats.median(flareMicros);
      double p = Stats.median(plainMicros);
      System.out.printf(
          "median CPU per request: flare %.1f us, plain Java %.1f us; flare / plain Java %.2f"
              + " (the flare at %.0f%% of plain Java's rate)%n",
          f, p, f / p, 100 * p / f);
      if (sinkBox[0] == 42) {
        System.out.println();
      }
    }
  }

  /** Calls {@code side} for about {@code seconds} of this thread's CPU time; CPU µs per call. */
  private static double cpuMicrosPerCall(Side side, double seconds, long[] sink) {
    long budget = (long) (seconds * 1e9);
    long start = THREADS.getCurrentThreadCpuTime();
    long now = start;
    int calls = 0;
    while (now - start < budget) {
      for (int i = 0; i < 20; i++) {
        sink[0] += side.serve();
      }
      calls += 20;
      now = THREADS.getCurrentThreadCpuTime();
    }
    return (now - start) / 1e3 / calls;
  }
}
