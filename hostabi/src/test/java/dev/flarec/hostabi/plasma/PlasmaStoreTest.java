package dev.flarec.hostabi.plasma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.spark.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlasmaStoreTest {
  private final MutableClock wall = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void setGetDeleteOnOneNode() {
    PlasmaStore p = new PlasmaStore("n1", wall);
    assertTrue(p.get("s", "k").isEmpty());
    p.set("s", "k", b("v1"));
    p.set("s", "k", b("v2")); // same millisecond: the later write still wins
    assertArrayEquals(b("v2"), p.get("s", "k").orElseThrow());
    p.delete("s", "k");
    assertTrue(p.get("s", "k").isEmpty());
    p.delete("s", "never-set");
    p.set("s", "k", b("v3"));
    assertArrayEquals(b("v3"), p.get("s", "k").orElseThrow());
  }

  @Test
  void countersAccumulateAndAreSeparateFromValues() {
    PlasmaStore p = new PlasmaStore("n1", wall);
    assertEquals(5, p.add("s", "hits", 5));
    assertEquals(8, p.add("s", "hits", 3));
    assertEquals(4, p.add("s", "hits", -4));
    assertTrue(p.get("s", "hits").isEmpty(), "plasma_get never returns counter state");
    p.set("s", "hits", b("text"));
    assertEquals(4, p.counter("s", "hits"));
    p.delete("s", "hits");
    assertEquals(4, p.counter("s", "hits"), "delete does not touch the counter");
    assertEquals(List.of("hits"), p.keys("s"), "the counter still lists the key");
  }

  @Test
  void overflowLeavesTheCounterUnchanged() {
    PlasmaStore p = new PlasmaStore("n1", wall);
    p.add("s", "c", Long.MAX_VALUE);
    assertThrows(ArithmeticException.class, () -> p.add("s", "c", 1));
    assertEquals(Long.MAX_VALUE, p.counter("s", "c"));
  }

  @Test
  void listHasLiveValuesAndCountersOnceInOrderPerSite() {
    PlasmaStore p = new PlasmaStore("n1", wall);
    p.set("s", "y", b("1"));
    p.set("s", "x", b("1"));
    p.add("s", "x", 1);
    p.add("s", "z", 1);
    p.set("s", "gone", b("1"));
    p.delete("s", "gone");
    p.set("other", "w", b("1"));
    assertEquals(List.of("x", "y", "z"), p.keys("s"));
    assertEquals(List.of("w"), p.keys("other"));
    assertEquals(List.of(), p.keys("nobody"));
    assertEquals(Set.of("s", "other"), p.sites());
  }

  @Test
  void aLocalWriteBeatsEverythingMergedEvenWithASlowerClock() {
    PlasmaStore fast =
        new PlasmaStore("a", new MutableClock(Instant.parse("2030-01-01T00:00:00Z")));
    PlasmaStore slow = new PlasmaStore("b", wall);
    fast.set("s", "k", b("from the future"));
    slow.merge("s", fast.state("s"));
    slow.set("s", "k", b("local, later"));
    fast.merge("s", slow.state("s"));
    assertArrayEquals(b("local, later"), fast.get("s", "k").orElseThrow());
  }

  @Test
  void deletionsReplicate() {
    PlasmaStore a = new PlasmaStore("a", wall);
    PlasmaStore b = new PlasmaStore("b", wall);
    a.set("s", "k", b("v"));
    b.merge("s", a.state("s"));
    wall.advance(Duration.ofMillis(1));
    a.delete("s", "k");
    b.merge("s", a.state("s"));
    assertTrue(b.get("s", "k").isEmpty());
  }

  @Test
  void replicasConvergeWhateverTheOrderOfExchange() {
    Random random = new Random(42);
    List<PlasmaStore> nodes =
        List.of(new PlasmaStore("a", wall), new PlasmaStore("b", wall), new PlasmaStore("c", wall));
    for (int step = 0; step < 500; step++) {
      PlasmaStore n = nodes.get(random.nextInt(3));
      String key = "k" + random.nextInt(4);
      switch (random.nextInt(5)) {
        case 0 -> n.set("s", key, new byte[] {(byte) step});
        case 1 -> n.delete("s", key);
        case 2 -> n.add("s", key, random.nextInt(11) - 5);
        case 3 -> nodes.get(random.nextInt(3)).merge("s", n.state("s")); // partial gossip
        default -> wall.advance(Duration.ofMillis(random.nextInt(2)));
      }
    }
    // full exchange, in two different orders
    for (PlasmaStore from : nodes) {
      for (PlasmaStore to : nodes) {
        to.merge("s", from.state("s"));
      }
    }
    PlasmaState reference = nodes.get(0).state("s");
    for (PlasmaStore n : nodes) {
      assertEquals(reference, n.state("s"));
      assertEquals(nodes.get(0).keys("s"), n.keys("s"));
    }
  }
}
