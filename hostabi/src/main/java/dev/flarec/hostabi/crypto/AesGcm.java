package dev.flarec.hostabi.crypto;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in Galois/Counter Mode (NIST SP 800-38D) with a 128-bit tag and no additional data, through
 * the JDK's {@code AES/GCM/NoPadding}. The primitive under {@link AesEnvelope}; separate so that it
 * can be checked against the published GCM test vectors with fixed keys and nonces.
 */
public final class AesGcm {
  /** Tag length in bytes (the maximum, and the ABI's: decision 8). */
  public static final int TAG_BYTES = 16;

  /** Nonce length in bytes: 96 bits, the length GCM is designed for (SP 800-38D §5.2.1.1). */
  public static final int NONCE_BYTES = 12;

  private AesGcm() {}

  /** {@code ciphertext ‖ tag} of {@code plaintext} under {@code key} (16, 24 or 32 bytes). */
  public static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
    try {
      return cipher(Cipher.ENCRYPT_MODE, key, nonce).doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      // Only a wrong key or nonce size gets here, which is a host bug.
      throw new IllegalArgumentException("AES-GCM seal failed: " + e.getMessage(), e);
    }
  }

  /** The plaintext of {@code ciphertext ‖ tag}, or empty if authentication fails. */
  public static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] ciphertextAndTag) {
    if (ciphertextAndTag.length < TAG_BYTES) {
      return Optional.empty();
    }
    try {
      return Optional.of(cipher(Cipher.DECRYPT_MODE, key, nonce).doFinal(ciphertextAndTag));
    } catch (AEADBadTagException forged) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("AES-GCM open failed: " + e.getMessage(), e);
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
    // A fresh Cipher per call: Cipher objects are not thread-safe, and the JDK refuses to reuse a
    // key/nonce pair on one encrypting object anyway.
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
    return c;
  }
}
