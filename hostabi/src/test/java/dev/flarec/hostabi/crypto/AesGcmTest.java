package dev.flarec.hostabi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * AES-256-GCM against the GCM specification's test cases 13–15 (McGrew and Viega, "The
 * Galois/Counter Mode of Operation", the vectors NIST's GCM validation starts from), 96-bit IVs, no
 * additional data. Rechecked against OpenSSL when written.
 */
class AesGcmTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] h(String hex) {
    return HEX.parseHex(hex);
  }

  @Test
  void testCase13EmptyPlaintext() {
    byte[] sealed = AesGcm.seal(new byte[32], new byte[12], new byte[0]);
    assertEquals("530f8afbc74536b9a963b4f1c4cb738b", HEX.formatHex(sealed));
  }

  @Test
  void testCase14OneZeroBlock() {
    byte[] sealed = AesGcm.seal(new byte[32], new byte[12], new byte[16]);
    assertEquals(
        "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919",
        HEX.formatHex(sealed));
  }

  private static final byte[] K15 =
      h("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
  private static final byte[] IV15 = h("cafebabefacedbaddecaf888");
  private static final byte[] P15 =
      h(
          "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
              + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
  private static final String C15 =
      "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
          + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";
  private static final String T15 = "b094dac5d93471bdec1a502270e3cc6c";

  @Test
  void testCase15FourBlocks() {
    assertEquals(C15 + T15, HEX.formatHex(AesGcm.seal(K15, IV15, P15)));
  }

  @Test
  void testCase15Opens() {
    assertArrayEquals(P15, AesGcm.open(K15, IV15, h(C15 + T15)).orElseThrow());
  }

  @Test
  void aFlippedBitFailsAuthentication() {
    byte[] sealed = h(C15 + T15);
    for (int i : new int[] {0, 31, sealed.length - 16, sealed.length - 1}) {
      byte[] forged = sealed.clone();
      forged[i] ^= 1;
      assertTrue(AesGcm.open(K15, IV15, forged).isEmpty(), "byte " + i);
    }
    byte[] otherNonce = IV15.clone();
    otherNonce[11] ^= 1;
    assertTrue(AesGcm.open(K15, otherNonce, sealed).isEmpty());
  }

  @Test
  void tooShortForATagDoesNotOpen() {
    assertTrue(AesGcm.open(K15, IV15, new byte[15]).isEmpty());
  }
}
