/**
 * The cryptography behind the {@code crypto_*} host functions (flaron-abi.md §3.7, §4.2, §8
 * decisions 5–8 and 26): digests, HMAC-SHA-256, HS256/384/512 JWTs, the AES-256-GCM envelope and
 * random bytes.
 *
 * <p>Nothing here is hand-rolled: every primitive is the JDK's ({@code MessageDigest}, {@code Mac},
 * {@code Cipher}, {@code SecureRandom}) or BouncyCastle's lightweight API (BLAKE2b, BLAKE3, which
 * the JDK lacks). This package only fixes the wire formats the ABI decided around them.
 *
 * <p>Inputs are plain byte arrays and already-resolved key material: this package must not depend
 * on the guest, the invocation, the secret store or the JSON envelopes (those are the host
 * function's job in {@code abi.CryptoImports}), so that each format is testable against published
 * vectors on its own. Failures are {@link java.util.Optional#empty()}, never exceptions.
 */
package dev.flarec.hostabi.crypto;
