package dev.flarec.hostabi.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Compact JWS serialisation (RFC 7515 §7.1) of a JWT (RFC 7519) for {@code crypto_sign_jwt}: {@code
 * BASE64URL(header) "." BASE64URL(claims) "." BASE64URL(HMAC(key, signing input))}, all base64url
 * without padding (RFC 7515 §2).
 *
 * <p>The claims are the guest's JSON object re-serialised compactly with the types it gave them
 * (decision 7): a string {@code "iat":"1717977600"} stays a string, a number stays a number with
 * its digits, and nothing is added (no {@code iat}, no {@code exp}). Why the JDK's {@code Mac}
 * rather than a JWT library: docs/RATIONALE.md#why-jwts-are-signed-with-the-jdk-mac.
 *
 * <p>Key length: RFC 7518 §3.2 asks for a key at least as long as the hash output. The key is an
 * operator-configured secret, not guest input, and the ABI defines the signature as "HMAC with the
 * secret's bytes", so a shorter (non-empty) secret is used as given rather than refused.
 */
public final class JwtSigner {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private JwtSigner() {}

  /**
   * The compact JWT for {@code claims} signed with {@code algorithm} under {@code key}; empty if
   * the key is empty. {@code mapper} must serialise compactly (no indentation), as a default {@link
   * ObjectMapper} does.
   */
  public static Optional<String> sign(
      JwtAlgorithm algorithm, byte[] key, ObjectNode claims, ObjectMapper mapper) {
    byte[] payload;
    try {
      payload = mapper.writeValueAsBytes(claims);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    return sign(algorithm, key, payload);
  }

  /** The compact JWT whose payload is exactly {@code payloadJson}. */
  public static Optional<String> sign(JwtAlgorithm algorithm, byte[] key, byte[] payloadJson) {
    String signingInput =
        BASE64URL.encodeToString(algorithm.header()) + "." + BASE64URL.encodeToString(payloadJson);
    return signature(algorithm, key, signingInput.getBytes(StandardCharsets.US_ASCII))
        .map(sig -> signingInput + "." + sig);
  }

  /** The base64url signature of a JWS signing input (RFC 7515 §5.1 step 5). */
  public static Optional<String> signature(
      JwtAlgorithm algorithm, byte[] key, byte[] signingInput) {
    return Hmac.mac(algorithm.jcaName(), key, signingInput).map(BASE64URL::encodeToString);
  }
}
