package dev.flarec.hostabi.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base64CodecTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** RFC 4648 §10 test vectors, both ways. */
  @ParameterizedTest
  @CsvSource({
    "'', ''",
    "f, Zg==",
    "fo, Zm8=",
    "foo, Zm9v",
    "foob, Zm9vYg==",
    "fooba, Zm9vYmE=",
    "foobar, Zm9vYmFy",
    "hello, aGVsbG8=",
  })
  void rfc4648Vectors(String data, String encoded) {
    assertEquals(encoded, new String(Base64Codec.encode(ascii(data)), StandardCharsets.US_ASCII));
    assertArrayEquals(ascii(data), Base64Codec.decode(ascii(encoded)).orElseThrow());
  }

  @Test
  void allByteValuesRoundTripThroughTheStandardAlphabet() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    byte[] encoded = Base64Codec.encode(all);
    assertTrue(new String(encoded, StandardCharsets.US_ASCII).matches("[A-Za-z0-9+/]+=*"));
    assertArrayEquals(all, Base64Codec.decode(encoded).orElseThrow());
  }

  @Test
  void missingPaddingIsAccepted() {
    assertArrayEquals(ascii("hello"), Base64Codec.decode(ascii("aGVsbG8")).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"aGVs bG8=", "aGVsbG8=\n", "-_-_", "Zg=x", "Z", "Zg===", "é"})
  void malformedInputHasNoResult(String text) {
    assertTrue(Base64Codec.decode(text.getBytes(StandardCharsets.UTF_8)).isEmpty(), text);
  }
}
