package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.GuestMemory;

/**
 * Random bytes ({@code random_get}) from the context's source: a {@link java.security.SecureRandom}
 * unless the embedder chose another (a seeded one makes a test reproducible).
 */
final class RandomFunctions {
  private static final int CHUNK = 64 * 1024;

  private final WasiContext context;

  RandomFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Fills a buffer with random bytes.
   *
   * <p>Parameters: {@code bufferAddress}, {@code length} — the buffer's address and size in bytes.
   *
   * <p>Errno: {@code success}; {@code fault} if the buffer does not lie inside memory (nothing is
   * written then).
   *
   * <p>Guest memory: {@code length} random bytes at {@code bufferAddress}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code random_get}.
   */
  int randomGet(int bufferAddress, int length) {
    try {
      GuestMemory memory = context.memory();
      memory.check(bufferAddress, length);
      // Random.nextBytes fills a whole array; a bounded scratch array keeps a large request cheap
      byte[] chunk = new byte[Math.min(CHUNK, length)];
      int done = 0;
      while (done < length) {
        int n = Math.min(chunk.length, length - done);
        context.random().nextBytes(chunk);
        System.arraycopy(chunk, 0, memory.bytes(), bufferAddress + done, n);
        done += n;
      }
      return Errno.SUCCESS;
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }
}
