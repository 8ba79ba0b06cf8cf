package dev.flarec.hostabi.cluster;

import dev.flarec.hostabi.config.ClusterConfig;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import dev.flarec.hostabi.plasma.PlasmaCodec;
import dev.flarec.hostabi.plasma.PlasmaState;
import dev.flarec.hostabi.plasma.PlasmaStore;
import dev.flarec.hostabi.spark.SparkCode;
import dev.flarec.hostabi.spark.SparkEntry;
import dev.flarec.hostabi.spark.SparkStore;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.jgroups.Address;

/**
 * One flare's membership in a cluster of flare nodes: its side of the node's {@link ClusterChannel}
 * (JGroups over TCP: nodes find each other from the configured seeds, notice failures, and merge
 * again after a partition heals; see docs/RATIONALE.md "Why JGroups for the cluster?"). Everything
 * it sends names its flare, and it hears only what the same flare on other nodes sends.
 *
 * <p>Plasma replication: every local change is sent to every member as a delta, from a background
 * sender that coalesces the deltas waiting into one state per site, so a request never waits on the
 * network. Whenever the view changes (a node joins, leaves, or partitions merge), when the flare
 * starts, and every {@link #ANTI_ENTROPY} besides, each node sends its whole state: that repairs
 * whatever deltas a partition or a restart kept from a node. Receivers merge; the CRDT merges make
 * duplicates and any order harmless.
 *
 * <p>Spark pulls: {@link #pull} asks the member named by its node id for keys of its Spark store
 * and waits, bounded, for the answer.
 */
public final class ClusterNode implements AutoCloseable {
  /** How often every node sends its whole Plasma state besides view changes. */
  public static final Duration ANTI_ENTROPY = Duration.ofSeconds(5);

  /** The flare name of a flare JAR that runs alone, on a channel of its own. */
  private static final String ALONE = "";

  private final ClusterChannel channel;
  private final boolean ownsChannel;
  private final String flare;
  private final PlasmaStore plasma;
  private final SparkStore spark;
  private final Clock clock;
  private final LinkedBlockingQueue<PlasmaCodec.SiteState> outbox = new LinkedBlockingQueue<>();
  private final Map<Long, CompletableFuture<ClusterWire.Pulled>> pulls = new ConcurrentHashMap<>();
  private final AtomicLong pullIds = new AtomicLong();
  private final ScheduledExecutorService timer;
  private final Thread sender;
  private volatile boolean closed;

