package dev.flarec.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.InstanceSnapshot;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  @Test
  void restoringASnapshotUndoesMemoryGlobalAndSizeChanges() {
    Instance instance = Flarec.compile(Corpus.bytes("arithmetic")).load().instantiate();
    InstanceSnapshot fresh = instance.snapshot();

    instance.function("bump").call();
    instance.function("store_load").call(0, 77L);
    instance.global("shared").set(7L);
    instance.memory("memory").grow(1);
    assertEquals(2, instance.memory("memory").pages());

    instance.restore(fresh);
    assertEquals(1, instance.memory("memory").pages());
    assertEquals(0L, instance.memory("memory").readLong(8));
    assertEquals(42L, instance.global("shared").get());
    assertArrayEquals(new Object[] {1}, instance.function("bump").call());
  }
}
