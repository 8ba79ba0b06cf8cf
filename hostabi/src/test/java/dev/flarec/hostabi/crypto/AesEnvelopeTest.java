package dev.flarec.hostabi.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The decision-8 envelope: layout, key derivation, round trip and failure modes. */
class AesEnvelopeTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void roundTrip() {
    byte[] secret = utf8("AES_KEY value");
    for (String text : new String[] {"", "secret", "ünïcødé ✓", "x".repeat(10_000)}) {
      String envelope = AesEnvelope.encrypt(secret, utf8(text));
      assertArrayEquals(utf8(text), AesEnvelope.decrypt(secret, utf8(envelope)).orElseThrow());
    }
  }

  @Test
  void layoutIsNonceThenCiphertextThenTagInPaddedStandardBase64() {
    byte[] secret = utf8("k");
    byte[] nonce = HexFormat.of().parseHex("000102030405060708090a0b");
    String envelope = AesEnvelope.encrypt(secret, nonce, utf8("hello"));
    byte[] raw = Base64.getDecoder().decode(envelope);
    assertEquals(12 + 5 + 16, raw.length);
    assertArrayEquals(nonce, Arrays.copyOf(raw, 12));
    // The rest is exactly AES-256-GCM under SHA-256(secret) with that nonce.
    byte[] key = HashAlgorithm.SHA256.digest(secret);
    assertArrayEquals(
        AesGcm.seal(key, nonce, utf8("hello")), Arrays.copyOfRange(raw, 12, raw.length));
    // 33 bytes encode to 44 characters: padding is kept when needed
    assertEquals(44, envelope.length());
    byte[] raw34 = Base64.getDecoder().decode(AesEnvelope.encrypt(secret, nonce, utf8("hello!")));
    assertEquals(34, raw34.length);
    assertTrue(AesEnvelope.encrypt(secret, nonce, utf8("hello!")).endsWith("=="));
  }

  @Test
  void keyIsSha256OfTheSecret() {
    assertEquals(
        "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
        HexFormat.of().formatHex(AesEnvelope.key(utf8("foo"))));
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    byte[] secret = utf8("k");
    String a = AesEnvelope.encrypt(secret, utf8("same"));
    String b = AesEnvelope.encrypt(secret, utf8("same"));
    assertNotEquals(a, b);
    assertNotEquals(
        Arrays.toString(Arrays.copyOf(Base64.getDecoder().decode(a), 12)),
        Arrays.toString(Arrays.copyOf(Base64.getDecoder().decode(b), 12)));
  }

  @Test
  void wrongSecretTamperingAndMalformedInputDoNotDecrypt() {
    String envelope = AesEnvelope.encrypt(utf8("right"), utf8("payload"));
    assertTrue(AesEnvelope.decrypt(utf8("wrong"), utf8(envelope)).isEmpty());

    byte[] raw = Base64.getDecoder().decode(envelope);
    raw[raw.length - 1] ^= 0x40;
    assertTrue(AesEnvelope.decrypt(utf8("right"), Base64.getEncoder().encode(raw)).isEmpty());

    assertTrue(AesEnvelope.decrypt(utf8("right"), utf8("not base64!")).isEmpty());
    // URL-safe alphabet is not the envelope's
    assertTrue(
        AesEnvelope.decrypt(
                utf8("right"), utf8(envelope.replace('+', '-').replace('/', '_') + "-_"))
            .isEmpty());
    // 27 bytes: shorter than nonce + tag
    assertTrue(
        AesEnvelope.decrypt(utf8("right"), Base64.getEncoder().encode(new byte[27])).isEmpty());
    assertTrue(AesEnvelope.decrypt(utf8("right"), new byte[0]).isEmpty());
  }
}
