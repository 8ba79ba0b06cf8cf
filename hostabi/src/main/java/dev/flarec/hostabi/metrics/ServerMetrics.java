package dev.flarec.hostabi.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The server's counters and their Prometheus text rendering. The per-request ones (requests by
 * status, the latency histogram) are only fed by a server that exposes them: their shared counters,
 * written from both cores on every request, cost the {@code hello} flare 2 to 4 microseconds of its
 * roughly 40 under load (docs/benchmarks.md). The rare events (traps, refusals, host calls of the
 * services) are always counted.
 *
 * <p>Written directly in the text exposition format (version 0.0.4) rather than through a client
 * library: a dozen series need no dependency in every flare JAR. See docs/RATIONALE.md "Why the
 * metrics are written by hand?".
 */
@SuppressWarnings("EnumOrdinal") // ordinals index in-memory counter arrays, never persisted
public final class ServerMetrics {
  /** Upper bounds of the latency histogram, in seconds: 0.5 ms to 10 s. */
  static final double[] LATENCY_BOUNDS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final Map<Integer, LongAdder> requestsByStatus = new ConcurrentHashMap<>();
  private final LongAdder[] latencyBuckets = new LongAdder[LATENCY_BOUNDS.length + 1];
  private final LongAdder latencyNanos = new LongAdder();
  private final LongAdder traps = new LongAdder();
  private final LongAdder deadlines = new LongAdder();
  private final LongAdder busy = new LongAdder();
  private final LongAdder memoryCapHits = new LongAdder();
  private final LongAdder[] hostCalls = new LongAdder[HostCall.values().length];
  private volatile Pool pool = new Pool(Zero.INSTANCE, Zero.INSTANCE, 0);

  /** Live views of the instance pool, read at each scrape. */
  public record Pool(IntSupplier busy, IntSupplier idle, int max) {}

  /**
   * No instances, before the server has a pool. A class rather than a lambda: this is made while a
   * flare starts (docs/RATIONALE.md "Why a flare's start-up avoids method-handle spinning").
   */
  private enum Zero implements IntSupplier {
    INSTANCE;

    @Override
    public int getAsInt() {
      return 0;
    }
  }

  public ServerMetrics() {
    for (int i = 0; i < latencyBuckets.length; i++) {
      latencyBuckets[i] = new LongAdder();
    }
    for (int i = 0; i < hostCalls.length; i++) {
      hostCalls[i] = new LongAdder();
    }
  }

  /** Tells the metrics which pool to report; the server calls it once it has one. */
  public void watch(Pool pool) {
    this.pool = pool;
  }

  /** One request answered with {@code status} after {@code nanos}. */
  public void request(int status, long nanos) {
    // get and putIfAbsent rather than computeIfAbsent with a lambda, spun on the first request
    LongAdder count = requestsByStatus.get(status);
    if (count == null) {
      LongAdder made = new LongAdder();
      LongAdder raced = requestsByStatus.putIfAbsent(status, made);
      count = raced == null ? made : raced;
    }
    count.increment();
    latencyNanos.add(nanos);
    double seconds = nanos / 1e9;
    int bucket = 0;
    while (bucket < LATENCY_BOUNDS.length && seconds > LATENCY_BOUNDS[bucket]) {
      bucket++;
    }
    latencyBuckets[bucket].increment();
  }

  public void trap() {
    traps.increment();
  }

  public void deadlineExceeded() {
    deadlines.increment();
  }

  public void busy() {
    busy.increment();
  }

  /** An invocation ended with the instance's memory at its cap, where {@code memory.grow} fails. */
  public void memoryCapHit() {
    memoryCapHits.increment();
  }

  public void hostCall(HostCall call) {
    hostCalls[call.ordinal()].increment();
  }

  /** The number of {@code hostCall(call)} so far. */
  public long hostCalls(HostCall call) {
    return hostCalls[call.ordinal()].sum();
  }

  /** Everything, in the Prometheus text exposition format. */
  public String render(String flare) {
    String label = "flare=\"" + escape(flare) + "\"";
    StringBuilder out = new StringBuilder(2048);
    header(out, "flarec_requests_total", "counter", "Requests answered, by HTTP status.");
    Map<Integer, LongAdder> sorted = new TreeMap<>(requestsByStatus);
    for (Map.Entry<Integer, LongAdder> e : sorted.entrySet()) {
      out.append("flarec_requests_total{")
          .append(label)
          .append(",status=\"")
          .append(e.getKey())
          .append("\"} ")
          .append(e.getValue().sum())
          .append('\n');
    }
    header(
        out,
        "flarec_request_duration_seconds",
        "histogram",
        "Time from receiving a request to its response being ready to send.");
    long cumulative = 0;
    for (int i = 0; i <= LATENCY_BOUNDS.length; i++) {
      cumulative += latencyBuckets[i].sum();
      String le = i < LATENCY_BOUNDS.length ? number(LATENCY_BOUNDS[i]) : "+Inf";
      out.append("flarec_request_duration_seconds_bucket{")
          .append(label)
          .append(",le=\"")
          .append(le)
          .append("\"} ")
          .append(cumulative)
          .append('\n');
    }
    out.append("flarec_request_duration_seconds_sum{")
        .append(label)
        .append("} ")
        .append(number(latencyNanos.sum() / 1e9))
        .append('\n');
    out.append("flarec_request_duration_seconds_count{")
        .append(label)
        .append("} ")
        .append(cumulative)
        .append('\n');
    counter(out, "flarec_traps_total", "Invocations that trapped.", label, traps);
    counter(
        out,
        "flarec_deadline_exceeded_total",
        "Invocations stopped at their deadline.",
        label,
        deadlines);
    counter(
        out, "flarec_busy_total", "Requests refused because no instance became free.", label, busy);
    counter(
        out,
        "flarec_memory_cap_hits_total",
        "Invocations that ended with the instance's memory at its cap.",
        label,
        memoryCapHits);
    header(out, "flarec_host_calls_total", "counter", "Calls to host services, by service.");
    for (HostCall call : HostCall.values()) {
      out.append("flarec_host_calls_total{")
          .append(label)
          .append(",service=\"")
          .append(call.label())
          .append("\"} ")
          .append(hostCalls(call))
          .append('\n');
    }
    Pool p = pool;
    gauge(
        out,
        "flarec_instances_busy",
        "Instances running a request now.",
        label,
        p.busy().getAsInt());
    gauge(
        out, "flarec_instances_idle", "Instances waiting in the pool.", label, p.idle().getAsInt());
    gauge(out, "flarec_instances_max", "The most instances the pool may hold.", label, p.max());
    return out.toString();
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void counter(
      StringBuilder out, String name, String help, String label, LongAdder value) {
    header(out, name, "counter", help);
    out.append(name).append('{').append(label).append("} ").append(value.sum()).append('\n');
  }

  private static void gauge(StringBuilder out, String name, String help, String label, long value) {
    header(out, name, "gauge", help);
    out.append(name).append('{').append(label).append("} ").append(value).append('\n');
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }

  /** Label values escape backslash, double quote and line feed. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