  private ClusterNode(
      ClusterChannel channel,
      boolean ownsChannel,
      String flare,
      PlasmaStore plasma,
      SparkStore spark,
      Clock clock) {
    this.channel = channel;
    this.ownsChannel = ownsChannel;
    this.flare = flare;
    this.plasma = plasma;
    this.spark = spark;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "flarec-cluster-gossip");
              t.setDaemon(true);
              return t;
            });
    this.sender = new Thread(this::sendLoop, "flarec-cluster-sender");
    sender.setDaemon(true);
  }

  /**
   * Joins (or founds) the cluster as node {@code nodeId} on a channel of its own (a flare JAR
   * running alone); returns once the first view is installed, after at most about a second of
   * looking for the seeds. Closing it leaves the cluster.
   *
   * @param spark this node's Spark store, answering other nodes' pulls, or null when it has none
   * @throws Exception when the bind address cannot be used
   */
  public static ClusterNode join(
      ClusterConfig config, String nodeId, PlasmaStore plasma, SparkStore spark, Clock clock)
      throws Exception {
    ClusterChannel channel = ClusterChannel.join(config, nodeId);
    try {
      return start(new ClusterNode(channel, true, ALONE, plasma, spark, clock));
    } catch (RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Puts flare {@code flare} on {@code channel}, the node's channel shared by its flares. Closing
   * it takes the flare off; the channel stays.
   *
   * @throws IllegalStateException if a flare of that name is already on the channel
   */
  public static ClusterNode attach(
      ClusterChannel channel, String flare, PlasmaStore plasma, SparkStore spark, Clock clock) {
    return start(new ClusterNode(channel, false, flare, plasma, spark, clock));
  }

  @SuppressWarnings(
      "FutureReturnValueIgnored") // the timer runs the task until close() shuts it down
  private static ClusterNode start(ClusterNode node) {
    node.channel.attach(node);
    node.sender.start();
    long period = ANTI_ENTROPY.toMillis();
    node.timer.scheduleWithFixedDelay(node::sendWholeState, period, period, TimeUnit.MILLISECONDS);
    // the members already in the view will not see a view change for this flare: tell them
    // what it holds (its journal) and ask for what they hold
    node.timer.execute(
        () -> {
          node.sendWholeState();
          node.sendQuietly(null, ClusterWire.sync(node.flare), "sync");
        });
    return node;
  }

  /** The flare this membership is for ("" for a flare JAR running alone). */
  String flare() {
    return flare;
  }

  /** Queues a local Plasma change for every other member. Never blocks. */
  public void replicate(String site, PlasmaState delta) {
    if (!closed) {
      outbox.add(new PlasmaCodec.SiteState(site, delta));
    }
  }

  /** The node ids of the current members, this node included. */
  public List<String> members() {
    return channel.members();
  }

  public String nodeId() {
    return channel.nodeId();
  }

  /**
   * Asks node {@code origin} for {@code keys} of {@code site} in its Spark store, waiting at most
   * {@code timeout}.
   */
  public PullResult pull(String origin, String site, List<String> keys, Duration timeout) {
    Optional<Address> peer = channel.memberNamed(origin);
    if (peer.isEmpty() || origin.equals(nodeId())) {
      return PullResult.failed(SparkCode.NOT_AVAILABLE);
    }
    long id = pullIds.incrementAndGet();
    CompletableFuture<ClusterWire.Pulled> answer = new CompletableFuture<>();
    pulls.put(id, answer);
    try {
      channel.send(peer.get(), ClusterWire.pull(flare, new ClusterWire.Pull(id, site, keys)));
      ClusterWire.Pulled pulled = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      SparkCode code =
          pulled.code() == SparkCode.OK.wire() ? SparkCode.OK : SparkCode.NOT_AVAILABLE;
      return new PullResult(code, pulled.entries());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PullResult.failed(SparkCode.INTERNAL);
    } catch (TimeoutException | ExecutionException e) {
      return PullResult.failed(SparkCode.INTERNAL);
    } catch (Exception e) {
      LogLine.of("cluster-pull-failed")
          .field("peer", origin)
          .field("reason", e.toString())
          .log(Loggers.HOST, Level.WARNING);
      return PullResult.failed(SparkCode.INTERNAL);
    } finally {
      pulls.remove(id);
    }
  }

  private void sendLoop() {
    List<PlasmaCodec.SiteState> batch = new ArrayList<>();
    while (!closed) {
      try {
        batch.add(outbox.take());
      } catch (InterruptedException e) {
        return;
      }
      outbox.drainTo(batch);
      send(ClusterWire.coalesce(batch));
      batch.clear();
    }
  }

  /** Sends every site's whole state to every member (after view changes, and periodically). */
  private void sendWholeState() {
    List<PlasmaCodec.SiteState> all = new ArrayList<>();
    for (String site : plasma.sites()) {
      all.add(new PlasmaCodec.SiteState(site, plasma.state(site)));
    }
    send(all);
  }

  private void send(List<PlasmaCodec.SiteState> states) {
    // one message per site keeps each message near the size of one site's state
    for (PlasmaCodec.SiteState state : states) {
      sendQuietly(null, ClusterWire.states(flare, List.of(state)), state.site());
    }
  }

  private void sendQuietly(Address to, byte[] message, String what) {
    if (closed) {
      return;
    }
    try {
      channel.send(to, message);
    } catch (Exception e) {
      if (!closed && !channel.closed()) {
        LogLine.of("cluster-send-failed")
            .field("flare", flare)
            .field("site", what)
            .field("reason", e.toString())
            .log(Loggers.HOST, Level.WARNING);
      }
    }
  }

  /**
   * The view changed: every view, the first too, since a restarted node brings back its journal.
   */
  void viewChanged() {
    if (!closed) {
      // not on JGroups' thread, which must not block
      timer.execute(this::sendWholeState);
    }
  }

  /** A message for this flare, its flare name read; on JGroups' threads. */
  void receive(Address from, DataInputStream in) throws IOException {
    switch (in.readByte()) {
      case ClusterWire.STATE -> {
        for (PlasmaCodec.SiteState s : ClusterWire.readStates(in)) {
          plasma.merge(s.site(), s.state());
        }
      }
      case ClusterWire.PULL -> answer(from, ClusterWire.readPull(in));
      case ClusterWire.PULLED -> {
        ClusterWire.Pulled pulled = ClusterWire.readPulled(in);
        CompletableFuture<ClusterWire.Pulled> waiting = pulls.get(pulled.id());
        if (waiting != null) {
          waiting.complete(pulled);
        }
      }
      case ClusterWire.SYNC -> {
        if (!closed) {
          timer.execute(this::sendWholeState);
        }
      }
      default -> throw new IOException("unknown message kind");
    }
  }

  private void answer(Address requester, ClusterWire.Pull pull) throws IOException {
    Map<String, PullResult.Entry> found = new LinkedHashMap<>();
    int code = SparkCode.OK.wire();
    if (spark == null) {
      code = SparkCode.NOT_AVAILABLE.wire();
    } else {
      Instant now = clock.instant();
      for (String key : pull.keys()) {
        Optional<SparkEntry> entry = spark.get(pull.site(), key);
        entry.ifPresent(
            e ->
                found.put(
                    key,
                    new PullResult.Entry(
                        e.value(), (int) Math.min(Integer.MAX_VALUE, e.remainingTtlSeconds(now)))));
      }
    }
    try {
      channel.send(
          requester, ClusterWire.pulled(flare, new ClusterWire.Pulled(pull.id(), code, found)));
    } catch (Exception e) {
      throw new IOException("cannot answer a pull: " + e.getMessage(), e);
    }
  }

  /** Takes the flare off the cluster (and leaves it, when the channel is its own). Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    channel.detach(this);
    sender.interrupt();
    timer.shutdownNow();
    if (ownsChannel) {
      channel.close();
    }
  }
}
