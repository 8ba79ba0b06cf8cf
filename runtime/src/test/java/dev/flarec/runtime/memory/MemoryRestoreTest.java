package dev.flarec.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.flarec.runtime.types.Limits;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Restoring a snapshot with write tracking copies back only the blocks marked written, yet leaves
 * every byte as it was: the isolation of flares between requests rests on it
 * (docs/RATIONALE.md#why-flares-track-memory-writes).
 */
class MemoryRestoreTest {
  private static final int BLOCK = 1 << Memory.BLOCK_SHIFT;

  /** What a compiled store does: write the bytes, mark the block of the first one. */
  private static void compiledStore(Memory memory, int address, int width, SplittableRandom r) {
    for (int i = 0; i < width; i++) {
      memory.bytes[address + i] = (byte) (1 + r.nextInt(255));
    }
    memory.written[address >>> Memory.BLOCK_SHIFT] = 1;
  }

  private static Memory trackedMemoryWithContents(SplittableRandom r) {
    Memory memory = new Memory(new Limits(2, 4));
    memory.trackWrites();
    for (int i = 0; i < memory.size(); i += 7) {
      memory.bytes[i] = (byte) r.nextInt();
    }
    return memory;
  }

  @Test
  void aStoreThatCrossesIntoTheNextBlockIsPutBackWhole() {
    SplittableRandom r = new SplittableRandom(1);
    Memory memory = trackedMemoryWithContents(r);
    byte[] snapshot = memory.snapshot();
    memory.clearWritten();
    for (int width : new int[] {2, 4, 8, 16}) {
      // the widest stores end width - 1 bytes into the next block, which is not marked
      compiledStore(memory, 3 * BLOCK - width + 1, width, r);
      compiledStore(memory, 5 * BLOCK - 1, width, r);
      memory.restore(snapshot);
      assertArrayEquals(snapshot, Arrays.copyOf(memory.bytes, memory.size()), "width " + width);
    }
  }

  @Test
  void afterAnyMixOfStoresHostWritesAndGrowthEveryByteIsTheSnapshots() {
    SplittableRandom r = new SplittableRandom(13);
    Memory memory = trackedMemoryWithContents(r);
    byte[] snapshot = memory.snapshot();
    memory.clearWritten();
    for (int request = 0; request < 200; request++) {
      if (r.nextInt(4) == 0) {
        memory.grow(1 + r.nextInt(2));
      }
      for (int op = 0; op < 20; op++) {
        int width = 1 << r.nextInt(5); // 1 to 16 bytes
        int address = r.nextInt(memory.size() - width + 1);
        switch (r.nextInt(3)) {
          case 0 -> compiledStore(memory, address, width, r);
          case 1 -> memory.fill(address, 1 + r.nextInt(255), width);
          default -> {
            byte[] data = new byte[width];
            Arrays.fill(data, (byte) 0x5a);
            memory.write(address, data);
          }
        }
      }
      memory.restore(snapshot);
      assertArrayEquals(snapshot, Arrays.copyOf(memory.bytes, memory.size()), "request " + request);
      assertArrayEquals(
          new byte[memory.bytes.length - memory.size()],
          Arrays.copyOfRange(memory.bytes, memory.size(), memory.bytes.length),
          "past the size, zeros");
    }
  }
}
