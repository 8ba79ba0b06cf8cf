package dev.flarec.hostabi.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP exchange against a local upstream. */
class BeamClientTest {
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private static TestUpstream upstream;
  private final BeamClient client =
      new BeamClient(new BeamSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 1024 * 1024));

  @BeforeAll
  static void start() throws Exception {
    upstream = new TestUpstream();
  }

  @AfterAll
  static void stop() {
    upstream.close();
  }

  private Optional<BeamResponse> fetch(String path, BeamRequest request) {
    return client.fetch(URI.create(upstream.base() + path), request, BUDGET);
  }

  @Test
  void getWithStatusHeadersAndBody() {
    BeamResponse r = fetch("/hello", BeamRequest.GET).orElseThrow();
    assertEquals(200, r.status());
    assertEquals("text/plain", r.headers().get("content-type"));
    assertEquals("a, b", r.headers().get("x-multi"));
    assertEquals("hello world", new String(r.body(), StandardCharsets.UTF_8));
  }

  @Test
  void methodHeadersAndBodyAreSent() throws Exception {
    BeamRequest post =
        new BeamRequest(
            "POST",
            Map.of("content-type", "application/json", "X-Custom", "v", "Host", "evil.test"),
            "{\"k\":\"v\"}");
    JsonNode echo = new ObjectMapper().readTree(fetch("/echo", post).orElseThrow().body());
    assertEquals("POST", echo.get("method").textValue());
    assertEquals("application/json", echo.get("headers").get("content-type").textValue());
    assertEquals("v", echo.get("headers").get("x-custom").textValue());
    assertTrue(
        echo.get("headers").get("host").textValue().startsWith("127.0.0.1:"),
        "Host is the client's");
    assertEquals("{\"k\":\"v\"}", echo.get("body").textValue());
  }

  @Test
  void nonSuccessStatusesAreResults() {
    assertEquals(404, fetch("/status/404", BeamRequest.GET).orElseThrow().status());
    assertEquals(500, fetch("/status/500", BeamRequest.GET).orElseThrow().status());
  }

  @Test
  void redirectsAreNotFollowed() {
    BeamResponse r = fetch("/redirect", BeamRequest.GET).orElseThrow();
    assertEquals(302, r.status());
    assertEquals("/hello", r.headers().get("location"));
  }

  @Test
  void timeoutIsEmptyAndBoundedByTheBudget() {
    long start = System.nanoTime();
    assertTrue(
        client
            .fetch(URI.create(upstream.base() + "/slow"), BeamRequest.GET, Duration.ofMillis(300))
            .isEmpty());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
  }

  @Test
  void timeoutIsBoundedByTheSettings() {
    BeamClient quick =
        new BeamClient(new BeamSettings(Duration.ofSeconds(1), Duration.ofMillis(300), 1024));
    long start = System.nanoTime();
    assertTrue(
        quick.fetch(URI.create(upstream.base() + "/slow"), BeamRequest.GET, BUDGET).isEmpty());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
  }

  @Test
  void connectionRefusedIsEmpty() throws Exception {
    assertTrue(
        client.fetch(URI.create(TestUpstream.refusedUrl()), BeamRequest.GET, BUDGET).isEmpty());
  }

  @Test
  void aFailedFetchIsAWarningThatSaysWhy() throws Exception {
    try (dev.flarec.hostabi.server.LogCapture log =
        dev.flarec.hostabi.server.LogCapture.of(
            java.util.logging.Logger.getLogger(BeamClient.class.getName()))) {
      assertTrue(
          client.fetch(URI.create(TestUpstream.refusedUrl()), BeamRequest.GET, BUDGET).isEmpty());
      java.util.logging.LogRecord warning = log.records().get(0);
      assertEquals(java.util.logging.Level.WARNING, warning.getLevel());
      String text = new java.util.logging.SimpleFormatter().formatMessage(warning);
      assertTrue(text.contains("failed (connect)"), text);
    }
  }

  @Test
  void unknownHostIsEmpty() {
    assertTrue(
        client
            .fetch(URI.create("http://no-such-host.invalid/"), BeamRequest.GET, BUDGET)
            .isEmpty());
  }

  @Test
  void bodyOverTheCapIsEmpty() {
    assertTrue(fetch("/big", BeamRequest.GET).isEmpty());
  }
}
