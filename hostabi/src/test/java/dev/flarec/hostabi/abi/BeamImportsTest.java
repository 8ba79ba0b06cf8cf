package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarec.hostabi.beam.BeamClient;
import dev.flarec.hostabi.beam.BeamSettings;
import dev.flarec.hostabi.beam.TestUpstream;
import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.config.FlareLimits;
import dev.flarec.runtime.trap.WasmTrap;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** beam_fetch driven through a compiled flare against a local upstream (§3.3, §4.1, decision 9). */
class BeamImportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestUpstream upstream;
  private static HostServices services;
  private ForwardingFlare flare;

  @BeforeAll
  static void start() throws Exception {
    upstream = new TestUpstream();
    BeamClient beam =
        new BeamClient(
            new BeamSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 1024 * 1024));
    services = new HostServices(null, null, beam, null, null, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    upstream.close();
  }

  static FlareConfig beamConfig(List<String> allowed, int maxFetches, Duration deadline) {
    FlareConfig c = FlareConfig.defaults("site");
    FlareLimits d = FlareLimits.DEFAULTS;
    FlareLimits limits =
        new FlareLimits(
            maxFetches,
            d.maxLogLines(),
            d.maxLogMessageBytes(),
            d.maxKvValueBytes(),
            d.maxSparkPulls(),
            d.maxKvWrites(),
            d.maxIdGenerations(),
            d.maxWsSends(),
            d.maxWsMessageBytes(),
            deadline,
            d.memoryCapBytes(),
            d.maxRequestBodyBytes());
    return new FlareConfig(
        c.name(), c.kind(), false, false, List.of(), allowed, false, false, c.isolation(), limits);
  }

  @BeforeEach
  void setUp() {
    flare =
        ForwardingFlare.load(
            "beam",
            services,
            beamConfig(List.of(upstream.base() + "/*"), 3, Duration.ofSeconds(5)));
  }

  private long fetch(String url, String options) {
    var u = flare.arg(url);
    var o = flare.arg(options);
    return flare.callI64("beam_fetch", u.ptr(), u.len(), o.ptr(), o.len());
  }

  private JsonNode fetchJson(String url, String options) throws Exception {
    long packed = fetch(url, options);
    assertTrue(packed != 0, "no response for " + url);
    return JSON.readTree(flare.result(packed));
  }

  @Test
  void allowlistedGetWithNoOptions() throws Exception {
    JsonNode r = fetchJson(upstream.base() + "/hello", "");
    assertEquals(200, r.get("status").intValue());
    assertEquals("text/plain", r.get("headers").get("content-type").textValue());
    assertEquals("a, b", r.get("headers").get("x-multi").textValue());
    assertEquals("hello world", r.get("body").textValue());
    assertEquals(3, r.size());
  }

  @Test
  void emptyObjectOptionsMeanGetToo() throws Exception {
    assertEquals(
        "GET",
        JSON.readTree(fetchJson(upstream.base() + "/echo", "{}").get("body").textValue())
            .get("method")
            .textValue());
  }

  @Test
  void postWithHeadersAndEscapedBody() throws Exception {
    JsonNode r =
        fetchJson(
            upstream.base() + "/echo",
            "{\"method\":\"POST\",\"body\":\"{\\\"k\\\":\\\"v\\\"}\",\"headers\":{\"content-type\":\"application/json\"}}");
    JsonNode echo = JSON.readTree(r.get("body").textValue());
    assertEquals("POST", echo.get("method").textValue());
    assertEquals("application/json", echo.get("headers").get("content-type").textValue());
    assertEquals("{\"k\":\"v\"}", echo.get("body").textValue());
  }

  @Test
  void nonSuccessIsAResult() throws Exception {
    JsonNode r = fetchJson(upstream.base() + "/status/404", "");
    assertEquals(404, r.get("status").intValue());
    assertEquals("status 404", r.get("body").textValue());
  }

  @Test
  void notAllowlistedIsZeroAndNeverContactsTheUpstream() {
    flare.begin(beamConfig(List.of("https://api.example.com/*"), 3, Duration.ofSeconds(5)));
    int before = upstream.requests();
    assertEquals(0L, fetch(upstream.base() + "/hello", ""));
    assertEquals(before, upstream.requests());
    flare.begin(beamConfig(List.of(), 3, Duration.ofSeconds(5)));
    assertEquals(0L, fetch(upstream.base() + "/hello", ""), "no allowlist, no egress");
  }

  @Test
  void malformedUrlsAndOptionsAreZero() {
    assertEquals(0L, fetch("not a url", ""));
    assertEquals(0L, fetch(upstream.base().replace("http://", "http://user@") + "/hello", ""));
    assertEquals(0L, fetch(upstream.base() + "/hello", "{not json"));
  }

  @Test
  void perInvocationLimitIsZeroUntilTheNextInvocation() {
    for (int i = 0; i < 3; i++) {
      assertTrue(fetch(upstream.base() + "/hello", "") != 0);
    }
    int before = upstream.requests();
    assertEquals(0L, fetch(upstream.base() + "/hello", ""));
    assertEquals(before, upstream.requests());
    flare.begin(beamConfig(List.of(upstream.base() + "/*"), 3, Duration.ofSeconds(5)));
    assertTrue(fetch(upstream.base() + "/hello", "") != 0);
  }

  @Test
  void timeoutWithinTheFlaresDeadlineIsZero() {
    flare.begin(beamConfig(List.of(upstream.base() + "/*"), 3, Duration.ofMillis(300)));
    long start = System.nanoTime();
    assertEquals(0L, fetch(upstream.base() + "/slow", ""));
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
  }

  @Test
  void connectionRefusedIsZero() throws Exception {
    String refused = TestUpstream.refusedUrl();
    flare.begin(beamConfig(List.of("http://127.0.0.1:*"), 3, Duration.ofSeconds(5)));
    assertEquals(0L, fetch(refused, ""));
  }

  @Test
  void allocFailureIsZero() {
    flare.failAlloc(true);
    assertEquals(0L, fetch(upstream.base() + "/hello", ""));
  }

  @Test
  void badRangeTraps() {
    assertThrows(WasmTrap.class, () -> flare.call("beam_fetch", 16, 0x7FFF_FFFF, 0, 0));
  }
}
