package dev.flarec.hostabi.plasma;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary form of one site's {@link PlasmaState}, shared by the journal on disk and the messages
 * between nodes: the site, then its registers (key, stamp, value or tombstone), then its counters
 * (key, per-node totals up and down). Strings are modified UTF-8 as {@link DataOutput#writeUTF}
 * writes them; keys, sites and node ids are far below its 64 KiB limit.
 */
public final class PlasmaCodec {
  /** A site and a state of it. */
  public record SiteState(String site, PlasmaState state) {}

  private PlasmaCodec() {}

  public static void write(DataOutput out, String site, PlasmaState state) throws IOException {
    out.writeUTF(site);
    out.writeInt(state.registers().size());
    for (Map.Entry<String, LwwRegister> e : state.registers().entrySet()) {
      LwwRegister r = e.getValue();
      out.writeUTF(e.getKey());
      out.writeLong(r.stamp().millis());
      out.writeInt(r.stamp().counter());
      out.writeUTF(r.stamp().nodeId());
      byte[] value = r.value();
      out.writeInt(value == null ? -1 : value.length);
      if (value != null) {
        out.write(value);
      }
    }
    out.writeInt(state.counters().size());
    for (Map.Entry<String, PnCounter> e : state.counters().entrySet()) {
      out.writeUTF(e.getKey());
      writeTotals(out, e.getValue().increments());
      writeTotals(out, e.getValue().decrements());
    }
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IOException if the input ends early or holds impossible sizes or totals
   */
  public static SiteState read(DataInput in) throws IOException {
    String site = in.readUTF();
    int registerCount = count(in);
    Map<String, LwwRegister> registers = new TreeMap<>();
    for (int i = 0; i < registerCount; i++) {
      String key = in.readUTF();
      Stamp stamp = new Stamp(in.readLong(), in.readInt(), in.readUTF());
      int length = in.readInt();
      if (length < -1) {
        throw new IOException("bad value length " + length);
      }
      if (length == -1) {
        registers.put(key, LwwRegister.tombstone(stamp));
      } else {
        byte[] value = new byte[length];
        in.readFully(value);
        registers.put(key, LwwRegister.of(value, stamp));
      }
    }
    int counterCount = count(in);
    Map<String, PnCounter> counters = new TreeMap<>();
    for (int i = 0; i < counterCount; i++) {
      String key = in.readUTF();
      try {
        counters.put(key, new PnCounter(readTotals(in), readTotals(in)));
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    return new SiteState(site, new PlasmaState(registers, counters));
  }

  private static void writeTotals(DataOutput out, Map<String, Long> totals) throws IOException {
    out.writeInt(totals.size());
    for (Map.Entry<String, Long> e : totals.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  private static Map<String, Long> readTotals(DataInput in) throws IOException {
    int n = count(in);
    Map<String, Long> totals = new HashMap<>();
    for (int i = 0; i < n; i++) {
      totals.put(in.readUTF(), in.readLong());
    }
    return totals;
  }

  private static int count(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("bad entry count " + n);
    }
    return n;
  }
}
