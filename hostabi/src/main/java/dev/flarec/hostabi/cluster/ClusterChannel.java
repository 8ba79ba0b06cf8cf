package dev.flarec.hostabi.cluster;

import dev.flarec.hostabi.config.ClusterConfig;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.util.NameCache;

/**
 * One node's JGroups channel, shared by every flare of the node that talks to other nodes: a node
 * joins a cluster once, whatever the number of its flares. Each message names its flare ({@link
 * ClusterWire}), and the channel hands it to that flare's {@link ClusterNode} only, so a flare's
 * Plasma replicates to the same flare on the other nodes and nowhere else. A flare JAR running
 * alone owns a channel of its own with one flare on it.
 */
public final class ClusterChannel implements AutoCloseable {
  private static final String CLUSTER_NAME = "flarec";

  private final JChannel channel;
  private final String nodeId;
  private final Map<String, ClusterNode> flares = new ConcurrentHashMap<>();
  private volatile View view;
  private volatile boolean closed;

  private ClusterChannel(JChannel channel, String nodeId) {
    this.channel = channel;
    this.nodeId = nodeId;
  }

  /**
   * Joins (or founds) the cluster as node {@code nodeId}; returns once the first view is installed,
   * after at most about a second of looking for the seeds.
   *
   * @throws Exception when the bind address cannot be used
   */
  public static ClusterChannel join(ClusterConfig config, String nodeId) throws Exception {
    JChannel jchannel =
        new JChannel(
            new ByteArrayInputStream(ClusterStack.xml(config).getBytes(StandardCharsets.UTF_8)));
    ClusterChannel channel = new ClusterChannel(jchannel, nodeId);
    jchannel.setDiscardOwnMessages(true);
    jchannel.name(nodeId);
    jchannel.setReceiver(channel.new Inbox());
    try {
      jchannel.connect(CLUSTER_NAME);
    } catch (Exception e) {
      jchannel.close();
      throw e;
    }
    LogLine.of("cluster-joined")
        .field("node", nodeId)
        .field("bind", config.bind().toString())
        .field("members", channel.members().size())
        .log(Loggers.HOST, Level.INFO);
    return channel;
  }

  public String nodeId() {
    return nodeId;
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

  void attach(ClusterNode flare) {
    if (flares.putIfAbsent(flare.flare(), flare) != null) {
      throw new IllegalStateException(
          "flare " + flare.flare() + " is already on this node's cluster channel");
    }
  }

  void detach(ClusterNode flare) {
    flares.remove(flare.flare(), flare);
  }

  Optional<Address> memberNamed(String id) {
    View v = view;
    if (v == null) {
      return Optional.empty();
    }
    return v.getMembers().stream().filter(a -> id.equals(name(a))).findFirst();
  }

  static String name(Address a) {
    String name = NameCache.get(a);
    return name == null ? a.toString() : name;
  }

  /** Sends {@code bytes} to {@code to}, or to every member when {@code to} is null. */
  void send(Address to, byte[] bytes) throws Exception {
    channel.send(new BytesMessage(to, bytes));
  }

  boolean closed() {
    return closed;
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
        flares.values().forEach(ClusterNode::viewChanged);
      }
    }

    @Override
    public void receive(Message message) {
      try {
        DataInputStream in =
            ClusterWire.reader(message.getArray(), message.getOffset(), message.getLength());
        String flare = in.readUTF();
        ClusterNode target = flares.get(flare);
        if (target != null) {
          target.receive(message.getSrc(), in);
        } else if (in.readByte() == ClusterWire.PULL) {
          // that flare is not served here (yet): say so rather than let the puller time out
          ClusterWire.Pull pull = ClusterWire.readPull(in);
          send(message.getSrc(), ClusterWire.pulled(flare, ClusterWire.notAvailable(pull.id())));
        }
      } catch (Exception e) {
        LogLine.of("cluster-bad-message")
            .field("from", name(message.getSrc()))
            .field("reason", e.toString())
            .log(Loggers.HOST, Level.WARNING);
      }
    }
  }

  /** Leaves the cluster. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    channel.close();
  }
}
