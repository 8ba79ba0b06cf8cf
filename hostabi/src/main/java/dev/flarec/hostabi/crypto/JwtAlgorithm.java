package dev.flarec.hostabi.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The JWS algorithms {@code crypto_sign_jwt} signs with (decision 7): HMAC with SHA-256/384/512
 * (RFC 7518 §3.2). Asymmetric algorithms ({@code RS256}, {@code EdDSA}), which one SDK's docs
 * mention, need key material the secret store does not hold, so they are unsupported (→ 0).
 */
@SuppressWarnings("ImmutableEnumChecker") // header is private and never written after construction
public enum JwtAlgorithm {
  HS256("HmacSHA256"),
  HS384("HmacSHA384"),
  HS512("HmacSHA512");

  private final String jcaName;
  private final byte[] header;

  JwtAlgorithm(String jcaName) {
    this.jcaName = jcaName;
    // Decision 7 fixes the header byte for byte: alg first, then typ, no whitespace. It is a
    // constant, so it is written out rather than serialised (a JSON library may order or space
    // members differently, which would change every token's signature).
    this.header =
        ("{\"alg\":\"" + name() + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.US_ASCII);
  }

  /** The algorithm named by a guest's {@code "algorithm"}: exact, uppercase JWA names only. */
  public static Optional<JwtAlgorithm> byWireName(String name) {
    for (JwtAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The JOSE header of every token this algorithm signs, as UTF-8 JSON. */
  public byte[] header() {
    return header.clone();
  }

  String jcaName() {
    return jcaName;
  }
}
