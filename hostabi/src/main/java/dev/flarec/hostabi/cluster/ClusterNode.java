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
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.util.NameCache;

/**
 * This node's membership in a cluster of flare nodes, on a JGroups channel over TCP: nodes find
 * each other from the configured seeds (TCPPING), notice failures (FD_SOCK2, FD_ALL3), and merge
 * again after a partition heals (MERGE3). See docs/RATIONALE.md "Why JGroups for the cluster?".
 *
 * <p>Plasma replication: every local change is sent to every member as a delta, from a
 * background sender that coalesces the deltas waiting into one state per site, so a request
 * never waits on the network. Whenever the view changes (a node joins, leaves, or partitions
 * merge) and every {@link #ANTI_ENTROPY} besides, each node sends its whole state: that repairs
 * whatever deltas a partition or a restart kept from a node. Receivers merge; the CRDT merges
 * make duplicates and any order harmless.
 *
 * <p>Spark pulls: {@link #pull} asks the member named by its node id for keys of its Spark store
 * and waits, bounded, for the answer.
 */
public final class ClusterNode implements AutoCloseable {
  /** How often every node sends its whole Plasma state besides view changes. */
  public static final Duration ANTI_ENTROPY = Duration.ofSeconds(5);

  private static final String CLUSTER_NAME = "flarec";

  private final JChannel channel;
  private final String nodeId;
  private final PlasmaStore plasma;
  private final SparkStore spark;
  private final Clock clock;
  private final LinkedBlockingQueue<PlasmaCodec.SiteState> outbox = new LinkedBlockingQueue<>();
  private final Map<Long, CompletableFuture<ClusterWire.Pulled>> pulls = new ConcurrentHashMap<>();
  private final AtomicLong pullIds = new AtomicLong();
  private final ScheduledExecutorService timer;
  private final Thread sender;
  private volatile View view;
  private volatile boolean closed;

