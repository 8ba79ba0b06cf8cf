package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void hexDigitsMatchTheFormatterForEdgeAndRandomValues() {
    long[] edges = {0, 1, 15, 16, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789abcdefL};
    for (long n : edges) {
      assertEquals(String.format("%016x", n), RequestIds.hex16(n));
    }
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 1000; i++) {
      long n = random.nextLong();
      assertEquals(String.format("%016x", n), RequestIds.hex16(n));
    }
  }

  @Test
  void aSaneClientIdIsKeptAndAnInsaneOneReplaced() {
    assertEquals("abc-123", RequestIds.forRequest("abc-123"));
    String fresh = RequestIds.forRequest("bad id\r\n");
    assertEquals(16, fresh.length());
    assertNotEquals("bad id\r\n", fresh);
    assertEquals(16, RequestIds.forRequest(null).length());
  }
}
