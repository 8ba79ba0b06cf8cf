package dev.flarec.benchmarks.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainHandlersTest {
  @Test
  void theHandWrittenSha256AnswersWhatMessageDigestAnswers() {
    // lengths around the one- and two-block paddings (55, 56, 63, 64, 119, 120) and the 400 cap
    for (int length : new int[] {0, 1, 10, 55, 56, 63, 64, 65, 119, 120, 128, 399, 400, 401, 900}) {
      String path = "/" + "p".repeat(Math.max(0, length - 1));
      assertArrayEquals(
          PlainHandlers.hashBody(path), PlainHandlers.hashBodyInJava(path), "length " + length);
    }
  }

  @Test
  void theHashBodyIsTheFlaresJson() {
    String body = new String(PlainHandlers.hashBodyInJava("/world?x=1"), StandardCharsets.UTF_8);
    // SHA-256 of "/world?x=1", re-hashed 63 times, as flares/hash.c answers it
    assertEquals("{\"path\":\"/world?x=1\",\"rounds\":64,\"sha256\":\"" + sha(64) + "\"}\n", body);
  }

  /** The digest the body must carry, computed independently of both handlers. */
  private static String sha(int rounds) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest("/world?x=1".getBytes(StandardCharsets.UTF_8));
      for (int i = 1; i < rounds; i++) {
        d = md.digest(d);
      }
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
