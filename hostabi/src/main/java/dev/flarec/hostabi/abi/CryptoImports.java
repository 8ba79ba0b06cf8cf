package dev.flarec.hostabi.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flarec.hostabi.crypto.AesEnvelope;
import dev.flarec.hostabi.crypto.HashAlgorithm;
import dev.flarec.hostabi.crypto.HmacSha256;
import dev.flarec.hostabi.crypto.JwtAlgorithm;
import dev.flarec.hostabi.crypto.JwtSigner;
import dev.flarec.hostabi.crypto.RandomBytes;
import dev.flarec.hostabi.encoding.HexCodec;
import dev.flarec.hostabi.guest.Guest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The crypto host functions of {@code flaron/v1} (flaron-abi.md §3.7, §4.2; §8 decisions 5–8, 10,
 * 11, 26). Arguments are JSON envelopes; secrets are named, resolved host-side through the flare's
 * {@code allowed_secrets}, and never written into guest memory. Every function returns 0 — the
 * ABI's one "no result" — for a malformed envelope, a missing or mistyped member, an unsupported
 * algorithm, a secret that is not allowlisted or not configured, a failed decryption, or a guest
 * {@code alloc} that returns 0; an out-of-bounds {@code (ptr, len)} traps.
 */
final class CryptoImports {
  private static final long NONE = 0;

  private final FlareContext context;

  CryptoImports(FlareContext context) {
    this.context = context;
  }

  /**
   * Hashes a string.
   *
   * <p>Parameters: {@code args_ptr}, {@code args_len} — the guest-memory address and byte length of
   * a UTF-8 JSON object {@code {"algorithm": name, "input": text}}, where {@code name} is one of
   * {@code md5}, {@code sha1}, {@code sha256}, {@code sha384}, {@code sha512}, {@code blake2b}
   * (BLAKE2b-512) or {@code blake3} (32 bytes).
   *
   * <p>Result: packed {@code (ptr << 32) | len} of the digest of {@code input}'s UTF-8 bytes as
   * lowercase hex; 0 if the envelope is malformed, a member is missing or not a string, or the
   * algorithm is not one of those names (exact, lowercase).
   *
   * <p>Guest memory: the hex text, in a buffer obtained from the guest's {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.7, §4.2; decision 5.
   */
  @HostFunction("crypto_hash")
  public long cryptoHash(int argsPtr, int argsLen) {
    Optional<ObjectNode> args = envelope(argsPtr, argsLen);
    if (args.isEmpty()) {
      return NONE;
    }
    Optional<HashAlgorithm> algorithm =
        JsonEnvelope.string(args.get(), "algorithm").flatMap(HashAlgorithm::byWireName);
    Optional<String> input = JsonEnvelope.string(args.get(), "input");
    if (algorithm.isEmpty() || input.isEmpty()) {
      return NONE;
    }
    return guest().write(HexCodec.encode(algorithm.get().digest(utf8(input.get()))));
  }

  /**
   * Computes HMAC-SHA-256 of a string under a named secret.
   *
   * <p>Parameters: {@code args_ptr}, {@code args_len} — address and byte length of a UTF-8 JSON
   * object {@code {"secret_key": secret name, "input": text}}. The ABI sends no algorithm for HMAC;
   * an {@code "algorithm"} member, if a guest sends one anyway, must be {@code "sha256"}, so that a
   * guest asking for another hash gets 0 rather than a SHA-256 MAC it did not ask for.
   *
   * <p>Result: packed pointer/length of the 32-byte MAC of {@code input}'s UTF-8 bytes, keyed with
   * the secret's UTF-8 bytes, as lowercase hex (64 characters); 0 if the envelope is malformed, the
   * secret is not in {@code allowed_secrets}, not configured or empty.
   *
   * <p>Guest memory: the hex text (never the secret), via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.6, §3.7, §4.2; decision 6; RFC 2104.
   */
  @HostFunction("crypto_hmac")
  public long cryptoHmac(int argsPtr, int argsLen) {
    Optional<ObjectNode> args = envelope(argsPtr, argsLen);
    if (args.isEmpty()) {
      return NONE;
    }
    JsonNode algorithm = args.get().get("algorithm");
    if (algorithm != null && !"sha256".equals(algorithm.textValue())) {
      return NONE;
    }
    Optional<byte[]> key = secret(args.get());
    Optional<String> input = JsonEnvelope.string(args.get(), "input");
    if (key.isEmpty() || input.isEmpty()) {
      return NONE;
    }
    return HmacSha256.mac(key.get(), utf8(input.get()))
        .map(mac -> guest().write(HexCodec.encode(mac)))
        .orElse(NONE);
  }