  private ClusterNode(JChannel channel, String nodeId, PlasmaStore plasma, SparkStore spark,
      Clock clock) {
    this.channel = channel;
    this.nodeId = nodeId;
    this.plasma = plasma;
    this.spark = spark;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "flarec-cluster-gossip");
      t.setDaemon(true);
      return t;
    });
    this.sender = new Thread(this::sendLoop, "flarec-cluster-sender");
    sender.setDaemon(true);
  }

  /**
   * Joins (or founds) the cluster as node {@code nodeId}; returns once the first view is
   * installed, after at most about a second of looking for the seeds.
   *
   * @param spark this node's Spark store, answering other nodes' pulls, or null when it has none
   * @throws Exception when the bind address cannot be used
   */
  public static ClusterNode join(ClusterConfig config, String nodeId, PlasmaStore plasma,
      SparkStore spark, Clock clock) throws Exception {
    JChannel channel = new JChannel(new ByteArrayInputStream(
        ClusterStack.xml(config).getBytes(StandardCharsets.UTF_8)));
    ClusterNode node = new ClusterNode(channel, nodeId, plasma, spark, clock);
    channel.setDiscardOwnMessages(true);
    channel.name(nodeId);
    channel.setReceiver(node.new Inbox());
    try {
      channel.connect(CLUSTER_NAME);
    } catch (Exception e) {
      node.timer.shutdownNow();
      channel.close();
      throw e;
    }
    node.sender.start();
    long period = ANTI_ENTROPY.toMillis();
    node.timer.scheduleWithFixedDelay(node::sendWholeState, period, period, TimeUnit.MILLISECONDS);
    LogLine.of("cluster-joined")
        .field("node", nodeId)
        .field("bind", config.bind().toString())
        .field("members", node.members().size())
        .log(Loggers.HOST, Level.INFO);
    return node;
  }

  /** Queues a local Plasma change for every other member. Never blocks. */
  public void replicate(String site, PlasmaState delta) {
    if (!closed) {
      outbox.add(new PlasmaCodec.SiteState(site, delta));
    }
  }

  /** The node ids of the current members, this node included. */
  public List<String> members() {
    View v = view == null ? channel.getView() : view;
    List<String> out = new ArrayList<>();
    if (v != null) {
      for (Address a : v.getMembers()) {
        out.add(name(a));
      }
    }
    return out;
  }

  public String nodeId() {
    return nodeId;
  }

  /**
   * Asks node {@code origin} for {@code keys} of {@code site} in its Spark store, waiting at
   * most {@code timeout}.
   */
  public PullResult pull(String origin, String site, List<String> keys, Duration timeout) {
    Optional<Address> peer = memberNamed(origin);
    if (peer.isEmpty() || origin.equals(nodeId)) {
      return PullResult.failed(SparkCode.NOT_AVAILABLE);
    }
    long id = pullIds.incrementAndGet();
    CompletableFuture<ClusterWire.Pulled> answer = new CompletableFuture<>();
    pulls.put(id, answer);
    try {
      channel.send(new BytesMessage(peer.get(),
          ClusterWire.pull(new ClusterWire.Pull(id, site, keys))));
      ClusterWire.Pulled pulled = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      SparkCode code = pulled.code() == SparkCode.OK.wire() ? SparkCode.OK : SparkCode.NOT_AVAILABLE;
      return new PullResult(code, pulled.entries());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PullResult.failed(SparkCode.INTERNAL);
    } catch (TimeoutException | ExecutionException e) {
      return PullResult.failed(SparkCode.INTERNAL);
    } catch (Exception e) {
      LogLine.of("cluster-pull-failed").field("peer", origin).field("reason", e.toString())
          .log(Loggers.HOST, Level.WARNING);
      return PullResult.failed(SparkCode.INTERNAL);
    } finally {
      pulls.remove(id);
    }
  }

  private Optional<Address> memberNamed(String id) {
    View v = view;
    if (v == null) {
      return Optional.empty();
    }
    return v.getMembers().stream().filter(a -> id.equals(name(a))).findFirst();
  }

  private static String name(Address a) {
    String name = NameCache.get(a);
    return name == null ? a.toString() : name;
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
    if (states.isEmpty() || closed) {
      return;
    }
    // one message per site keeps each message near the size of one site's state
    for (PlasmaCodec.SiteState state : states) {
      try {
        channel.send(new BytesMessage(null, ClusterWire.states(List.of(state))));
      } catch (Exception e) {
        if (!closed) {
          LogLine.of("cluster-send-failed").field("site", state.site())
              .field("reason", e.toString()).log(Loggers.HOST, Level.WARNING);
        }
      }
    }
  }

  /** Receives other nodes' messages and views, on JGroups' threads. */
  private final class Inbox implements Receiver {
    @Override
    public void viewAccepted(View next) {
      view = next;
      LogLine.of("cluster-view")
          .field("node", nodeId)
          .field("members", String.join(",", members()))
          .field("merge", next instanceof org.jgroups.MergeView ? "true" : null)
          .log(Loggers.HOST, Level.INFO);
      if (!closed) {
        // every view, the first too: a node that restarts brings back what only its journal
        // holds. Not on JGroups' thread, which must not block.
        timer.execute(ClusterNode.this::sendWholeState);
      }
    }

    @Override
    public void receive(Message message) {
      try {
        DataInputStream in =
            ClusterWire.reader(message.getArray(), message.getOffset(), message.getLength());
        switch (in.readByte()) {
          case ClusterWire.STATE -> {
            for (PlasmaCodec.SiteState s : ClusterWire.readStates(in)) {
              plasma.merge(s.site(), s.state());
            }
          }
          case ClusterWire.PULL -> answer(message.getSrc(), ClusterWire.readPull(in));
          case ClusterWire.PULLED -> {
            ClusterWire.Pulled pulled = ClusterWire.readPulled(in);
            CompletableFuture<ClusterWire.Pulled> waiting = pulls.get(pulled.id());
            if (waiting != null) {
              waiting.complete(pulled);
            }
          }
          default -> throw new IOException("unknown message kind");
        }
      } catch (IOException | RuntimeException e) {
        LogLine.of("cluster-bad-message").field("from", name(message.getSrc()))
            .field("reason", e.toString()).log(Loggers.HOST, Level.WARNING);
      }
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
        entry.ifPresent(e -> found.put(key,
            new PullResult.Entry(e.value(), (int) Math.min(Integer.MAX_VALUE,
                e.remainingTtlSeconds(now)))));
      }
    }
    try {
      channel.send(new BytesMessage(requester,
          ClusterWire.pulled(new ClusterWire.Pulled(pull.id(), code, found))));
    } catch (Exception e) {
      throw new IOException("cannot answer a pull: " + e.getMessage(), e);
    }
  }

  /** Leaves the cluster. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sender.interrupt();
    timer.shutdownNow();
    channel.close();
  }
}
