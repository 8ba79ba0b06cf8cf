package dev.flarec.hostabi.cluster;

import dev.flarec.hostabi.plasma.PlasmaCodec;
import dev.flarec.hostabi.plasma.PlasmaState;
import dev.flarec.hostabi.spark.SparkCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages nodes exchange, as bytes: the name of the flare it is for (the same flare on the
 * receiving node), a kind byte, then its fields. JGroups carries them reliably and in order per
 * sender; this class only says what they hold.
 *
 * <ul>
 *   <li>{@code STATE}: one or more sites' Plasma states (a delta or a full state; the receiver
 *       merges either the same way);
 *   <li>{@code PULL}: a request id, a site and Spark keys wanted from the receiver;
 *   <li>{@code PULLED}: the id, a Spark code (0 or NotAvailable) and the entries found, each with
 *       its value and remaining TTL in seconds (0: none);
 *   <li>{@code SYNC}: nothing; asks the receiver for its whole state of that flare (sent when a
 *       flare starts on a node whose channel was already in the cluster).
 * </ul>
 */
final class ClusterWire {
  static final byte STATE = 1;
  static final byte PULL = 2;
  static final byte PULLED = 3;
  static final byte SYNC = 4;

  record Pull(long id, String site, List<String> keys) {}

  record Pulled(long id, int code, Map<String, PullResult.Entry> entries) {}

  private ClusterWire() {}

  static byte[] states(String flare, List<PlasmaCodec.SiteState> states) {
    return write(
        out -> {
          out.writeUTF(flare);
          out.writeByte(STATE);
          out.writeInt(states.size());
          for (PlasmaCodec.SiteState s : states) {
            PlasmaCodec.write(out, s.site(), s.state());
          }
        });
  }

  static List<PlasmaCodec.SiteState> readStates(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<PlasmaCodec.SiteState> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(PlasmaCodec.read(in));
    }
    return out;
  }

  static byte[] pull(String flare, Pull pull) {
    return write(
        out -> {
          out.writeUTF(flare);
          out.writeByte(PULL);
          out.writeLong(pull.id());
          out.writeUTF(pull.site());
          out.writeInt(pull.keys().size());
          for (String key : pull.keys()) {
            out.writeUTF(key);
          }
        });
  }

  static Pull readPull(DataInputStream in) throws IOException {
    long id = in.readLong();
    String site = in.readUTF();
    int n = in.readInt();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(in.readUTF());
    }
    return new Pull(id, site, keys);
  }

  static byte[] sync(String flare) {
    return write(
        out -> {
          out.writeUTF(flare);
          out.writeByte(SYNC);
        });
  }

  /** The answer to pull {@code id} of a flare the node does not serve. */
  static Pulled notAvailable(long id) {
    return new Pulled(id, SparkCode.NOT_AVAILABLE.wire(), Map.of());
  }

  static byte[] pulled(String flare, Pulled pulled) {
    return write(
        out -> {
          out.writeUTF(flare);
          out.writeByte(PULLED);
          out.writeLong(pulled.id());
          out.writeInt(pulled.code());
          out.writeInt(pulled.entries().size());
          for (Map.Entry<String, PullResult.Entry> e : pulled.entries().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().ttlSeconds());
            out.writeInt(e.getValue().value().length);
            out.write(e.getValue().value());
          }
        });
  }

  static Pulled readPulled(DataInputStream in) throws IOException {
    long id = in.readLong();
    int code = in.readInt();
    int n = in.readInt();
    Map<String, PullResult.Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String key = in.readUTF();
      int ttl = in.readInt();
      int length = in.readInt();
      if (length < 0) {
        throw new IOException("bad value length " + length);
      }
      byte[] value = new byte[length];
      in.readFully(value);
      entries.put(key, new PullResult.Entry(value, ttl));
    }
    return new Pulled(id, code, entries);
  }

  static DataInputStream reader(byte[] bytes, int offset, int length) {
    return new DataInputStream(new ByteArrayInputStream(bytes, offset, length));
  }

  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      body.write(new DataOutputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** Merges deltas queued for sending into one state per site. */
  static List<PlasmaCodec.SiteState> coalesce(List<PlasmaCodec.SiteState> deltas) {
    Map<String, PlasmaState> bySite = new LinkedHashMap<>();
    for (PlasmaCodec.SiteState d : deltas) {
      bySite.merge(d.site(), d.state(), PlasmaState::merge);
    }
    List<PlasmaCodec.SiteState> out = new ArrayList<>();
    bySite.forEach((site, state) -> out.add(new PlasmaCodec.SiteState(site, state)));
    return out;
  }
}
