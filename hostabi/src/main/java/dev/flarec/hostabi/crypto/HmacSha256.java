package dev.flarec.hostabi.crypto;

import java.util.Optional;

/**
 * HMAC-SHA-256 (RFC 2104 with FIPS 180-4 SHA-256), the MAC of {@code crypto_hmac}. The ABI sends no
 * algorithm for HMAC, so decision 6 fixes SHA-256; the host function keys it with the named
 * secret's UTF-8 bytes and hex-encodes the result.
 */
public final class HmacSha256 {
  private HmacSha256() {}

  /** The 32-byte MAC of {@code data} under {@code key}; empty if the key is empty. */
  public static Optional<byte[]> mac(byte[] key, byte[] data) {
    return Hmac.mac("HmacSHA256", key, data);
  }
}
