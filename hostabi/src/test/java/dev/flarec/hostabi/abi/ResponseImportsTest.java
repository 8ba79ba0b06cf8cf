package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.log.Loggers;
import dev.flarec.hostabi.server.LogCapture;
import dev.flarec.hostabi.server.RunningServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code resp_set_status}, {@code resp_header_set} and {@code resp_body_set} through real HTTP. */
class ResponseImportsTest {
  @TempDir Path data;

  private RunningServer serve() {
    return RunningServer.start(RunningServer.probe(), data, "");
  }

  @Test
  void statusDefaultsTo200AndBodyToEmpty() {
    try (RunningServer server = serve()) {
      HttpResponse<String> r = server.get("/", "x-case", "E");
      assertEquals(200, r.statusCode());
      assertEquals("", r.body());
    }
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {201, 404, 418, 503, 599})
  void statusIsSentAsSet(int status) {
    try (RunningServer server = serve()) {
      HttpResponse<String> r = server.get("/", "x-case", "s", "x-status", String.valueOf(status));
      assertEquals(status, r.statusCode());
      assertEquals("ok", r.body());
    }
  }

  @Test
  void status204And304CarryNoBody() {
    try (RunningServer server = serve()) {
      HttpResponse<String> r = server.get("/", "x-case", "s", "x-status", "204");
      assertEquals(204, r.statusCode());
      assertEquals("", r.body());
    }
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {0, 99, 600, 1000, -200})
  void statusOutside100To599Is500(int status) {
    try (RunningServer server = serve();
        LogCapture host = LogCapture.of(Loggers.HOST)) {
      HttpResponse<String> r = server.get("/", "x-case", "s", "x-status", String.valueOf(status));
      assertEquals(500, r.statusCode());
      assertEquals(
          String.valueOf(status),
          String.valueOf(LogCapture.field(host.events("flare-bad-status").get(0), "status")));
    }
  }

  @Test
  void headersOverwriteCaseInsensitivelyAndBadOnesAreDropped() {
    try (RunningServer server = serve();
        LogCapture host = LogCapture.of(Loggers.HOST)) {
      HttpResponse<String> r = server.get("/", "x-case", "H");
      assertEquals(200, r.statusCode());
      assertEquals(
          List.of("second"),
          r.headers().allValues("x-thing"),
          "the second call replaced the first");
      assertEquals(List.of(""), r.headers().allValues("x-empty"), "(0, 0) is an empty value");
      assertEquals(List.of("0"), r.headers().allValues("content-length"), "managed by the server");
      assertFalse(r.headers().firstValue("x-injected").isPresent(), "CR/LF in a value: dropped");
      assertFalse(r.headers().map().keySet().stream().anyMatch(k -> k.contains(" ")));
      List<String> reasons =
          host.events("response-header-dropped").stream()
              .map(rec -> LogCapture.field(rec, "header") + ": " + LogCapture.field(rec, "reason"))
              .toList();
      assertTrue(reasons.contains("Bad Name: invalid header name"), reasons.toString());
      assertTrue(
          reasons.contains("X-Injected: header value contains CR, LF or NUL"), reasons.toString());
    }
  }

  @Test
  void aLaterBodyReplacesAnEarlierOne() {
    try (RunningServer server = serve()) {
      assertEquals("second", server.get("/", "x-case", "B").body());
    }
  }

  @Test
  void aNegativeBodyLengthTraps() {
    try (RunningServer server = serve();
        LogCapture host = LogCapture.of(Loggers.HOST)) {
      assertEquals(500, server.get("/", "x-case", "P").statusCode());
      assertEquals(1, host.events("flare-trap").size());
      assertEquals("ok", server.get("/").body());
    }
  }
}
