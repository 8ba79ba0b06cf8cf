package dev.flarec.hostabi.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomBytesTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 4, 16, 32, 1023, 1024})
  void lengthBytesAsLowercaseHex(int length) {
    String hex = RandomBytes.hex(length).orElseThrow();
    assertEquals(2 * length, hex.length());
    assertTrue(hex.matches("[0-9a-f]+"), hex);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1025, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void outsideOneTo1024HasNoResult(int length) {
    assertTrue(RandomBytes.hex(length).isEmpty());
  }

  @Test
  void twoDrawsDiffer() {
    // 2^-256 chance of a false failure
    assertNotEquals(RandomBytes.hex(32).orElseThrow(), RandomBytes.hex(32).orElseThrow());
  }
}
