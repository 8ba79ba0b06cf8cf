package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.crypto.AesGcm;
import dev.flarec.hostabi.crypto.HashAlgorithm;
import dev.flarec.hostabi.secrets.SecretStore;
import dev.flarec.runtime.trap.WasmTrap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * crypto_* driven through a compiled flare (flaron-abi.md §3.7, §4.2; decisions 5–8, 10, 11, 26):
 * envelopes parsed from guest memory, secrets resolved by name through the allowlist, results
 * handed over through the guest's alloc.
 */
class CryptoImportsTest {
  private static final Map<String, String> SECRETS =
      Map.of(
          "MY_KEY", "Jefe",
          "JWT_SECRET", "your-256-bit-secret",
          "AES_KEY", "correct horse battery staple",
          "OTHER_KEY", "something else",
          "UNICODE", "ключ ✓",
          "NOT_ALLOWED", "hidden");
  private static final List<String> ALLOWED =
      List.of("MY_KEY", "JWT_SECRET", "AES_KEY", "OTHER_KEY", "UNICODE", "MISSING");

  private ForwardingFlare flare;

  static FlareConfig allowing(List<String> secrets) {
    FlareConfig d = FlareConfig.defaults("crypto-test");
    return new FlareConfig(
        d.name(),
        d.kind(),
        d.writesSparkKv(),
        d.writesPlasmaKv(),
        secrets,
        d.allowedFetchUrls(),
        d.requiresRawAuth(),
        d.requiresBody(),
        d.isolation(),
        d.limits());
  }

  @BeforeEach
  void setUp() {
    HostServices services =
        new HostServices(null, null, null, new SecretStore(SECRETS), null, Clock.systemUTC());
    flare = ForwardingFlare.load("crypto", services, allowing(ALLOWED));
  }

  private long call(String function, String json) {
    ForwardingFlare.Arg a = flare.arg(json);
    return flare.callI64(function, a.ptr(), a.len());
  }

  private String text(String function, String json) {
    return flare.resultUtf8(call(function, json));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ---- crypto_hash ----

  @Test
  void hashHelloWithSha256() {
    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        text("crypto_hash", "{\"algorithm\":\"sha256\",\"input\":\"hello\"}"));
  }

  @ParameterizedTest
  @CsvSource({
    "md5, 900150983cd24fb0d6963f7d28e17f72",
    "sha1, a9993e364706816aba3e25717850c26c9cd0d89d",
    "sha256, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "sha384, cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
    "sha512, ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    "blake2b, ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
    "blake3, 6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85",
  })
  void everyDecidedAlgorithmHashesAbc(String algorithm, String digest) {
    assertEquals(
        digest, text("crypto_hash", "{\"algorithm\":\"" + algorithm + "\",\"input\":\"abc\"}"));
  }

  @Test
  void envelopeOrderWhitespaceAndEscapesDoNotMatter() {
    String expected = HexFormat.of().formatHex(HashAlgorithm.SHA256.digest(utf8("é\n\"x\"")));
    assertEquals(
        expected,
        text(
            "crypto_hash",
            " { \"input\" : \"\\u00e9\\n\\\"x\\\"\" ,\n \"algorithm\":\"sha256\" } "));
  }

  @Test
  void emptyInputHashesTheEmptyString() {
    assertEquals(
        "d41d8cd98f00b204e9800998ecf8427e",
        text("crypto_hash", "{\"algorithm\":\"md5\",\"input\":\"\"}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"algorithm\":\"SHA256\",\"input\":\"abc\"}",
        "{\"algorithm\":\"sha224\",\"input\":\"abc\"}",
        "{\"algorithm\":\"sha256\"}",
        "{\"input\":\"abc\"}",
        "{\"algorithm\":\"sha256\",\"input\":5}",
        "{\"algorithm\":[\"sha256\"],\"input\":\"abc\"}",
        "{\"algorithm\":\"sha256\",\"input\":\"abc\"",
        "{\"algorithm\":\"sha256\",\"input\":\"abc\"} trailing",
        "{\"algorithm\":\"sha256\",\"input\":\"abc\",\"input\":\"def\"}",
        "[\"sha256\",\"abc\"]",
        "\"sha256\"",
        "null",
      })
  void unsupportedOrMalformedHashRequestsReturnZero(String json) {
    assertEquals(0L, call("crypto_hash", json), json);
  }

  @Test
  void noArgumentsReturnZero() {
    assertEquals(0L, flare.callI64("crypto_hash", 0, 0));
  }

  @Test
  void outOfBoundsArgumentsTrap() {
    assertThrows(WasmTrap.class, () -> flare.callI64("crypto_hash", 0x1FFF0, 0x100));
    assertThrows(WasmTrap.class, () -> flare.callI64("crypto_hash", 16, -1));
  }

  @Test
  void aGuestThatCannotAllocateGetsZero() {
    flare.failAlloc(true);
    assertEquals(0L, call("crypto_hash", "{\"algorithm\":\"sha256\",\"input\":\"hello\"}"));
    flare.failAlloc(false);
    assertTrue(call("crypto_hash", "{\"algorithm\":\"sha256\",\"input\":\"hello\"}") != 0);
  }

  // ---- crypto_hmac ----

  @Test
  void hmacIsSha256KeyedWithTheNamedSecret() {
    // RFC 4231 test case 2, with the key "Jefe" stored as secret MY_KEY
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        text(
            "crypto_hmac",
            "{\"secret_key\":\"MY_KEY\",\"input\":\"what do ya want for nothing?\"}"));
  }

