package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.log.Loggers;
import dev.flarec.hostabi.server.LogCapture;
import dev.flarec.hostabi.server.RunningServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code log_info}, {@code log_warn}, {@code log_error} through real HTTP, and their limits. */
class LogImportsTest {
  @TempDir Path data;

  @Test
  void eachLevelGoesToTheFlareLoggerWithTheExactTextInOrder() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "");
        LogCapture flare = LogCapture.of(Loggers.FLARE)) {
      String id =
          server
              .get("/", "x-case", "l", "X-Request-Id", "req-7")
              .headers()
              .firstValue("x-request-id")
              .orElseThrow();
      List<LogRecord> lines = flare.events("flare-log");
      assertEquals(
          List.of(Level.INFO, Level.WARNING, Level.SEVERE, Level.INFO),
          lines.stream().map(LogRecord::getLevel).toList());
      assertEquals(
          List.of("info line", "warn line", "error line", ""),
          lines.stream().map(r -> LogCapture.field(r, "msg")).toList());
      assertEquals("req-7", id);
      assertEquals("req-7", LogCapture.field(lines.get(0), "request_id"));
      assertEquals("probe", LogCapture.field(lines.get(0), "flare"));
      assertEquals(
          "flare-log flare=probe request_id=req-7 msg=\"info line\"", lines.get(0).getMessage());
    }
  }

  @Test
  void linesPastTheLimitAreDroppedAndTheHostSaysSoOnce() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "");
        LogCapture flare = LogCapture.of(Loggers.FLARE);
        LogCapture host = LogCapture.of(Loggers.HOST)) {
      assertEquals(200, server.get("/", "x-case", "L").statusCode());
      assertEquals(100, flare.events("flare-log").size());
      assertEquals(1, host.events("flare-log-limit").size());
      // the budget is per invocation
      server.get("/", "x-case", "L");
      assertEquals(200, flare.events("flare-log").size());
    }
  }

  @Test
  void theLineLimitIsConfigurable() {
    try (RunningServer server =
            RunningServer.start(RunningServer.probe(), data, "[flare]\nmax_log_lines = 3\n");
        LogCapture flare = LogCapture.of(Loggers.FLARE)) {
      server.get("/", "x-case", "L");
      assertEquals(3, flare.events("flare-log").size());
    }
  }

  @Test
  void longMessagesAreCutAtACharacterBoundaryBefore4096Bytes() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "");
        LogCapture flare = LogCapture.of(Loggers.FLARE)) {
      server.get("/", "x-case", "T");
      LogRecord line = flare.events("flare-log").get(0);
      String msg = (String) LogCapture.field(line, "msg");
      // bytes 4095..4097 hold a 3-byte character: it is left out whole, never split
      assertEquals(4095, msg.getBytes(StandardCharsets.UTF_8).length);
      assertTrue(msg.chars().allMatch(c -> c == 'x'));
      assertEquals(Boolean.TRUE, LogCapture.field(line, "truncated"));
      assertEquals(Level.WARNING, line.getLevel());
    }
  }

  @Test
  void aMessageRangeOutsideMemoryTraps() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "")) {
      assertEquals(500, server.get("/", "x-case", "p").statusCode());
      assertEquals("ok", server.get("/").body());
    }
  }

  @Test
  void cutBacksOffOverContinuationBytes() {
    byte[] euro = "ab\u20ac".getBytes(StandardCharsets.UTF_8); // a b E2 82 AC
    assertEquals(2, LogImports.cut(euro, 3), "E2 starts a character cut after its first byte");
    assertEquals(2, LogImports.cut(euro, 4));
    assertEquals(2, LogImports.cut(new byte[] {'a', 'b', 'c'}, 2));
  }
}
