package dev.flarec.benchmarks.handwritten;

/**
 * kernels/sha256.c in Java: the same SHA-256, hand-written rather than the JDK's {@code
 * MessageDigest} (whose compression is a CPU intrinsic, not the JVM's code generation).
 */
public final class Sha256 {
  private static final int MESSAGE_BYTES = 16384;
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

  private Sha256() {}

  static long run(int n) {
    byte[] message = new byte[MESSAGE_BYTES];
    int[] seed = {314159265};
    for (int i = 0; i < MESSAGE_BYTES; i++) {
      message[i] = (byte) HandwrittenKernels.nextRandom(seed);
    }
    byte[] digest = new byte[32];
    for (int r = 0; r < n; r++) {
      digest(message, digest);
      System.arraycopy(digest, 0, message, 0, 32);
    }
    return ((long) loadBe32(digest, 0) << 32) | Integer.toUnsignedLong(loadBe32(digest, 4));
  }

  /** SHA-256 of all of {@code data}, whose length is a multiple of 64 (as the kernel's is). */
  private static void digest(byte[] data, byte[] digest) {
    int[] state = {
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };
    int[] w = new int[64];
    for (int at = 0; at < data.length; at += 64) {
      compress(state, w, data, at);
    }
    byte[] tail = new byte[64];
    tail[0] = (byte) 0x80;
    long bits = (long) data.length * 8;
    storeBe32(tail, 56, (int) (bits >>> 32));
    storeBe32(tail, 60, (int) bits);
    compress(state, w, tail, 0);
    for (int i = 0; i < 8; i++) {
      storeBe32(digest, 4 * i, state[i]);
    }
  }

  /**
   * One SHA-256 compression: folds the 64-byte block at {@code block[at]} into {@code state}, with
   * {@code w} (64 ints) as the message schedule's scratch space.
   */
  public static void compress(int[] state, int[] w, byte[] block, int at) {
    for (int i = 0; i < 16; i++) {
      w[i] = loadBe32(block, at + 4 * i);
    }
    for (int i = 16; i < 64; i++) {
      int s0 =
          Integer.rotateRight(w[i - 15], 7)
              ^ Integer.rotateRight(w[i - 15], 18)
              ^ (w[i - 15] >>> 3);
      int s1 =
          Integer.rotateRight(w[i - 2], 17) ^ Integer.rotateRight(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = s1 + w[i - 7] + s0 + w[i - 16];
    }
    int a = state[0], b = state[1], c = state[2], d = state[3];
    int e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i++) {
      int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int t1 = h + s1 + ((e & f) ^ (~e & g)) + K[i] + w[i];
      int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int t2 = s0 + ((a & b) ^ (a & c) ^ (b & c));
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }

  private static int loadBe32(byte[] p, int at) {
    return (p[at] & 0xff) << 24
        | (p[at + 1] & 0xff) << 16
        | (p[at + 2] & 0xff) << 8
        | (p[at + 3] & 0xff);
  }

  private static void storeBe32(byte[] p, int at, int v) {
    p[at] = (byte) (v >>> 24);
    p[at + 1] = (byte) (v >>> 16);
    p[at + 2] = (byte) (v >>> 8);
    p[at + 3] = (byte) v;
  }
}
