package dev.flarec.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  private static final String FLARE_LIKE =
      """
      (module
        (memory (export "memory") 1)
        (data (i32.const 100) "original")
        (func (export "handle_request") (result i64)
          (i64.store (i32.const 4094) (i64.const -1))   ;; straddles the first two 4 KiB blocks
          (i32.store8 (i32.const 40000) (i32.const 7))
          (i64.const 0x100000000)))
      """;

  @Test
  void flaresTrackWritesSoThatARestoreCopiesBackOnlyWhatChanged() {
    var compiled = Flarec.compile(com.dylibso.chicory.wabt.Wat2Wasm.parse(FLARE_LIKE));
    assertTrue(
        compiled.descriptor().tracksMemoryWrites(), "a module exporting handle_request is a flare");
    Instance instance = compiled.load().instantiate();
    var memory = instance.memory("memory");
    InstanceSnapshot fresh = instance.snapshot();
    byte[] before = memory.bytes.clone();

    instance.function("handle_request").call();
    assertEquals(1, memory.written[0]);
    assertEquals(1, memory.written[40000 >>> 12]);
    assertEquals(0, memory.written[5], "untouched blocks stay unmarked");
    memory.write(200, new byte[] {1, 2, 3}); // a host write is tracked too

    instance.restore(fresh);
    assertArrayEquals(before, memory.bytes);
    assertEquals(0, memory.written[0]);
  }
}
