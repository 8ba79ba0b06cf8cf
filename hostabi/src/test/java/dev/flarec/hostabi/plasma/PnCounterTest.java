package dev.flarec.hostabi.plasma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PnCounterTest {
  @Test
  void addsAndSubtractsPerNode() {
    PnCounter c = PnCounter.zero().add("a", 5).add("a", 3).add("b", -4);
    assertEquals(4, c.value());
    assertEquals(Map.of("a", 8L), c.increments());
    assertEquals(Map.of("b", 4L), c.decrements());
  }

  @Test
  void mergeCountsEachNodesUpdatesOnce() {
    PnCounter base = PnCounter.zero().add("a", 10);
    PnCounter onA = base.add("a", 1);
    PnCounter onB = base.add("b", -3);
    assertEquals(8, onA.merge(onB).value());
    assertEquals(8, onA.merge(onB).merge(onA).merge(onB).value());
  }

  @Test
  void overflowIsRefused() {
    PnCounter max = PnCounter.zero().add("a", Long.MAX_VALUE);
    assertThrows(ArithmeticException.class, () -> max.add("a", 1));
    PnCounter low = PnCounter.zero().add("a", -Long.MAX_VALUE);
    assertEquals(-Long.MAX_VALUE, low.value());
    // the value -2^63 fits an i64, but one node's decrement total would pass 2^63 - 1
    assertThrows(ArithmeticException.class, () -> low.add("a", -1));
    assertEquals(Long.MIN_VALUE, low.add("b", -1).value());
    // totals only grow: going up and down again exhausts them even at a small value
    PnCounter churned = PnCounter.zero().add("a", Long.MAX_VALUE).add("a", -Long.MAX_VALUE);
    assertEquals(0, churned.value());
    assertThrows(ArithmeticException.class, () -> churned.add("a", 1));
    assertThrows(
        ArithmeticException.class, () -> PnCounter.zero().add("a", 1).add("a", Long.MIN_VALUE));
  }

  @Test
  void negativeTotalsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new PnCounter(Map.of("a", -1L), Map.of()));
  }
}
