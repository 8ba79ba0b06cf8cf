package dev.flarec.hostabi.crypto;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JCA plumbing shared by {@link HmacSha256} and {@link JwtSigner}: HMAC (RFC 2104) by name. */
final class Hmac {
  private Hmac() {}

  /**
   * The MAC of {@code data} under {@code key} with JCA algorithm {@code jcaName} ({@code
   * HmacSHA256}, ...); empty for an empty key. {@link SecretKeySpec} refuses empty keys, and a
   * secret configured empty is an operator mistake that must not become a predictable MAC.
   */
  static Optional<byte[]> mac(String jcaName, byte[] key, byte[] data) {
    if (key.length == 0) {
      return Optional.empty();
    }
    try {
      Mac mac = Mac.getInstance(jcaName);
      mac.init(new SecretKeySpec(key, jcaName));
      return Optional.of(mac.doFinal(data));
    } catch (NoSuchAlgorithmException e) {
      // Java SE requires HmacSHA256; every JDK we support also has HmacSHA384/512.
      throw new IllegalStateException("the JDK lacks " + jcaName, e);
    } catch (InvalidKeyException e) {
      return Optional.empty();
    }
  }
}
