package dev.flarec.benchmarks.request;

/**
 * SHA-256 written out in Java the way {@code flares/hash.c} writes it in C: a 64-word message
 * schedule and 64 rounds per block, the tail padded in a 128-byte buffer. It is the reference for
 * "the same work in Java": the JDK's {@code MessageDigest} computes the same digest with the CPU's
 * SHA instructions where it has them, which neither the flare nor plain Java code gets.
 */
final class PlainSha256 {
  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  private PlainSha256() {}

  /** The digest of {@code data[0, length)}. */
  static byte[] digest(byte[] data, int length) {
    int[] s = {
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };
    int[] w = new int[64];
    int i = 0;
    for (; i + 64 <= length; i += 64) {
      compress(s, w, data, i);
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
      compress(s, w, tail, j);
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

  private static void compress(int[] s, int[] w, byte[] p, int at) {
    for (int i = 0; i < 16; i++) {
      int o = at + 4 * i;
      w[i] =
          ((p[o] & 0xff) << 24)
              | ((p[o + 1] & 0xff) << 16)
              | ((p[o + 2] & 0xff) << 8)
              | (p[o + 3] & 0xff);
    }
    for (int i = 16; i < 64; i++) {
      int s0 =
          Integer.rotateRight(w[i - 15], 7)
              ^ Integer.rotateRight(w[i - 15], 18)
              ^ (w[i - 15] >>> 3);
      int s1 =
          Integer.rotateRight(w[i - 2], 17) ^ Integer.rotateRight(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    int a = s[0];
    int b = s[1];
    int c = s[2];
    int d = s[3];
    int e = s[4];
    int f = s[5];
    int g = s[6];
    int h = s[7];
    for (int i = 0; i < 64; i++) {
      int t1 =
          h
              + (Integer.rotateRight(e, 6)
                  ^ Integer.rotateRight(e, 11)
                  ^ Integer.rotateRight(e, 25))
              + ((e & f) ^ (~e & g))
              + K[i]
              + w[i];
      int t2 =
          (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
              + ((a & b) ^ (a & c) ^ (b & c));
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
    s[4] += e;
    s[5] += f;
    s[6] += g;
    s[7] += h;
  }
}
