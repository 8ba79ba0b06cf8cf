package dev.flarec.testsuite.fuzz;

import java.util.Arrays;
import java.util.Random;

/**
 * Byte-level mutations of a valid module, the kinds that reach every decoder path: bit flips,
 * random and boundary bytes, insertions, deletions, duplicated and truncated ranges, and LEB128
 * stretching. Seeded, so a failure is reproduced by its seed.
 */
final class Mutator {
  private static final int[] INTERESTING = {
    0x00, 0x01, 0x0B, 0x40, 0x41, 0x60, 0x6F, 0x70, 0x7F, 0x80, 0xFC, 0xFD, 0xFF
  };

  private final Random random;

  Mutator(long seed) {
    random = new Random(seed);
  }

  byte[] mutate(byte[] original) {
    byte[] b = original.clone();
    int rounds = 1 + (random.nextInt(4) == 0 ? random.nextInt(4) : 0);
    for (int i = 0; i < rounds && b.length > 8; i++) {
      b = once(b);
    }
    return b;
  }

  private byte[] once(byte[] b) {
    // never the 8-byte header: mutating it only tests the magic check, over and over
    int at = 8 + random.nextInt(b.length - 8);
    switch (random.nextInt(8)) {
      case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
      case 1 -> b[at] = (byte) random.nextInt(256);
      case 2 -> b[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
      case 3 -> {
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 0, at);
        c[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
        System.arraycopy(b, at, c, at + 1, b.length - at);
        return c;
      }
      case 4 -> {
        byte[] c = new byte[b.length - 1];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(b, at + 1, c, at, b.length - at - 1);
        return c;
      }
      case 5 -> {
        return Arrays.copyOf(b, at);
      }
      case 6 -> {
        int len = 1 + random.nextInt(Math.min(16, b.length - at));
        byte[] c = new byte[b.length + len];
        System.arraycopy(b, 0, c, 0, at + len);
        System.arraycopy(b, at, c, at + len, b.length - at);
        return c;
      }
      default -> {
        // stretch a LEB128 byte: same value, one byte longer (or an over-long encoding)
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 0, at);
        c[at] = (byte) (b[at] | 0x80);
        c[at + 1] = 0;
        System.arraycopy(b, at + 1, c, at + 2, b.length - at - 1);
        return c;
      }
    }
    return b;
  }
}
