package dev.flarec.benchmarks.request;

import com.sun.net.httpserver.HttpHandler;
import dev.flarec.benchmarks.kernel.Kernel;
import dev.flarec.compiler.Flarec;
import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.log.LogSetup;
import dev.flarec.hostabi.server.FlareServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's request path in process, without HTTP: a flare mounted with the default configuration
 * (access log on, logging set up as a flare JAR sets it up, to a file) and its handler called with
 * a {@link FakeExchange} for {@code GET /world?x=1}, one request after another, each on a new
 * virtual thread where the JVM has them (as the server runs them) or else on this thread. After a
 * warm-up it prints, per batch, the CPU microseconds per request of the whole process and of the
 * log writer thread, and the bytes allocated per request by every platform thread (virtual threads
 * allocate on their carriers): the host's own per-request cost beyond HTTP. The bytes do not depend
 * on the machine's load; the CPU times do, less than a load test's. Compare builds by running it
 * alternately with each build's host classes first on the class path ("platform" runs every request
 * on the main thread, also where virtual threads exist; "parallel" runs requests on one platform
 * thread per processor at once, as a loaded server's carrier threads do, so that what the request
 * path writes to memory shared between cores shows in its cost).
 *
 * <pre>java -cp ... dev.flarec.benchmarks.request.HandlerProbe hello|hash LOG_FILE [WARM_SECONDS]
 * [BATCHES] [BATCH_SECONDS] [platform|parallel]</pre>
 */
public final class HandlerProbe {
  private static final String PATH = "/world?x=1";

  private HandlerProbe() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    double warm = args.length > 2 ? Double.parseDouble(args[2]) : 10;
    int batches = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    double batch = args.length > 4 ? Double.parseDouble(args[4]) : 2;
    String mode = args.length > 5 ? args[5] : "virtual";
    boolean platform = !mode.equals("virtual");
    int parallel = mode.equals("parallel") ? Runtime.getRuntime().availableProcessors() : 1;
    LogSetup.install();
    // the log lines go to a file, as an operator would keep them (load-test.sh does the same)
    System.setErr(new PrintStream(new FileOutputStream(args[1]), false, "UTF-8"));
    LogSetup.configure();
    HttpHandler handler = mount(name);
    Method virtual = platform ? null : virtualThreads();
    Runnable one = new OneRequest(handler);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long writer = writerThread(threads);
    run(one, virtual, parallel, (long) (warm * 1e9));
    System.out.println(
        "HandlerProbe "
            + name
            + " on "
            + (virtual != null
                ? "virtual threads"
                : parallel > 1 ? parallel + " platform threads at once" : "one platform thread")
            + ", java "
            + Runtime.version());
    for (int b = 0; b < batches; b++) {
      long cpu = os.getProcessCpuTime();
      long writerCpu = threads.getThreadCpuTime(writer);
      long allocated = allocated(threads);
      long n = run(one, virtual, parallel, (long) (batch * 1e9));
      double bytesPerRequest = (double) (allocated(threads) - allocated) / n;
      double perRequest = (os.getProcessCpuTime() - cpu) / 1e3 / n;
      double writerPerRequest = (threads.getThreadCpuTime(writer) - writerCpu) / 1e3 / n;
      System.out.printf(
          "batch %d: %d requests, process %.2f us/request, log writer %.2f us/request, %.0f bytes"
              + " allocated/request%n",
          b + 1, n, perRequest, writerPerRequest, bytesPerRequest);
    }
    System.exit(0);
  }

  /**
   * Bytes allocated so far by the live platform threads; virtual threads allocate on their
   * carriers, which are platform threads.
   */
  private static long allocated(com.sun.management.ThreadMXBean threads) {
    long sum = FINISHED_WORKERS_BYTES.get();
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(0, bytes);
    }
    return sum;
  }

  /** Bytes allocated by the parallel mode's worker threads that have ended. */
  private static final AtomicLong FINISHED_WORKERS_BYTES = new AtomicLong();

  /**
   * Serves requests for {@code nanos} of wall time on {@code parallel} threads; returns how many.
   */
  private static long run(Runnable one, Method virtual, int parallel, long nanos) throws Exception {
    if (parallel > 1) {
      AtomicLong served = new AtomicLong();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < parallel; t++) {
        Thread w =
            new Thread(
                () -> {
                  served.addAndGet(serve(one, null, nanos));
                  // the thread ends with the batch: what it allocated is counted before it does
                  FINISHED_WORKERS_BYTES.addAndGet(
                      ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                          .getCurrentThreadAllocatedBytes());
                });
        workers.add(w);
        w.start();
      }
      for (Thread w : workers) {
        w.join();
      }
      return served.get();
    }
    return serve(one, virtual, nanos);
  }

  private static long serve(Runnable one, Method virtual, long nanos) {
    try {
      return serveOrThrow(one, virtual, nanos);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long serveOrThrow(Runnable one, Method virtual, long nanos) throws Exception {
    long end = System.nanoTime() + nanos;
    long n = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) {
        if (virtual == null) {
          one.run();
        } else {
          ((Thread) virtual.invoke(null, one)).join();
        }
      }
      n += 100;
    }
    return n;
  }

  private static HttpHandler mount(String name) {
    ServerConfig config = FlareHarness.temporaryConfig(name);
    return FlareServer.mount(
            Flarec.compile(Kernel.Resources.bytes("/flares/" + name + ".wasm")).load(),
            config,
            HostServices.create(config))
        .handler();
  }

  /** {@code Thread.startVirtualThread}, on Java 21 and later. */
  private static Method virtualThreads() {
    try {
      return Thread.class.getMethod("startVirtualThread", Runnable.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  @SuppressWarnings("deprecation") // ThreadInfo.getThreadId: threadId() is Java 19
  private static long writerThread(java.lang.management.ThreadMXBean threads) {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("flarec-log-writer")) {
        return info.getThreadId();
      }
    }
    throw new IllegalStateException("no log writer thread");
  }

  /** One request through the handler. */
  private static final class OneRequest implements Runnable {
    private final HttpHandler handler;

    OneRequest(HttpHandler handler) {
      this.handler = handler;
    }

    @Override
    public void run() {
      FakeExchange exchange = new FakeExchange(PATH);
      try {
        handler.handle(exchange);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (exchange.status() != 200) {
        throw new IllegalStateException("status " + exchange.status());
      }
    }
  }
}
