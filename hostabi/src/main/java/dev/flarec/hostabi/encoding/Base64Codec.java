package dev.flarec.hostabi.encoding;

import java.util.Base64;
import java.util.Optional;

/**
 * Standard base64 (RFC 4648 §4, alphabet {@code A-Za-z0-9+/}) with {@code =} padding, as {@code
 * encoding_base64_encode} / {@code encoding_base64_decode} use it ({@code hello} ↔ {@code
 * aGVsbG8=}).
 *
 * <p>Decoding uses the JDK's basic decoder: characters outside the alphabet (including line breaks
 * and the URL-safe {@code -_}) are rejected; a missing final padding is accepted, because the bytes
 * are unambiguous without it and guests that strip padding are common.
 */
public final class Base64Codec {
  private Base64Codec() {}

  /** {@code data} as padded standard base64 (ASCII bytes). */
  public static byte[] encode(byte[] data) {
    return Base64.getEncoder().encode(data);
  }

  /** The bytes {@code text} encodes, or empty if it is not valid standard base64. */
  public static Optional<byte[]> decode(byte[] text) {
    try {
      return Optional.of(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
