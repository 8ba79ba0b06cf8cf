package dev.flarec.hostabi.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3986 §2 percent-encoding with decision 27's choices. */
class PercentCodecTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return new String(PercentCodec.encode(utf8(s)), StandardCharsets.US_ASCII);
  }

  private static String decode(String s) {
    return new String(PercentCodec.decode(utf8(s)).orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void unreservedCharactersAreKept() {
    String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    assertEquals(unreserved, encode(unreserved));
  }

  /** RFC 3986 §2.2: gen-delims and sub-delims are reserved, so encoded in a component. */
  @Test
  void reservedCharactersAreEncodedWithUppercaseHex() {
    assertEquals("%3A%2F%3F%23%5B%5D%40", encode(":/?#[]@"));
    assertEquals("%21%24%26%27%28%29%2A%2B%2C%3B%3D", encode("!$&'()*+,;="));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hello world|hello%20world",
        "a+b=c|a%2Bb%3Dc",
        "100%|100%25",
        "é|%C3%A9",
        "日本|%E6%97%A5%E6%9C%AC",
        "\"quote\" <tag>|%22quote%22%20%3Ctag%3E",
        "tab\there|tab%09here",
      })
  void examples(String text, String encoded) {
    assertEquals(encoded, encode(text));
    assertEquals(text, decode(encoded));
  }

  @Test
  void everyByteRoundTrips() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    byte[] encoded = PercentCodec.encode(all);
    assertTrue(new String(encoded, StandardCharsets.US_ASCII).matches("[A-Za-z0-9._~%-]+"));
    assertArrayEquals(all, PercentCodec.decode(encoded).orElseThrow());
  }

  @Test
  void decodingKeepsPlusAndAcceptsLowercaseEscapes() {
    assertEquals("a+b c", decode("a+b%20c"));
    assertEquals("é", decode("%c3%a9"));
    // bytes that did not need encoding are accepted unencoded
    assertEquals("a/b?c=d", decode("a/b?c=d"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "abc%", "%ZZ", "%G0", "%0G", "%%41", "% 1"})
  void brokenEscapesHaveNoResult(String text) {
    assertTrue(PercentCodec.decode(utf8(text)).isEmpty(), text);
  }
}
