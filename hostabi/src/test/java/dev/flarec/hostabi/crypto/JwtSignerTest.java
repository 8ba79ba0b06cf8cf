package dev.flarec.hostabi.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtSignerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * RFC 7515 appendix A.1: the HS256 signature of the example's signing input under the example's
   * JWK key. (The example's header has other bytes than ours, so the signature step is checked on
   * its own.)
   */
  @Test
  void signatureMatchesRfc7515AppendixA1() {
    byte[] key =
        Base64.getUrlDecoder()
            .decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    String signingInput =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
    assertEquals(
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        JwtSigner.signature(
                JwtAlgorithm.HS256, key, signingInput.getBytes(StandardCharsets.US_ASCII))
            .orElseThrow());
  }

  /**
   * The jwt.io introductory token: header {"alg":"HS256","typ":"JWT"} (exactly decision 7's),
   * payload {"sub":"1234567890","name":"John Doe","iat":1516239022}, secret "your-256-bit-secret".
   * Recomputed independently (Python hmac + base64) when written.
   */
  @Test
  void wholeTokenMatchesTheJwtIoExample() throws Exception {
    ObjectNode claims =
        (ObjectNode)
            JSON.readTree("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}");
    assertEquals(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        JwtSigner.sign(JwtAlgorithm.HS256, utf8("your-256-bit-secret"), claims, JSON)
            .orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"HS256", "HS384", "HS512"})
  void headerIsExactlyAlgThenTyp(String alg) {
    JwtAlgorithm a = JwtAlgorithm.byWireName(alg).orElseThrow();
    String token = JwtSigner.sign(a, utf8("k"), utf8("{}")).orElseThrow();
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    assertEquals("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", header);
  }

  @Test
  void signatureLengthsFollowTheHash() {
    // base64url without padding of 32, 48 and 64 bytes
    assertEquals(43, sig(JwtAlgorithm.HS256).length());
    assertEquals(64, sig(JwtAlgorithm.HS384).length());
    assertEquals(86, sig(JwtAlgorithm.HS512).length());
  }

  private static String sig(JwtAlgorithm a) {
    String token = JwtSigner.sign(a, utf8("secret"), utf8("{\"a\":1}")).orElseThrow();
    return token.substring(token.lastIndexOf('.') + 1);
  }

  @Test
  void noPartHasPaddingOrNonUrlSafeCharacters() {
    // 1-byte and 2-byte remainders would produce '=' padding in plain base64
    for (String payload :
        new String[] {"{}", "{\"a\":1}", "{\"ab\":12}", "{\"k\":\"~~~???>>>\"}"}) {
      String token = JwtSigner.sign(JwtAlgorithm.HS256, utf8("s"), utf8(payload)).orElseThrow();
      assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), token);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hs256", "RS256", "EdDSA", "none", ""})
  void otherAlgorithmsAreUnsupported(String name) {
    assertTrue(JwtAlgorithm.byWireName(name).isEmpty());
  }

  @Test
  void anEmptySecretSignsNothing() {
    assertTrue(JwtSigner.sign(JwtAlgorithm.HS256, new byte[0], utf8("{}")).isEmpty());
  }
}
