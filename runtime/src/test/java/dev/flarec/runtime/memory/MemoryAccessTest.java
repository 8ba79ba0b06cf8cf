package dev.flarec.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MemoryAccessTest {
  @Test
  void storesAreLittleEndianAtAnUnalignedAddress() {
    byte[] bytes = new byte[16];
    MemoryAccess.storeInt(1, bytes, 16, 0x04030201);
    MemoryAccess.storeShort(5, bytes, 16, (short) 0x0605);
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 0}, Arrays.copyOf(bytes, 8));
    MemoryAccess.storeLong(8, bytes, 16, 0x0807060504030201L);
    assertEquals(0x0201, MemoryAccess.loadShort(8, bytes, 16));
    assertEquals(0x05040302, MemoryAccess.loadInt(9, bytes, 16));
    assertEquals(8, MemoryAccess.loadByte(15, bytes, 16));
  }

  @Test
  void loadsReadBackWhatWasStored() {
    byte[] bytes = new byte[32];
    MemoryAccess.storeLong(3, bytes, 32, -2L);
    MemoryAccess.storeFloat(12, bytes, 32, -1.5f);
    MemoryAccess.storeDouble(17, bytes, 32, Math.PI);
    MemoryAccess.storeByte(31, bytes, 32, (byte) -7);
    assertEquals(-2L, MemoryAccess.loadLong(3, bytes, 32));
    assertEquals(-1.5f, MemoryAccess.loadFloat(12, bytes, 32));
    assertEquals(Math.PI, MemoryAccess.loadDouble(17, bytes, 32));
    assertEquals((short) -2, MemoryAccess.loadShort(3, bytes, 32));
    assertEquals(-7, MemoryAccess.loadByte(31, bytes, 32));
  }

  @Test
  void floatBitsSurviveARoundTripUnchanged() {
    byte[] bytes = new byte[8];
    int signallingNan = 0x7fa0_0001;
    MemoryAccess.storeFloat(0, bytes, 8, Float.intBitsToFloat(signallingNan));
    assertEquals(signallingNan, MemoryAccess.loadInt(0, bytes, 8));
  }

  @Test
  void anAccessReachingPastTheSizeIsRejectedEvenWhenTheArrayIsLonger() {
    byte[] bytes = new byte[16]; // room to grow: the memory's size is 8
    assertEquals(0, MemoryAccess.loadInt(4, bytes, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadInt(5, bytes, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadByte(8, bytes, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.storeLong(1, bytes, 8, 1L));
    assertThrows(
        IndexOutOfBoundsException.class, () -> MemoryAccess.storeByte(8, bytes, 8, (byte) 1));
    // Memory.effectiveAddress turns an address past 2 GiB into a negative index
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadShort(-1, bytes, 8));
    // a memory smaller than the access
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadLong(0, bytes, 4));
    assertArrayEquals(new byte[16], bytes);
  }

  @Test
  void anAccessPastTheArrayIsRejectedWhateverSizeItIsGiven() {
    byte[] bytes = new byte[8];
    // a size larger than the array never arises from Memory; the array still bounds the access
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadInt(6, bytes, 64));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.storeLong(4, bytes, 64, 1L));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadDouble(1, bytes, 64));
    assertArrayEquals(new byte[8], bytes);
  }

  @Test
  void theExactFormsAreBoundedByTheArray() {
    byte[] bytes = new byte[8];
    MemoryAccess.storeInt(4, bytes, 0x0a0b0c0d);
    assertEquals(0x0a0b0c0d, MemoryAccess.loadInt(4, bytes));
    assertEquals((short) 0x0c0d, MemoryAccess.loadShort(4, bytes));
    assertEquals(0x0a0b0c0d_00000000L, MemoryAccess.loadLong(0, bytes));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadInt(5, bytes));
    assertThrows(
        IndexOutOfBoundsException.class, () -> MemoryAccess.storeShort(7, bytes, (short) 1));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadFloat(-1, bytes));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.storeDouble(1, bytes, 1.0));
  }

  @Test
  void everyLaneOfA16ByteLoadChecksTheWholeAccess() {
    byte[] bytes = new byte[40]; // room to grow: the memory's size is 32
    MemoryAccess.storeLong(24, bytes, 32, 0x0807060504030201L);
    MemoryAccess.storeLong(16, bytes, 32, -1L);
    assertEquals(0x04030201, MemoryAccess.loadIntOf16(16, bytes, 32, 8));
    assertEquals(0x08070605, MemoryAccess.loadIntOf16(16, bytes, 32, 12));
    assertEquals(-1, MemoryAccess.loadIntOf16(16, bytes, 32, 4));
    assertEquals(0x04030201, MemoryAccess.loadIntOf16(16, bytes, 8));
    // the first lane of an access whose last lane is past the size (or the array) fails too
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadIntOf16(17, bytes, 32, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadIntOf16(25, bytes, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadIntOf16(-1, bytes, 32, 0));
    // a memory smaller than the access
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadIntOf16(0, bytes, 8, 0));
  }

  @Test
  void theFormsTakingAnOffsetReachExactlyTheLastBytesOfTheSize() {
    byte[] bytes = new byte[32]; // the memory's size is 16
    MemoryAccess.storeInt(2, 0x04030201, 10, bytes, 16);
    assertEquals(0x04030201, MemoryAccess.loadInt(0, 12, bytes, 16));
    assertEquals(4, MemoryAccess.loadByte(5, 10, bytes, 16));
    MemoryAccess.storeByte(14, (byte) 9, 1, bytes, 16);
    assertEquals(0x0903, MemoryAccess.loadShort(13, 1, bytes, 16));
    MemoryAccess.storeLong(0, 8, bytes, 16, -3L);
    assertEquals(-3L, MemoryAccess.loadLong(7, 1, bytes, 16));
    MemoryAccess.storeDouble(4, 4, bytes, 16, Math.E);
    assertEquals(Math.E, MemoryAccess.loadDouble(1, 7, bytes, 16));
    MemoryAccess.storeFloat(6, 2.5f, 6, bytes, 16);
    assertEquals(2.5f, MemoryAccess.loadFloat(11, 1, bytes, 16));
    assertArrayEquals(new byte[16], Arrays.copyOfRange(bytes, 16, 32));
  }

  @Test
  void theFormsTakingAnOffsetRejectWhatPassesTheSizeOr2GiB() {
    byte[] bytes = new byte[32]; // the memory's size is 16
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadInt(1, 12, bytes, 16));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadByte(0, 16, bytes, 16));
    assertThrows(
        IndexOutOfBoundsException.class, () -> MemoryAccess.storeByte(15, (byte) 1, 1, bytes, 16));
    assertThrows(
        IndexOutOfBoundsException.class, () -> MemoryAccess.storeLong(0, 9, bytes, 16, 1L));
    // a base past 2 GiB is negative; the sum with the offset would wrap to a valid index
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadInt(-4, 4, bytes, 16));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadByte(-1, 1, bytes, 16));
    // the largest offset accepted, on an empty memory: no overflow in the bound
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> MemoryAccess.loadDouble(0, MemoryAccess.MAX_OFFSET, bytes, 0));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> MemoryAccess.storeShort(1, (short) 1, MemoryAccess.MAX_OFFSET, bytes, 0));
    // a size larger than the array never arises from Memory; the array still bounds the access
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.loadInt(28, 2, bytes, 64));
    assertArrayEquals(new byte[32], bytes);
  }

  @Test
  void theStoresTakingTheValueFirstWriteWhatTheOtherFormsWrite() {
    byte[] valueFirst = new byte[64]; // the memory's size is 48
    byte[] valueLast = new byte[64];
    MemoryAccess.storeInt(1, 0x04030201, valueFirst, 48);
    MemoryAccess.storeInt(1, valueLast, 48, 0x04030201);
    MemoryAccess.storeShort(6, (short) 0x0605, valueFirst, 48);
    MemoryAccess.storeShort(6, valueLast, 48, (short) 0x0605);
    MemoryAccess.storeByte(9, (byte) -7, valueFirst, 48);
    MemoryAccess.storeByte(9, valueLast, 48, (byte) -7);
    MemoryAccess.storeLong(11, -3L, valueFirst, 48);
    MemoryAccess.storeLong(11, valueLast, 48, -3L);
    MemoryAccess.storeFloat(23, -1.5f, valueFirst, 48);
    MemoryAccess.storeFloat(23, valueLast, 48, -1.5f);
    MemoryAccess.storeDouble(40, Math.PI, valueFirst, 48);
    MemoryAccess.storeDouble(40, valueLast, 48, Math.PI);
    assertArrayEquals(valueLast, valueFirst);
    assertArrayEquals(new byte[16], Arrays.copyOfRange(valueFirst, 48, 64));

    byte[] exactFirst = new byte[24];
    byte[] exactLast = new byte[24];
    MemoryAccess.storeLong(16, 0x0807060504030201L, exactFirst);
    MemoryAccess.storeLong(16, exactLast, 0x0807060504030201L);
    MemoryAccess.storeDouble(3, Math.E, exactFirst);
    MemoryAccess.storeDouble(3, exactLast, Math.E);
    MemoryAccess.storeFloat(11, 2.5f, exactFirst);
    MemoryAccess.storeFloat(11, exactLast, 2.5f);
    MemoryAccess.storeByte(23, (byte) 1, exactFirst);
    MemoryAccess.storeByte(23, exactLast, (byte) 1);
    assertArrayEquals(exactLast, exactFirst);
  }

  @Test
  void theStoresTakingTheValueFirstRejectWhatTheOtherFormsReject() {
    byte[] bytes = new byte[32]; // the memory's size is 16
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.storeInt(13, 1, bytes, 16));
    assertThrows(
        IndexOutOfBoundsException.class, () -> MemoryAccess.storeByte(16, (byte) 1, bytes, 16));
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.storeInt(0, 1, 13, bytes, 16));
    assertThrows(
        IndexOutOfBoundsException.class, () -> MemoryAccess.storeByte(15, (byte) 1, 1, bytes, 16));
    // a base past 2 GiB is negative; the sum with the offset would wrap to a valid index
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.storeInt(-4, 1, 4, bytes, 16));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> MemoryAccess.storeShort(1, (short) 1, MemoryAccess.MAX_OFFSET, bytes, 0));
    // the exact forms are bounded by the array
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.storeDouble(25, 1.0, bytes));
    assertThrows(
        IndexOutOfBoundsException.class, () -> MemoryAccess.storeByte(32, (byte) 1, bytes));
    // a size larger than the array never arises from Memory; the array still bounds the store
    assertThrows(IndexOutOfBoundsException.class, () -> MemoryAccess.storeLong(28, 1L, bytes, 64));
    assertArrayEquals(new byte[32], bytes);
  }
}
