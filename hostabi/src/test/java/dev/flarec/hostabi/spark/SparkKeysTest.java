package dev.flarec.hostabi.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision 19: {@code ^[a-zA-Z0-9:._-]{1,256}$}, no {@code __flaron:} or {@code __sys:}. */
class SparkKeysTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"a", "Z", "0", "user:42", "a.b_c-d", "__flaron", "__sys", "_sys:x", "__flaron_x:"})
  void valid(String key) {
    assertTrue(SparkKeys.isValid(key));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "a b",
        "a/b",
        "a\nb",
        "é",
        "a*",
        "__flaron:",
        "__flaron:x",
        "__sys:",
        "__sys:cfg"
      })
  void invalid(String key) {
    assertFalse(SparkKeys.isValid(key));
  }

  @org.junit.jupiter.api.Test
  void lengthBounds() {
    assertTrue(SparkKeys.isValid("k".repeat(256)));
    assertFalse(SparkKeys.isValid("k".repeat(257)));
    assertFalse(SparkKeys.isValid(new byte[] {(byte) 0xFF}));
  }
}
