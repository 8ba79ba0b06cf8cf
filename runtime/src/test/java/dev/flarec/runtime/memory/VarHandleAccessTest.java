package dev.flarec.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The path {@link MemoryAccess} takes on JVMs where it does not use {@code Unsafe}. */
class VarHandleAccessTest {
  @Test
  void accessesAreLittleEndianAndReadBackWhatWasStored() {
    byte[] bytes = new byte[32];
    VarHandleAccess.storeInt(1, bytes, 32, 0x04030201);
    VarHandleAccess.storeShort(5, bytes, 32, (short) 0x0605);
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 0}, Arrays.copyOf(bytes, 8));
    VarHandleAccess.storeLong(8, bytes, -2L);
    VarHandleAccess.storeFloat(16, bytes, 32, -1.5f);
    VarHandleAccess.storeDouble(20, bytes, Math.PI);
    assertEquals(0x05040302, VarHandleAccess.loadInt(2, bytes));
    assertEquals((short) 0x0403, VarHandleAccess.loadShort(3, bytes, 32));
    assertEquals(-2L, VarHandleAccess.loadLong(8, bytes, 32));
    assertEquals(-1.5f, VarHandleAccess.loadFloat(16, bytes));
    assertEquals(Math.PI, VarHandleAccess.loadDouble(20, bytes, 32));
  }

  @Test
  void theSizedFormsStopAtTheSizeAndTheOthersAtTheArray() {
    byte[] bytes = new byte[16];
    assertEquals(0, VarHandleAccess.loadInt(4, bytes, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> VarHandleAccess.loadInt(5, bytes, 8));
    assertThrows(
        IndexOutOfBoundsException.class, () -> VarHandleAccess.storeDouble(1, bytes, 8, 1.0));
    assertThrows(IndexOutOfBoundsException.class, () -> VarHandleAccess.loadLong(9, bytes));
    assertThrows(
        IndexOutOfBoundsException.class, () -> VarHandleAccess.storeShort(-1, bytes, (short) 1));
    assertArrayEquals(new byte[16], bytes);
  }

  @Test
  void theLanesOfA16ByteLoadCheckTheWholeAccess() {
    byte[] bytes = new byte[40];
    VarHandleAccess.storeLong(24, bytes, 0x0807060504030201L);
    assertEquals(0x08070605, VarHandleAccess.loadIntOf16(16, bytes, 32, 12));
    assertThrows(
        IndexOutOfBoundsException.class, () -> VarHandleAccess.loadIntOf16(17, bytes, 32, 0));
    assertThrows(
        IndexOutOfBoundsException.class, () -> VarHandleAccess.loadIntOf16(-1, bytes, 32, 0));
  }

  @Test
  void theFormsTakingAnOffsetAddItToTheBaseAndStopAtTheSize() {
    byte[] bytes = new byte[16];
    VarHandleAccess.storeInt(1, 3, bytes, 8, 0x04030201);
    assertEquals(0x04030201, VarHandleAccess.loadInt(0, 4, bytes, 8));
    assertEquals((short) 0x0403, VarHandleAccess.loadShort(4, 2, bytes, 8));
    assertThrows(IndexOutOfBoundsException.class, () -> VarHandleAccess.loadInt(1, 4, bytes, 8));
    assertThrows(
        IndexOutOfBoundsException.class, () -> VarHandleAccess.storeLong(-8, 8, bytes, 8, 1L));
    assertArrayEquals(new byte[] {0, 0, 0, 0, 1, 2, 3, 4}, Arrays.copyOf(bytes, 8));
  }
}
