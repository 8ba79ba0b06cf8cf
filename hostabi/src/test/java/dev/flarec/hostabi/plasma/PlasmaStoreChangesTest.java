package dev.flarec.hostabi.plasma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the store tells its listener: each local write, and what a merge actually changed. */
class PlasmaStoreChangesTest {
  private record Change(String site, PlasmaState delta, boolean local) {}

  @Test
  void localWritesAndMergesAreReported() {
    PlasmaStore store = new PlasmaStore("node-a");
    List<Change> changes = new ArrayList<>();
    store.listen((site, delta, local) -> changes.add(new Change(site, delta, local)));
    store.add("s", "hits", 3);
    store.set("s", "note", new byte[] {7});
    assertEquals(2, changes.size());
    assertEquals(true, changes.get(0).local());
    assertEquals(3, changes.get(0).delta().counters().get("hits").value());
    assertEquals(Set.of("note"), changes.get(1).delta().registers().keySet());

    PlasmaStore other = new PlasmaStore("node-b");
    other.add("s", "hits", 4);
    changes.clear();
    PlasmaState remote = other.state("s").merge(store.state("s"));
    store.merge("s", remote);
    // only the counter changed here; the register it already had is not reported again
    assertEquals(1, changes.size());
    assertEquals(false, changes.get(0).local());
    assertEquals(Map.of(), changes.get(0).delta().registers());
    assertEquals(7, changes.get(0).delta().counters().get("hits").value());
    changes.clear();
    store.merge("s", remote);
    assertEquals(List.of(), changes, "merging the same state twice changes nothing");
  }
}