  @Test
  void hmacKeyIsTheSecretsUtf8Bytes() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(utf8("ключ ✓"), "HmacSHA256"));
    assertEquals(
        HexFormat.of().formatHex(mac.doFinal(utf8("data"))),
        text("crypto_hmac", "{\"secret_key\":\"UNICODE\",\"input\":\"data\"}"));
  }

  @Test
  void hmacAcceptsAnExplicitSha256() {
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        text(
            "crypto_hmac",
            "{\"algorithm\":\"sha256\",\"secret_key\":\"MY_KEY\",\"input\":\"what do ya want for nothing?\"}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"secret_key\":\"NOT_ALLOWED\",\"input\":\"x\"}",
        "{\"secret_key\":\"MISSING\",\"input\":\"x\"}",
        "{\"secret_key\":\"my_key\",\"input\":\"x\"}",
        "{\"secret_key\":\"MY_KEY\"}",
        "{\"input\":\"x\"}",
        "{\"algorithm\":\"sha512\",\"secret_key\":\"MY_KEY\",\"input\":\"x\"}",
        "{\"algorithm\":null,\"secret_key\":\"MY_KEY\",\"input\":\"x\"}",
        "not json",
      })
  void hmacWithoutAUsableSecretOrInputReturnsZero(String json) {
    assertEquals(0L, call("crypto_hmac", json), json);
  }

  // ---- crypto_sign_jwt ----

  @Test
  void jwtMatchesTheJwtIoExample() {
    assertEquals(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        text(
            "crypto_sign_jwt",
            "{\"algorithm\":\"HS256\",\"secret_key\":\"JWT_SECRET\","
                + "\"claims\":{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}}"));
  }

  @Test
  void claimsKeepTheirJsonTypesAndOrder() {
    String claims =
        "{\"sub\":\"user-42\",\"iat\":\"1717977600\",\"exp\":1759920000,\"ratio\":1.50,"
            + "\"big\":123456789012345678901234567890,\"admin\":false,\"none\":null,"
            + "\"roles\":[\"a\",2,{\"b\":[]}],\"nested\":{\"k\":\"v\"},\"text\":\"é \\\"q\\\" \\n\"}";
    String token =
        text(
            "crypto_sign_jwt",
            "{\"algorithm\":\"HS256\",\"secret_key\":\"JWT_SECRET\",\"claims\":" + claims + "}");
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    assertEquals(claims, payload);
  }

  @ParameterizedTest
  @CsvSource({"HS256, HmacSHA256", "HS384, HmacSHA384", "HS512, HmacSHA512"})
  void eachHsAlgorithmSignsWithItsHmac(String alg, String jca) throws Exception {
    String token =
        text(
            "crypto_sign_jwt",
            "{\"algorithm\":\""
                + alg
                + "\",\"secret_key\":\"OTHER_KEY\",\"claims\":{\"sub\":\"s\"}}");
    String[] parts = token.split("\\.");
    assertEquals(3, parts.length);
    assertEquals(
        "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}",
        new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance(jca);
    mac.init(new SecretKeySpec(utf8("something else"), jca));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(expected), parts[2]);
    // the token is itself valid JSON-free ASCII
    assertTrue(token.matches("[A-Za-z0-9_.-]+"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"algorithm\":\"RS256\",\"secret_key\":\"JWT_SECRET\",\"claims\":{}}",
        "{\"algorithm\":\"hs256\",\"secret_key\":\"JWT_SECRET\",\"claims\":{}}",
        "{\"algorithm\":\"none\",\"secret_key\":\"JWT_SECRET\",\"claims\":{}}",
        "{\"algorithm\":\"HS256\",\"secret_key\":\"NOT_ALLOWED\",\"claims\":{}}",
        "{\"algorithm\":\"HS256\",\"secret_key\":\"MISSING\",\"claims\":{}}",
        "{\"algorithm\":\"HS256\",\"secret_key\":\"JWT_SECRET\"}",
        "{\"algorithm\":\"HS256\",\"secret_key\":\"JWT_SECRET\",\"claims\":\"{}\"}",
        "{\"algorithm\":\"HS256\",\"secret_key\":\"JWT_SECRET\",\"claims\":[]}",
        "{\"algorithm\":\"HS256\",\"secret_key\":\"JWT_SECRET\",\"claims\":{\"a\":1,\"a\":2}}",
        "{\"secret_key\":\"JWT_SECRET\",\"claims\":{}}",
      })
  void unsignableJwtRequestsReturnZero(String json) {
    assertEquals(0L, call("crypto_sign_jwt", json), json);
  }

  @Test
  void emptyClaimsAreAnEmptyObject() {
    String token =
        text(
            "crypto_sign_jwt",
            "{\"algorithm\":\"HS256\",\"secret_key\":\"JWT_SECRET\",\"claims\":{}}");
    assertEquals("e30", token.split("\\.")[1]);
  }

  // ---- crypto_encrypt_aes / crypto_decrypt_aes ----

  private String encrypt(String secret, String plaintext) throws Exception {
    return text(
        "crypto_encrypt_aes",
        "{\"secret_key\":\""
            + secret
            + "\",\"input\":"
            + new ObjectMapper().writeValueAsString(plaintext)
            + "}");
  }

  private long decrypt(String secret, String base64) {
    return call(
        "crypto_decrypt_aes", "{\"secret_key\":\"" + secret + "\",\"input\":\"" + base64 + "\"}");
  }

  @Test
  void encryptThenDecryptRoundTrips() throws Exception {
    for (String plaintext : new String[] {"secret", "ünïcødé ✓", "x".repeat(5000)}) {
      flare.begin(allowing(ALLOWED));
      String envelope = encrypt("AES_KEY", plaintext);
      assertArrayEquals(utf8(plaintext), flare.result(decrypt("AES_KEY", envelope)));
    }
  }

  @Test
  void encryptionIsTheDecidedEnvelope() throws Exception {
    String envelope = encrypt("AES_KEY", "secret");
    assertTrue(envelope.matches("[A-Za-z0-9+/]+={0,2}"), envelope);
    byte[] raw = Base64.getDecoder().decode(envelope);
    assertEquals(12 + 6 + 16, raw.length);
    // Independently: AES-256-GCM under SHA-256(secret), nonce first.
    byte[] key = HashAlgorithm.SHA256.digest(utf8("correct horse battery staple"));
    byte[] plain =
        AesGcm.open(key, Arrays.copyOf(raw, 12), Arrays.copyOfRange(raw, 12, raw.length))
            .orElseThrow();
    assertArrayEquals(utf8("secret"), plain);
  }

  @Test
  void encryptingTwiceGivesDifferentCiphertexts() throws Exception {
    assertNotEquals(encrypt("AES_KEY", "same"), encrypt("AES_KEY", "same"));
  }

  @Test
  void decryptionFailuresReturnZero() throws Exception {
    String envelope = encrypt("AES_KEY", "payload");
    assertEquals(0L, decrypt("OTHER_KEY", envelope));
    byte[] raw = Base64.getDecoder().decode(envelope);
    raw[12] ^= 1;
    assertEquals(0L, decrypt("AES_KEY", Base64.getEncoder().encodeToString(raw)));
    assertEquals(0L, decrypt("AES_KEY", "not*base64"));
    assertEquals(0L, decrypt("AES_KEY", Base64.getEncoder().encodeToString(new byte[20])));
    assertEquals(0L, decrypt("NOT_ALLOWED", envelope));
    assertEquals(0L, decrypt("MISSING", envelope));
  }

  @Test
  void anEmptyPlaintextDecryptsToZero() throws Exception {
    // Decision 10: an empty result is 0, never alloc(0)
    String envelope = encrypt("AES_KEY", "");
    assertEquals(28, Base64.getDecoder().decode(envelope).length);
    assertEquals(0L, decrypt("AES_KEY", envelope));
  }

  @Test
  void encryptionNeedsAnAllowedSecret() throws Exception {
    assertEquals(
        0L, call("crypto_encrypt_aes", "{\"secret_key\":\"NOT_ALLOWED\",\"input\":\"x\"}"));
    assertEquals(0L, call("crypto_encrypt_aes", "{\"secret_key\":\"AES_KEY\"}"));
    assertEquals(0L, call("crypto_encrypt_aes", "{\"secret_key\":\"AES_KEY\",\"input\":1}"));
  }

  // ---- crypto_random_bytes ----

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 1024})
  void randomBytesAreHex(int length) {
    String hex = flare.resultUtf8(flare.callI64("crypto_random_bytes", length));
    assertEquals(2 * length, hex.length());
    assertTrue(hex.matches("[0-9a-f]+"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1025, Integer.MIN_VALUE})
  void randomBytesOutOfRangeReturnZero(int length) {
    assertEquals(0L, flare.callI64("crypto_random_bytes", length));
  }
}
