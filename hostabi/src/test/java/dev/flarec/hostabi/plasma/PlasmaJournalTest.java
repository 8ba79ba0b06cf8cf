package dev.flarec.hostabi.plasma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plasma on disk: what a node wrote or merged is there after a restart, a torn tail is cut. */
class PlasmaJournalTest {
  @TempDir Path dir;

  /** A store recording into a journal in {@link #dir}, as HostServices wires them. */
  private record Opened(PlasmaStore store, PlasmaJournal journal) implements AutoCloseable {
    @Override
    public void close() {
      journal.close();
    }
  }

  private Opened open(String node) {
    PlasmaStore store = new PlasmaStore(node);
    PlasmaJournal journal = PlasmaJournal.open(dir, store);
    store.listen((site, delta, local) -> journal.append(site, delta));
    return new Opened(store, journal);
  }

  @Test
  void writesAndMergesSurviveARestart() {
    try (Opened o = open("node-a")) {
      o.store().add("s", "hits", 5);
      o.store().add("s", "hits", -2);
      o.store().set("s", "note", "hello".getBytes(StandardCharsets.UTF_8));
      o.store().set("s", "gone", new byte[] {1});
      o.store().delete("s", "gone");
      PlasmaStore other = new PlasmaStore("node-b");
      other.add("s", "hits", 10);
      o.store().merge("s", other.state("s"));
    }
    try (Opened o = open("node-a")) {
      assertEquals(13, o.store().counter("s", "hits"));
      assertArrayEquals(
          "hello".getBytes(StandardCharsets.UTF_8), o.store().get("s", "note").orElseThrow());
      assertTrue(o.store().get("s", "gone").isEmpty());
      assertEquals(List.of("hits", "note"), o.store().keys("s"));
      // this node's own total came back, so a new increment adds to it rather than restarting
      o.store().add("s", "hits", 1);
      assertEquals(14, o.store().counter("s", "hits"));
    }
  }

  @Test
  void aTornLastRecordIsCutOffAndTheRestKept() throws IOException {
    try (Opened o = open("node-a")) {
      for (int i = 0; i < 10; i++) {
        o.store().add("s", "hits", 1);
      }
    }
    Path journal = dir.resolve(PlasmaJournal.JOURNAL);
    long size = Files.size(journal);
    try (RandomAccessFile raf = new RandomAccessFile(journal.toFile(), "rw")) {
      raf.setLength(size - 3);
    }
    try (Opened o = open("node-a")) {
      assertEquals(9, o.store().counter("s", "hits"));
      o.store().add("s", "hits", 1);
    }
    try (Opened o = open("node-a")) {
      assertEquals(10, o.store().counter("s", "hits"));
    }
  }

  @Test
  void aSecondServerCannotUseTheSameDirectory() {
    try (Opened o = open("node-a")) {
      UncheckedIOException e =
          assertThrows(
              UncheckedIOException.class, () -> PlasmaJournal.open(dir, new PlasmaStore("x")));
      assertTrue(e.getMessage().contains("another server"), e.getMessage());
    }
  }

  @Test
  void theCodecRoundTripsAnyState() throws IOException {
    CrdtGen gen = new CrdtGen(42);
    for (int i = 0; i < 200; i++) {
      PlasmaState state = gen.state();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PlasmaCodec.write(new DataOutputStream(bytes), "site-" + i, state);
      PlasmaCodec.SiteState back =
          PlasmaCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      assertEquals("site-" + i, back.site());
      assertEquals(state, back.state());
    }
  }
}
