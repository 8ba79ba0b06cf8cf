package dev.flarec.benchmarks.request;

import dev.flarec.benchmarks.handwritten.Sha256;

/**
 * SHA-256 written out in Java the way {@code flares/hash.c} writes it in C: a 64-word message
 * schedule and 64 rounds per block ({@link Sha256#compress}, the hand-written kernel's), the tail
 * padded in a 128-byte buffer. It is the reference for "the same work in Java": the JDK's {@code
 * MessageDigest} computes the same digest with the CPU's SHA instructions where it has them, which
 * neither the flare nor plain Java code gets.
 */
final class PlainSha256 {
  private PlainSha256() {}

  /** The digest of {@code data[0, length)}. */
  static byte[] digest(byte[] data, int length) {
    int[] s = {
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };
    int[] w = new int[64];
    int i = 0;
    for (; i + 64 <= length; i += 64) {
      Sha256.compress(s, w, data, i);
    }
    byte[] tail = new byte[128];
    int rest = length - i;
    System.arraycopy(data, i, tail, 0, rest);
    tail[rest] = (byte) 0x80;
    int padded = rest + 9 <= 64 ? 64 : 128;
    long bits = (long) length * 8;
    for (int j = 0; j < 8; j++) {
      tail[padded - 1 - j] = (byte) (bits >>> (8 * j));
    }
    for (int j = 0; j < padded; j += 64) {
      Sha256.compress(s, w, tail, j);
    }
    byte[] out = new byte[32];
    for (int j = 0; j < 8; j++) {
      out[4 * j] = (byte) (s[j] >>> 24);
      out[4 * j + 1] = (byte) (s[j] >>> 16);
      out[4 * j + 2] = (byte) (s[j] >>> 8);
      out[4 * j + 3] = (byte) s[j];
    }
    return out;
  }
}
