package dev.flarec.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.Limits;
import org.junit.jupiter.api.Test;

/**
 * Growth in amortised constant time, with the size exact:
 * docs/RATIONALE.md#why-memory-grows-by-doubling.
 */
class MemoryGrowthTest {
  private static final int PAGE = Memory.PAGE_SIZE;

  @Test
  void growingAPageAtATimeCopiesLinearlyManyBytes() {
    Memory memory = new Memory(new Limits(1, 4096));
    long copied = 0;
    int arrays = 0;
    for (int pages = 1; pages < 4096; pages++) {
      byte[] before = memory.bytes;
      assertEquals(pages, memory.grow(1));
      if (memory.bytes != before) {
        arrays++;
        copied += before.length;
      }
      assertEquals(pages + 1, memory.pages());
    }
    // doubling: 12 new arrays on the way to 4,096 pages, fewer bytes copied than the final size
    assertEquals(12, arrays);
    assertTrue(copied < 4096L * PAGE, "copied " + copied + " bytes");
  }

  @Test
  void theArrayNeverOutgrowsTheMaximum() {
    Memory memory = new Memory(new Limits(1, 3));
    memory.grow(1);
    memory.grow(1);
    assertEquals(3 * PAGE, memory.bytes.length);
    assertEquals(-1, memory.grow(1));
    assertEquals(3, memory.pages());
  }

  @Test
  void accessesStopAtTheSizeNotAtTheArraysLength() {
    Memory memory = new Memory(new Limits(1, 10));
    memory.grow(1); // the array doubles to 2 pages... and grows again to 4
    memory.grow(1);
    assertEquals(3, memory.pages());
    assertTrue(memory.bytes.length > memory.size());
    int end = memory.size();
    memory.writeInt(end - 4, 42);
    assertEquals(42, MemoryAccess.loadInt(end - 4, memory.bytes, memory.size()));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> MemoryAccess.loadInt(end - 3, memory.bytes, memory.size()));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> MemoryAccess.loadByte(end, memory.bytes, memory.size()));
    assertThrows(WasmTrap.class, () -> memory.readByte(end));
    assertThrows(WasmTrap.class, () -> memory.fill(end - 1, 0, 2));
  }

  @Test
  void restoringASnapshotShrinksTheSizeAndZeroesWhatGrewSince() {
    Memory memory = new Memory(new Limits(1, 10));
    memory.trackWrites();
    memory.writeByte(7, (byte) 1);
    byte[] snapshot = memory.snapshot();
    memory.clearWritten();
    byte[] array = memory.bytes;
    memory.grow(2);
    memory.writeByte(PAGE + 5, (byte) 9);
    memory.writeByte(7, (byte) 2);
    memory.restore(snapshot);
    assertEquals(1, memory.pages());
    assertEquals(1, memory.readByte(7));
    // grown again, the page reads as new: zero
    memory.grow(1);
    assertEquals(0, memory.readByte(PAGE + 5));
    assertNotSame(array, memory.bytes);
  }

  @Test
  void restoringWithinTheArrayKeepsIt() {
    Memory memory = new Memory(new Limits(2, 10));
    byte[] snapshot = memory.snapshot();
    memory.grow(3);
    byte[] grown = memory.bytes;
    memory.writeInt(4 * PAGE, -1);
    memory.restore(snapshot);
    assertSame(grown, memory.bytes, "no new array to shrink");
    assertEquals(2 * PAGE, memory.size());
    assertArrayEquals(
        new byte[memory.bytes.length - memory.size()],
        java.util.Arrays.copyOfRange(memory.bytes, memory.size(), memory.bytes.length));
  }
}
