package dev.flarec.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryAccessTest {
  @Test
  void storesAreLittleEndianAtAnUnalignedAddress() {
    byte[] bytes = new byte[16];
    MemoryAccess.storeInt(1, bytes, 0x04030201);
    MemoryAccess.storeShort(5, bytes, (short) 0x0605);
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 0}, java.util.Arrays.copyOf(bytes, 8));
    MemoryAccess.storeLong(8, bytes, 0x0807060504030201L);
    assertEquals(0x0201, MemoryAccess.loadShort(8, bytes));
    assertEquals(0x05040302, MemoryAccess.loadInt(9, bytes));
  }

  @Test
  void loadsReadBackWhatWasStored() {
    byte[] bytes = new byte[32];
    MemoryAccess.storeLong(3, bytes, -2L);
    MemoryAccess.storeFloat(12, bytes, -1.5f);
    MemoryAccess.storeDouble(17, bytes, Math.PI);
    assertEquals(-2L, MemoryAccess.loadLong(3, bytes));
    assertEquals(-1.5f, MemoryAccess.loadFloat(12, bytes));
    assertEquals(Math.PI, MemoryAccess.loadDouble(17, bytes));
    assertEquals((short) -2, MemoryAccess.loadShort(3, bytes));
  }

  @Test
  void floatBitsSurviveARoundTripUnchanged() {
    byte[] bytes = new byte[8];
    int signallingNan = 0x7fa0_0001;
    MemoryAccess.storeFloat(0, bytes, Float.intBitsToFloat(signallingNan));
    assertEquals(signallingNan, MemoryAccess.loadInt(0, bytes));
  }

  @Test
  void anAccessReachingPastTheEndIsRejectedByTheJvmsBoundsCheck() {
    byte[] bytes = new byte[8];
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadInt(5, bytes));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.storeLong(1, bytes, 1L));
    // Memory.effectiveAddress turns an address past 2 GiB into a negative index
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadShort(-1, bytes));
    assertArrayEquals(new byte[8], bytes);
  }
}
