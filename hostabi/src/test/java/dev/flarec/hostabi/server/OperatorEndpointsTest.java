package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.log.LineFormatter;
import dev.flarec.hostabi.log.Loggers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a load balancer and an operator see: probes, metrics, the access log's settings. */
class OperatorEndpointsTest {
  @TempDir Path data;

  @Test
  void livenessAndReadinessAnswerWithoutRunningTheFlare() throws Exception {
    RunningServer server =
        RunningServer.start(
            RunningServer.probe(),
            data,
            "[flare]\ndeadline_ms = 800\n[server]\nshutdown_grace_ms = 5000\n");
    try {
      assertEquals(200, server.get(FlareHandler.LIVE_PATH).statusCode());
      assertEquals(200, server.get(FlareHandler.READY_PATH).statusCode());
      CompletableFuture<HttpResponse<String>> inFlight =
          CompletableFuture.supplyAsync(() -> server.get("/", "x-case", "i"));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.server().pool().busy() == 0 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server.server()::stop);
      Thread.sleep(100);
      // draining: take no new traffic, but do not restart the process
      assertEquals(503, server.get(FlareHandler.READY_PATH).statusCode());
      assertEquals(200, server.get(FlareHandler.LIVE_PATH).statusCode());
      inFlight.get(10, TimeUnit.SECONDS);
      stopping.get(10, TimeUnit.SECONDS);
    } finally {
      server.close();
    }
  }

  @Test
  void metricsAreOffByDefaultAndTheFlareNeverSeesTheReservedPaths() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "")) {
      assertEquals(404, server.get(FlareHandler.METRICS_PATH).statusCode());
      assertEquals(404, server.get("/__flarec/anything").statusCode());
      assertEquals(200, server.get("/").statusCode());
      // nothing exposes them, so requests are not counted (see ServerMetrics for the cost)
      String counters = server.services().metrics().render("probe");
      assertTrue(counters.lines().noneMatch(l -> l.startsWith("flarec_requests_total{")), counters);
      assertTrue(
          counters.contains("flarec_request_duration_seconds_count{flare=\"probe\"} 0"), counters);
    }
  }

  @Test
  void aScrapeCountsRequestsByStatusTrapsLatencyAndThePool() {
    try (RunningServer server =
        RunningServer.start(
            RunningServer.probe(),
            data,
            "[server]\nmetrics = true\nmax_instances = 3\n[flare]\nmemory_cap_mib = 1\n")) {
      assertEquals(200, server.get("/").statusCode());
      assertEquals(200, server.get("/").statusCode());
      assertEquals(500, server.get("/", "x-case", "z").statusCode(), "the probe's trap case");
      // the probe starts with 3 pages; 13 more reach the 1 MiB (16-page) cap
      assertEquals(200, server.get("/", "x-case", "g", "x-grow", "13").statusCode());
      HttpResponse<String> scrape = server.get(FlareHandler.METRICS_PATH);
      assertEquals(200, scrape.statusCode());
      assertTrue(
          scrape
              .headers()
              .firstValue("content-type")
              .orElseThrow()
              .startsWith("text/plain; version=0.0.4"));
      List<String> lines = scrape.body().lines().toList();
      assertTrue(
          lines.contains("flarec_requests_total{flare=\"probe\",status=\"200\"} 3"), scrape.body());
      assertTrue(
          lines.contains("flarec_requests_total{flare=\"probe\",status=\"500\"} 1"), scrape.body());
      assertTrue(lines.contains("flarec_traps_total{flare=\"probe\"} 1"), scrape.body());
      assertTrue(
          lines.contains("flarec_request_duration_seconds_count{flare=\"probe\"} 4"),
          scrape.body());
      assertTrue(
          lines.contains("flarec_request_duration_seconds_bucket{flare=\"probe\",le=\"+Inf\"} 4"),
          scrape.body());
      assertTrue(lines.contains("flarec_memory_cap_hits_total{flare=\"probe\"} 1"), scrape.body());
      assertTrue(lines.contains("flarec_instances_max{flare=\"probe\"} 3"), scrape.body());
      assertTrue(
          lines.contains("flarec_host_calls_total{flare=\"probe\",service=\"spark\"} 0"),
          scrape.body());
      assertTrue(lines.contains("# TYPE flarec_request_duration_seconds histogram"), scrape.body());
    }
  }

  @Test
  void theAccessLogCanBeJsonLinesOrOff() {
    List<LogRecord> lines = accessLines("[log]\naccess = \"json\"\n");
    assertEquals(1, lines.size());
    String json = new LineFormatter().format(lines.get(0)).strip();
    assertTrue(json.startsWith("{\"time\":\""), json);
    assertTrue(
        json.contains("\"level\":\"INFO\",\"logger\":\"access\",\"event\":\"request\""), json);
    assertTrue(json.contains("\"path\":\"/a?b=1\",\"status\":200,"), json);
    assertTrue(json.endsWith("}"), json);
    assertEquals(List.of(), accessLines("[log]\naccess = \"off\"\n"));
    assertEquals(
        List.of(), accessLines("[log]\naccess_sample = 0.0\n"), "a sample of none logs none");
    assertEquals(1, accessLines("[log]\naccess_sample = 1.0\n").size());
  }

  /** The access lines of one request to a server configured by {@code config}, once it stopped. */
  private List<LogRecord> accessLines(String config) {
    try (LogCapture log = LogCapture.of(Loggers.ACCESS)) {
      // a request leaves the server's count after its line is logged, and stop() waits for it
      try (RunningServer server = RunningServer.start(RunningServer.probe(), data, config)) {
        assertEquals(200, server.get("/a?b=1").statusCode());
      }
      return log.events("request");
    }
  }
}