  /**
   * Signs a JWT with a named secret.
   *
   * <p>Parameters: {@code args_ptr}, {@code args_len} — address and byte length of a UTF-8 JSON
   * object {@code {"algorithm": "HS256"|"HS384"|"HS512", "secret_key": secret name, "claims":
   * {...}}}.
   *
   * <p>Result: packed pointer/length of the compact token {@code header.payload.signature} (ASCII):
   * header {@code {"alg":...,"typ":"JWT"}}, payload the claims object with every value of the JSON
   * type the guest gave it and nothing added, signature HMAC-SHA-256/384/512 keyed with the
   * secret's UTF-8 bytes, all three parts base64url without padding. 0 if the envelope is
   * malformed, the algorithm is not one of the three (RS256, EdDSA are not supported), {@code
   * claims} is missing or not an object, or the secret is not allowed, not configured or empty.
   *
   * <p>Guest memory: the token text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.7, §4.2; decision 7; RFC 7515 §7.1, RFC 7518 §3.2, RFC 7519.
   */
  @HostFunction("crypto_sign_jwt")
  public long cryptoSignJwt(int argsPtr, int argsLen) {
    Optional<ObjectNode> args = envelope(argsPtr, argsLen);
    if (args.isEmpty()) {
      return NONE;
    }
    Optional<JwtAlgorithm> algorithm =
        JsonEnvelope.string(args.get(), "algorithm").flatMap(JwtAlgorithm::byWireName);
    JsonNode claims = args.get().get("claims");
    if (algorithm.isEmpty() || !(claims instanceof ObjectNode claimsObject)) {
      return NONE;
    }
    Optional<byte[]> key = secret(args.get());
    if (key.isEmpty()) {
      return NONE;
    }
    return JwtSigner.sign(algorithm.get(), key.get(), claimsObject, JsonEnvelope.JSON)
        .map(token -> guest().writeUtf8(token))
        .orElse(NONE);
  }

  /**
   * Encrypts a string under a named secret with AES-256-GCM.
   *
   * <p>Parameters: {@code args_ptr}, {@code args_len} — address and byte length of a UTF-8 JSON
   * object {@code {"secret_key": secret name, "input": plaintext}}.
   *
   * <p>Result: packed pointer/length of {@code base64(nonce ‖ ciphertext ‖ tag)} (standard
   * alphabet, padded): a fresh random 12-byte nonce, the ciphertext of {@code input}'s UTF-8 bytes
   * under the key SHA-256(secret's UTF-8 bytes), and the 16-byte tag. Two calls with the same input
   * give different outputs. 0 if the envelope is malformed or the secret is not allowed or not
   * configured.
   *
   * <p>Guest memory: the base64 text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.7, §4.2; decision 8; NIST SP 800-38D.
   */
  @HostFunction("crypto_encrypt_aes")
  public long cryptoEncryptAes(int argsPtr, int argsLen) {
    Optional<ObjectNode> args = envelope(argsPtr, argsLen);
    if (args.isEmpty()) {
      return NONE;
    }
    Optional<byte[]> key = secret(args.get());
    Optional<String> input = JsonEnvelope.string(args.get(), "input");
    if (key.isEmpty() || input.isEmpty()) {
      return NONE;
    }
    return guest().writeUtf8(AesEnvelope.encrypt(key.get(), utf8(input.get())));
  }

  /**
   * Decrypts what {@code crypto_encrypt_aes} produced.
   *
   * <p>Parameters: {@code args_ptr}, {@code args_len} — address and byte length of a UTF-8 JSON
   * object {@code {"secret_key": secret name, "input": base64 text}}.
   *
   * <p>Result: packed pointer/length of the plaintext bytes; 0 if the envelope is malformed, the
   * secret is not allowed or not configured, {@code input} is not standard base64 or too short to
   * hold a nonce and a tag, authentication fails (wrong secret, altered text), or the plaintext is
   * empty (decision 10).
   *
   * <p>Guest memory: the plaintext bytes, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.7, §4.2; decisions 8, 10.
   */
  @HostFunction("crypto_decrypt_aes")
  public long cryptoDecryptAes(int argsPtr, int argsLen) {
    Optional<ObjectNode> args = envelope(argsPtr, argsLen);
    if (args.isEmpty()) {
      return NONE;
    }
    Optional<byte[]> key = secret(args.get());
    Optional<String> input = JsonEnvelope.string(args.get(), "input");
    if (key.isEmpty() || input.isEmpty()) {
      return NONE;
    }
    return AesEnvelope.decrypt(key.get(), utf8(input.get()))
        .map(plaintext -> guest().write(plaintext))
        .orElse(NONE);
  }

  /**
   * Produces cryptographically secure random bytes.
   *
   * <p>Parameter: {@code length} — the number of random bytes wanted, 1 to 1024.
   *
   * <p>Result: packed pointer/length of the bytes as lowercase hex ({@code 2 * length} characters),
   * from the JDK's {@code SecureRandom}; 0 if {@code length} is outside 1–1024.
   *
   * <p>Guest memory: the hex text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.7; decision 26.
   */
  @HostFunction("crypto_random_bytes")
  public long cryptoRandomBytes(int length) {
    return RandomBytes.hex(length).map(hex -> guest().writeUtf8(hex)).orElse(NONE);
  }

  private Guest guest() {
    return context.guest();
  }

  private Optional<ObjectNode> envelope(int ptr, int len) {
    return JsonEnvelope.parse(guest().read(ptr, len));
  }

  /**
   * The UTF-8 bytes of the secret named by {@code "secret_key"}, if the flare may use it. The store
   * checks {@code allowed_secrets} and logs refusals (§3.6).
   */
  private Optional<byte[]> secret(ObjectNode args) {
    return JsonEnvelope.string(args, "secret_key")
        .flatMap(name -> context.services().secrets().resolve(context.invocation().config(), name))
        .map(CryptoImports::utf8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
