package dev.flarec.hostabi.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The ciphertext format of {@code crypto_encrypt_aes} / {@code crypto_decrypt_aes} (decision 8):
 * AES-256-GCM under {@code key = SHA-256(secret)}, a fresh random 12-byte nonce per message, and
 * the text {@code base64(nonce ‖ ciphertext ‖ 16-byte tag)} in standard, padded base64.
 *
 * <p>Why SHA-256 of the secret and not a password KDF: the secret is operator-configured key
 * material, not a user password, and the ABI needs a deterministic 32-byte key from a string of any
 * length; a salted KDF would need the salt in the envelope, which the ABI does not have. Random
 * nonces keep the GCM nonce-reuse bound (2^32 messages per key, SP 800-38D §8.3) far above what an
 * edge node encrypts under one secret.
 */
public final class AesEnvelope {
  private static final SecureRandom RANDOM = new SecureRandom();

  private AesEnvelope() {}

  /** The AES-256 key for a secret: its SHA-256 digest. */
  static byte[] key(byte[] secret) {
    return HashAlgorithm.SHA256.digest(secret);
  }

  /** {@code plaintext} encrypted under {@code secret}, as base64 text. */
  public static String encrypt(byte[] secret, byte[] plaintext) {
    byte[] nonce = new byte[AesGcm.NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return encrypt(secret, nonce, plaintext);
  }

  /** Same with a given nonce: for tests only; reusing a nonce under one key breaks GCM. */
  static String encrypt(byte[] secret, byte[] nonce, byte[] plaintext) {
    byte[] sealed = AesGcm.seal(key(secret), nonce, plaintext);
    byte[] out = new byte[nonce.length + sealed.length];
    System.arraycopy(nonce, 0, out, 0, nonce.length);
    System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
    return Base64.getEncoder().encodeToString(out);
  }

  /**
   * The plaintext of an envelope made by {@link #encrypt}, or empty if {@code base64} is not
   * standard base64, is too short to hold a nonce and a tag, or fails authentication (wrong secret,
   * tampered bytes).
   */
  public static Optional<byte[]> decrypt(byte[] secret, byte[] base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    if (raw.length < AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES) {
      return Optional.empty();
    }
    byte[] nonce = Arrays.copyOfRange(raw, 0, AesGcm.NONCE_BYTES);
    byte[] sealed = Arrays.copyOfRange(raw, AesGcm.NONCE_BYTES, raw.length);
    return AesGcm.open(key(secret), nonce, sealed);
  }
}
