package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.log.Loggers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSocket examples, served with no configuration as {@code java -jar} serves them: {@code
 * examples/websocket-echo} (C) and {@code examples/websocket-tally} (AssemblyScript).
 */
class WebSocketExamplesTest {
  private static final Path ECHO = Path.of("../examples/websocket-echo/websocket-echo.wasm");
  private static final Path TALLY = Path.of("../examples/websocket-tally/websocket-tally.wasm");

  @TempDir Path data;

  @Test
  void theCEchoGreetsEchoesTextAndBinaryAndClosesOnBye() throws Exception {
    try (RunningServer server = RunningServer.start(RunningServer.flare(ECHO), data, "");
        WsClient c = WsClient.connect(server.server().port(), "/echo")) {
      assertTrue(c.nextText().matches("welcome, connection [0-9a-f]{16}"));
      assertEquals("hello, flare", c.sendText("hello, flare").nextText());
      byte[] binary = {0, (byte) 0xFF, 0x10, (byte) 0x80};
      c.socket.sendBinary(ByteBuffer.wrap(binary), true).join();
      assertArrayEquals(binary, (byte[]) c.next());
      String big = "0123456789abcdef".repeat(12_000); // 192,000 bytes in three fragments
      c.socket.sendText(big.substring(0, 64_000), false).join();
      c.socket.sendText(big.substring(64_000, 128_000), false).join();
      c.socket.sendText(big.substring(128_000), true).join();
      assertEquals(big, c.nextText());
      c.sendText("bye");
      assertEquals(1000, c.awaitClose().code());
      HttpResponse<String> plain = server.get("/");
      assertEquals(426, plain.statusCode());
    }
  }

  @Test
  void theCEchoLogsAConnectionThatEndedAbnormally() throws Exception {
    try (RunningServer server = RunningServer.start(RunningServer.flare(ECHO), data, "");
        LogCapture flareLog = LogCapture.of(Loggers.FLARE)) {
      WsClient c = WsClient.connect(server.server().port(), "/");
      c.nextText();
      c.socket.abort();
      long end = System.nanoTime() + 20_000_000_000L;
      while (flareLog.events("flare-log").isEmpty() && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertEquals(
          "websocket-echo: the connection ended without a normal close",
          LogCapture.field(flareLog.events("flare-log").get(0), "msg"));
    }
  }

  @Test
  void theAssemblyScriptTallyKeepsCountPerConnectionAndReportsItsClose() throws Exception {
    try (RunningServer server = RunningServer.start(RunningServer.flare(TALLY), data, "");
        LogCapture flareLog = LogCapture.of(Loggers.FLARE)) {
      try (WsClient a = WsClient.connect(server.server().port(), "/");
          WsClient b = WsClient.connect(server.server().port(), "/room")) {
        assertTrue(a.nextText().startsWith("tally ready for "));
        b.nextText();
        assertEquals("#1 one", a.sendText("one").nextText());
        assertEquals("#2 two", a.sendText("two").nextText());
        assertEquals("#1 other", b.sendText("other").nextText(), "state is per connection");
        assertEquals("#3 héllo", a.sendText("héllo").nextText());
        assertEquals("total 12 bytes", a.sendText("total").nextText());
        assertEquals("reset", a.sendText("reset").nextText());
        assertEquals("#1 again", a.sendText("again").nextText());
        a.socket.sendClose(1000, "").join();
        assertEquals(1000, a.awaitClose().code());
      }
      long end = System.nanoTime() + 20_000_000_000L;
      while (!logged(flareLog, "tally: closed after 1 messages, code 1000")
          && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertTrue(logged(flareLog, "tally: closed after 1 messages, code 1000"));
    }
  }

  private static boolean logged(LogCapture log, String message) {
    for (LogRecord r : log.events("flare-log")) {
      if (message.equals(LogCapture.field(r, "msg"))) {
        return true;
      }
    }
    return false;
  }
}
