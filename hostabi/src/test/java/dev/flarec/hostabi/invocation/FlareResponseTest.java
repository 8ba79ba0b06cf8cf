package dev.flarec.hostabi.invocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlareResponseTest {
  @Test
  void startsAs200WithNoHeadersAndAnEmptyBodyNoneOfThemSet() {
    FlareResponse r = new FlareResponse();
    assertEquals(200, r.status());
    assertFalse(r.statusSet());
    assertFalse(r.bodySet());
    assertEquals(0, r.body().length);
    assertTrue(r.headers().isEmpty());
  }

  @Test
  void aHeaderSetAgainInAnotherCaseReplacesTheFirstAndTakesItsCasing() {
    FlareResponse r = new FlareResponse();
    r.setHeader("Content-Type", "text/plain");
    r.setHeader("X-A", "1");
    r.setHeader("content-type", "application/json");
    assertEquals(
        List.of(
            new FlareResponse.Header("X-A", "1"),
            new FlareResponse.Header("content-type", "application/json")),
        r.headers());
    assertEquals("application/json", r.header("CONTENT-TYPE"));
  }

  @Test
  void statusAndBodyRememberThatTheyWereSet() {
    FlareResponse r = new FlareResponse();
    r.setStatus(200);
    r.setBody(new byte[] {1});
    r.setBody(new byte[] {2, 3});
    assertTrue(r.statusSet());
    assertTrue(r.bodySet());
    assertArrayEquals(new byte[] {2, 3}, r.body());
  }
}
