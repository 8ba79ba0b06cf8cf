package dev.flarec.hostabi.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HexCodecTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** RFC 4648 §10 base16 vectors (given there in uppercase; we write lowercase). */
  @ParameterizedTest
  @CsvSource({
    "'', ''",
    "f, 66",
    "fo, 666F",
    "foo, 666F6F",
    "foob, 666F6F62",
    "fooba, 666F6F6261",
    "foobar, 666F6F626172",
    "hello, 68656C6C6F",
  })
  void rfc4648Vectors(String data, String upper) {
    assertEquals(upper.toLowerCase(Locale.ROOT), HexCodec.encodeToString(ascii(data)));
    assertArrayEquals(ascii(data), HexCodec.decode(ascii(upper)).orElseThrow());
    assertArrayEquals(
        ascii(data), HexCodec.decode(ascii(upper.toLowerCase(Locale.ROOT))).orElseThrow());
  }

  @Test
  void everyByteValue() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    String hex = HexCodec.encodeToString(all);
    assertTrue(hex.startsWith("000102") && hex.endsWith("fdfeff"));
    assertArrayEquals(all, HexCodec.decode(ascii(hex)).orElseThrow());
    assertArrayEquals(
        new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF},
        HexCodec.decode(ascii("deadbeef")).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0g", "0x00", " 00", "00 ", "de:ad", "+1"})
  void malformedInputHasNoResult(String text) {
    assertTrue(HexCodec.decode(ascii(text)).isEmpty(), text);
  }

  @Test
  void nonAsciiBytesAreMalformed() {
    // U+0660 ARABIC-INDIC DIGIT ZERO is a digit to Character.digit, never to hex parsing
    assertTrue(HexCodec.decode("٠٠".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(HexCodec.decode(new byte[] {(byte) 0xB0, (byte) 0xB1}).isEmpty());
  }
}
