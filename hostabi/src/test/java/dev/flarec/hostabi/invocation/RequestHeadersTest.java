package dev.flarec.hostabi.invocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestHeadersTest {
  @Test
  void namesMatchWhateverTheirCaseAndValuesJoinInArrivalOrder() {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    raw.put("Accept", List.of("text/html", "application/json"));
    raw.put("accept", List.of("*/*"));
    raw.put("X-Trace-Id", List.of("abc"));
    RequestHeaders headers = RequestHeaders.of(raw);
    assertEquals("text/html, application/json, */*", headers.get("ACCEPT"));
    assertEquals("abc", headers.get("x-trace-id"));
    assertNull(headers.get("missing"));
    assertEquals(2, headers.all().size());
    assertEquals("Accept", headers.all().get(0).name(), "first spelling kept for proxying");
  }

  @Test
  void theServersHeadersAreReadInPlaceWithTheSameAnswers() {
    com.sun.net.httpserver.Headers server = new com.sun.net.httpserver.Headers();
    server.add("Accept", "text/html");
    server.add("ACCEPT", "*/*");
    server.add("X-Trace-Id", "abc");
    RequestHeaders headers = RequestHeaders.of(server);
    assertEquals("text/html, */*", headers.get("accept"));
    assertEquals("abc", headers.get("X-TRACE-ID"));
    assertNull(headers.get("missing"));
    assertNull(headers.get("bad\nname"), "not a name any request carries");
    assertEquals(2, headers.all().size());
  }

  @ParameterizedTest(name = "{0} visible={1}")
  @CsvSource({
    "Authorization, false",
    "COOKIE, false",
    "x-flaron-site, false",
    "X-Flaron-, false",
    "X-Flaronite, true",
    "Content-Type, true",
    "Set-Cookie, true"
  })
  void credentialsAndFlaronHeadersAreHiddenByDefault(String name, boolean visible) {
    assertEquals(visible, RequestHeaders.visibleToFlare(name, false));
    assertTrue(RequestHeaders.visibleToFlare(name, true), "requires_raw_auth shows everything");
  }

  @Test
  void emptyHasNothing() {
    assertNull(RequestHeaders.empty().get("a"));
    assertFalse(RequestHeaders.empty().all().iterator().hasNext());
  }
}
