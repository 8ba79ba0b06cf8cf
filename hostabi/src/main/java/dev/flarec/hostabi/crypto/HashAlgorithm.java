package dev.flarec.hostabi.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake3Digest;

/**
 * The digests {@code crypto_hash} accepts, by their wire names (decision 5): {@code md5}, {@code
 * sha1}, {@code sha256}, {@code sha384}, {@code sha512} from the JDK, and {@code blake2b}
 * (BLAKE2b-512, RFC 7693) and {@code blake3} (32-byte output) from BouncyCastle. Names are matched
 * exactly: the ABI defines them lowercase, and silently accepting variants would make flares depend
 * on a leniency other hosts may not have.
 */
public enum HashAlgorithm {
  MD5("md5", "MD5"),
  SHA1("sha1", "SHA-1"),
  SHA256("sha256", "SHA-256"),
  SHA384("sha384", "SHA-384"),
  SHA512("sha512", "SHA-512"),
  BLAKE2B("blake2b", null) {
    @Override
    Digest lightweight() {
      return new Blake2bDigest(512);
    }
  },
  BLAKE3("blake3", null) {
    @Override
    Digest lightweight() {
      return new Blake3Digest(256);
    }
  };

  private final String wireName;
  private final String jdkName;

  HashAlgorithm(String wireName, String jdkName) {
    this.wireName = wireName;
    this.jdkName = jdkName;
  }

  /** The name a guest sends in {@code "algorithm"}. */
  public String wireName() {
    return wireName;
  }

  /** The algorithm a guest named, or empty for an unsupported name. */
  public static Optional<HashAlgorithm> byWireName(String name) {
    for (HashAlgorithm a : values()) {
      if (a.wireName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** BouncyCastle digest for the algorithms the JDK lacks; null for JDK ones. */
  Digest lightweight() {
    return null;
  }

  /** The digest of {@code data}. Digest objects are stateful, so each call makes its own. */
  public byte[] digest(byte[] data) {
    Digest d = lightweight();
    if (d != null) {
      d.update(data, 0, data.length);
      byte[] out = new byte[d.getDigestSize()];
      d.doFinal(out, 0);
      return out;
    }
    try {
      return MessageDigest.getInstance(jdkName).digest(data);
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE implementation must provide MD5, SHA-1 and SHA-256; SHA-384/512 ship with
      // every JDK we support. Missing one is a broken runtime, not a guest error.
      throw new IllegalStateException("the JDK lacks " + jdkName, e);
    }
  }
}
