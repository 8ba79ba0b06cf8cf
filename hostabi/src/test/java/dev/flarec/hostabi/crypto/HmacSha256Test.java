package dev.flarec.hostabi.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 4231 §4 test cases for HMAC-SHA-256 (case 5, truncated output, does not apply). */
class HmacSha256Test {
  private static byte[] repeat(int value, int count) {
    byte[] b = new byte[count];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private static String mac(byte[] key, byte[] data) {
    return HexFormat.of().formatHex(HmacSha256.mac(key, data).orElseThrow());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void testCase1() {
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        mac(repeat(0x0b, 20), ascii("Hi There")));
  }

  @Test
  void testCase2KeyShorterThanOutput() {
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        mac(ascii("Jefe"), ascii("what do ya want for nothing?")));
  }

  @Test
  void testCase3() {
    assertEquals(
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        mac(repeat(0xaa, 20), repeat(0xdd, 50)));
  }

  @Test
  void testCase4() {
    byte[] key = new byte[25];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i + 1);
    }
    assertEquals(
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        mac(key, repeat(0xcd, 50)));
  }

  @Test
  void testCase6KeyLargerThanBlock() {
    assertEquals(
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        mac(repeat(0xaa, 131), ascii("Test Using Larger Than Block-Size Key - Hash Key First")));
  }

  @Test
  void testCase7KeyAndDataLargerThanBlock() {
    assertEquals(
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
        mac(
            repeat(0xaa, 131),
            ascii(
                "This is a test using a larger than block-size key and a larger than block-size"
                    + " data. The key needs to be hashed before being used by the HMAC algorithm.")));
  }

  @Test
  void anEmptyKeyHasNoMac() {
    assertTrue(HmacSha256.mac(new byte[0], ascii("data")).isEmpty());
  }
}
