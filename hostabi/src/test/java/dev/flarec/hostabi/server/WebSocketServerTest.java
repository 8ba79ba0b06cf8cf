package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.log.Loggers;
import dev.flarec.runtime.instance.Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSocket flares through the JDK's own client (and a raw socket where a client must misbehave):
 * the test flare {@code flares/websocket/ws-probe.c} picks a behaviour per message.
 */
class WebSocketServerTest {
  @TempDir Path data;

  static Module probe() {
    return RunningServer.flare("/flares/websocket/ws-probe.wasm");
  }

  private RunningServer serve(String config) {
    return RunningServer.start(probe(), data, config);
  }

  private static int port(RunningServer server) {
    return server.server().port();
  }

  @Test
  void aFlareExportingTheWsEntryPointsIsServedAsOneAtAnyPathAndKeepsItsStatePerConnection()
      throws Exception {
    try (RunningServer server = serve("");
        WsClient a = WsClient.connect(port(server), "/any/path?x=1");
        WsClient b = WsClient.connect(port(server), "/")) {
      String opened = a.nextText();
      assertTrue(opened.matches("open [0-9a-f]{16}"), opened);
      assertTrue(b.nextText().startsWith("open "));
      assertEquals("hello", a.sendText("hello").nextText());
      assertEquals("message", a.sendText("type").nextText());
      assertEquals(
          "count 3",
          a.sendText("count").nextText(),
          "the instance lives as long as the connection");
      assertEquals("count 1", b.sendText("count").nextText(), "each connection has its own");
      byte[] notUtf8 = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF};
      a.socket.sendBinary(ByteBuffer.wrap(notUtf8), true).join();
      assertArrayEquals(notUtf8, (byte[]) a.next(), "a payload that is not UTF-8 goes back binary");
      a.socket.sendBinary(ByteBuffer.wrap("hé".getBytes(StandardCharsets.UTF_8)), true).join();
      assertEquals("hé", a.next(), "valid UTF-8 goes back as text (decision 21)");
    }
  }

  @Test
  void theClientsFirstSubprotocolIsEchoed() throws Exception {
    try (RunningServer server = serve("");
        WsClient c = WsClient.connect(port(server), "/", "chat.v2", "chat.v1")) {
      assertEquals("chat.v2", c.socket.getSubprotocol());
      assertTrue(c.nextText().startsWith("open "));
    }
  }

  @Test
  void plainHttpGets426WithUpgradeAndTheProbesStillAnswer() {
    try (RunningServer server = serve("[server]\nmetrics = true\n")) {
      HttpResponse<String> r = server.get("/chat");
      assertEquals(426, r.statusCode());
      assertEquals("websocket", r.headers().firstValue("upgrade").orElseThrow());
      assertEquals("13", r.headers().firstValue("sec-websocket-version").orElseThrow());
      HttpResponse<String> ready = server.get(FlareHandler.READY_PATH);
      assertEquals(200, ready.statusCode());
      assertTrue(ready.body().contains("\"connections\":0"), ready.body());
      assertEquals(200, server.get(FlareHandler.LIVE_PATH).statusCode());
      assertEquals(200, server.get(FlareHandler.METRICS_PATH).statusCode());
      assertEquals(404, server.get("/__flarec/nothing").statusCode());
    }
  }

  @Test
  void anUpgradeWithAnUnsupportedVersionIsRefused() throws Exception {
    try (RunningServer server = serve("");
        Socket socket = new Socket("127.0.0.1", port(server))) {
      socket.getOutputStream().write(upgradeRequest("/", "8").getBytes(StandardCharsets.US_ASCII));
      String head = readHead(socket.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 4"), head);
    }
  }

  @Test
  void closeCodesGoBothWaysAndWsCloseSeesThePeersCode() throws Exception {
    try (RunningServer server = serve("");
        LogCapture flareLog = LogCapture.of(Loggers.FLARE)) {
      try (WsClient c = WsClient.connect(port(server), "/")) {
        c.nextText();
        c.sendText("close 4001");
        assertEquals(4001, c.awaitClose().code(), "the flare's code reaches the client");
      }
      try (WsClient c = WsClient.connect(port(server), "/")) {
        c.nextText();
        c.socket.sendClose(4002, "done").join();
        assertEquals(4002, c.awaitClose().code(), "the server answers the closing handshake");
      }
      awaitLog(flareLog, "ws_close code=4002");
      assertTrue(
          messages(flareLog).stream().noneMatch(m -> m.equals("ws_close code=4001")),
          "no ws_close after the flare closed the connection itself (decision 22)");
    }
  }

  @Test
  void aTrapClosesThatConnectionWith1011AndNothingElse() throws Exception {
    try (RunningServer server = serve("");
        LogCapture host = LogCapture.of(Loggers.HOST);
        LogCapture flareLog = LogCapture.of(Loggers.FLARE);
        WsClient bad = WsClient.connect(port(server), "/");
        WsClient good = WsClient.connect(port(server), "/")) {
      bad.nextText();
      good.nextText();
      bad.sendText("trap");
      assertEquals(1011, bad.awaitClose().code());
      assertEquals("unreachable", LogCapture.field(host.events("flare-trap").get(0), "trap"));
      assertEquals("still here", good.sendText("still here").nextText());
      assertEquals("count 2", good.sendText("count").nextText());
      Thread.sleep(200);
      assertTrue(
          messages(flareLog).isEmpty(),
          "a broken instance gets no ws_close: " + messages(flareLog));
    }
  }

  @Test
  void aRunawayEventIsStoppedAtTheDeadlineAndItsConnectionClosedWith1011() throws Exception {
    try (RunningServer server = serve("[flare]\ndeadline_ms = 300\n");
        LogCapture host = LogCapture.of(Loggers.HOST);
        WsClient c = WsClient.connect(port(server), "/");
        WsClient other = WsClient.connect(port(server), "/")) {
      c.nextText();
      other.nextText();
      c.sendText("spin");
      assertEquals(1011, c.awaitClose().code());
      assertEquals(300L, LogCapture.field(host.events("flare-deadline").get(0), "deadline_ms"));
      assertEquals("fine", other.sendText("fine").nextText());
    }
  }

  @Test
  void manyConcurrentConnectionsEachGetTheirOwnEchoes() throws Exception {
    int connections = 100;
    try (RunningServer server = serve("")) {
      List<WsClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < connections; i++) {
          clients.add(WsClient.connect(port(server), "/c" + i));
        }
        for (WsClient c : clients) {
          c.nextText();
        }
        for (int round = 0; round < 5; round++) {
          for (int i = 0; i < connections; i++) {
            clients.get(i).socket.sendText("m" + i + "." + round, true).join();
          }
          for (int i = 0; i < connections; i++) {
            assertEquals("m" + i + "." + round, clients.get(i).nextText());
          }
        }
        for (int i = 0; i < connections; i++) {
          assertEquals("count 6", clients.get(i).sendText("count").nextText());
        }
        assertTrue(
            server.get(FlareHandler.READY_PATH).body().contains("\"connections\":" + connections));
      } finally {
        clients.forEach(WsClient::close);
      }
    }
  }

  @Test
  void aMessageTheFlaresAllocCannotTakeClosesWith1009NotAnEmptyMessage() throws Exception {
    Module smallArena = RunningServer.flare("/flares/websocket/ws-small-arena.wasm");
    try (RunningServer server = RunningServer.start(smallArena, data, "");
        LogCapture host = LogCapture.of(Loggers.HOST);
        WsClient big = WsClient.connect(port(server), "/");
        WsClient other = WsClient.connect(port(server), "/")) {
      assertEquals("fits", big.sendText("fits").nextText());
      big.sendText("y".repeat(100));
      assertEquals(1009, big.awaitClose().code());
      assertEquals(null, big.pending(100), "no (empty) echo came before the close");
      LogRecord refused = host.events("websocket-message-refused").get(0);
      assertEquals(100, LogCapture.field(refused, "bytes"));
      assertEquals(
          "still here",
          other.sendText("still here").nextText(),
          "the other connections keep their instances");
    }
  }

  @Test
  void aLargeFragmentedMessageArrivesWholeAndOneOverTheLimitCloses1009() throws Exception {
    try (RunningServer server = serve("[flare]\nmax_ws_message_bytes = 204800\n");
        WsClient c = WsClient.connect(port(server), "/")) {
      c.nextText();
      StringBuilder whole = new StringBuilder();
      for (int part = 0; part < 4; part++) {
        String fragment = String.valueOf((char) ('a' + part)).repeat(50_000);
        whole.append(fragment);
        c.socket.sendText(fragment, part == 3).join();
      }
      assertEquals(whole.toString(), c.nextText(), "four continuation frames make one message");
      c.socket.sendText("x".repeat(204_801), true).join();
      assertEquals(1009, c.awaitClose().code());
    }
  }

  @Test
  void aFrameOverTheFrameLimitCloses1009() throws Exception {
    try (RunningServer server = serve("[websocket]\nmax_frame_bytes = 1000\n");
        WsClient c = WsClient.connect(port(server), "/")) {
      c.nextText();
      assertEquals("y".repeat(1000), c.sendText("y".repeat(1000)).nextText());
      c.sendText("y".repeat(1001));
      assertEquals(1009, c.awaitClose().code());
      c.close();
      // and a code the flare may not send becomes 1011
      try (WsClient d = WsClient.connect(port(server), "/")) {
        d.nextText();
        d.sendText("close 1006");
        assertEquals(1011, d.awaitClose().code());
      }
    }
  }

  @Test
  void sendsPerEventAreLimitedAndTheNextEventHasAFreshBudget() throws Exception {
    try (RunningServer server = serve("");
        WsClient c = WsClient.connect(port(server), "/")) {
      c.nextText();
      c.sendText("burst 150");
      for (int i = 0; i < 100; i++) {
        assertEquals("b", c.nextText());
      }
      assertEquals("burst sent=100 refused=50", c.sendText("report").nextText());
    }
  }

  @Test
  void connectionsBeyondTheMaximumAreRefusedWith503() throws Exception {
    try (RunningServer server = serve("[websocket]\nmax_connections = 2\n");
        WsClient a = WsClient.connect(port(server), "/");
        WsClient b = WsClient.connect(port(server), "/")) {
      a.nextText();
      b.nextText();
      CompletionException refused =
          assertThrows(CompletionException.class, () -> WsClient.connect(port(server), "/"));
      WebSocketHandshakeException handshake =
          assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
      assertEquals(503, handshake.getResponse().statusCode());
      b.socket.sendClose(1000, "").join();
      b.awaitClose();
      Thread.sleep(200);
      try (WsClient c = WsClient.connect(port(server), "/")) {
        assertTrue(c.nextText().startsWith("open "), "a freed slot is taken again");
      }
    }
  }

  @Test
  void aSendQueueOverItsBoundClosesThatConnectionWith1008() throws Exception {
    try (RunningServer server = serve("[websocket]\nsend_queue_bytes = 1000\n");
        LogCapture host = LogCapture.of(Loggers.HOST);
        WsClient c = WsClient.connect(port(server), "/")) {
      c.nextText();
      c.sendText("z".repeat(2000));
      assertEquals(1008, c.awaitClose().code());
      awaitEvents(host, "websocket-slow-reader", 1);
    }
  }

  @Test
  void aClientDisconnectingMidMessageEndsWithWsClose1006AndTheServerKeepsServing()
      throws Exception {
    try (RunningServer server = serve("");
        LogCapture flareLog = LogCapture.of(Loggers.FLARE)) {
      WsClient c = WsClient.connect(port(server), "/");
      c.nextText();
      c.socket.sendText("first half ", false).join();
      c.socket.abort();
      awaitLog(flareLog, "ws_close code=1006");
      try (WsClient next = WsClient.connect(port(server), "/")) {
        next.nextText();
        assertEquals("ok", next.sendText("ok").nextText());
      }
    }
  }

  @Test
  void unmaskedFramesAndGarbageAreCutOffWith1002() throws Exception {
    try (RunningServer server = serve("");
        LogCapture host = LogCapture.of(Loggers.HOST)) {
      // a client frame without a mask (RFC 6455 §5.1)
      assertEquals(1002, closeCodeAfter(port(server), new byte[] {(byte) 0x81, 0x02, 'h', 'i'}));
      // reserved bits and an unknown opcode
      assertEquals(
          1002, closeCodeAfter(port(server), new byte[] {(byte) 0xFB, (byte) 0x80, 1, 2, 3, 4}));
      awaitEvents(host, "websocket-protocol-error", 2);
      assertEquals(
          1002, LogCapture.field(host.events("websocket-protocol-error").get(0), "close_code"));
      try (WsClient c = WsClient.connect(port(server), "/")) {
        c.nextText();
        assertEquals("after", c.sendText("after").nextText());
      }
    }
  }

  @Test
  void textThatIsNotUtf8IsCutOffWith1007() throws Exception {
    try (RunningServer server = serve("")) {
      // a masked text frame (mask 0) whose payload C3 28 is not UTF-8
      assertEquals(
          1007,
          closeCodeAfter(
              port(server), new byte[] {(byte) 0x81, (byte) 0x82, 0, 0, 0, 0, (byte) 0xC3, 0x28}));
    }
  }

  @Test
  void anIdleConnectionIsClosedWith1001() throws Exception {
    try (RunningServer server = serve("[websocket]\nidle_timeout_ms = 300\n");
        LogCapture flareLog = LogCapture.of(Loggers.FLARE);
        WsClient c = WsClient.connect(port(server), "/")) {
      c.nextText();
      assertEquals(1001, c.awaitClose().code());
      awaitLog(flareLog, "ws_close code=1001");
    }
  }

  @Test
  void aClientThatNeverCompletesItsHandshakeIsCutOff() throws Exception {
    try (RunningServer server = serve("[websocket]\nhandshake_timeout_ms = 300\n");
        LogCapture host = LogCapture.of(Loggers.HOST);
        Socket socket = new Socket("127.0.0.1", port(server))) {
      socket
          .getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: x\r\nUpg".getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // whatever the server says, it must end the connection
      }
      awaitEvents(host, "websocket-handshake-incomplete", 1);
      try (WsClient c = WsClient.connect(port(server), "/")) {
        assertTrue(c.nextText().startsWith("open "));
      }
    }
  }

  @Test
  void stoppingClosesConnectionsWith1001AndRunsWsClose() throws Exception {
    LogCapture flareLog = LogCapture.of(Loggers.FLARE);
    try (flareLog) {
      RunningServer server = serve("");
      WsClient c = WsClient.connect(port(server), "/");
      try (c) {
        c.nextText();
        server.close();
        assertEquals(1001, c.awaitClose().code());
        assertTrue(
            messages(flareLog).contains("ws_close code=1001"), messages(flareLog).toString());
      }
    }
  }

  @Test
  void anHttpFlareAnswersAnUpgradeWith400() throws Exception {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "");
        Socket socket = new Socket("127.0.0.1", server.server().port())) {
      socket.getOutputStream().write(upgradeRequest("/", "13").getBytes(StandardCharsets.US_ASCII));
      String head = readHead(socket.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 400"), head);
    }
  }

  @Test
  void kindWebsocketOnAFlareWithoutTheEntryPointsStopsTheStart() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RunningServer.start(
                    RunningServer.probe(), data, "[flare]\nkind = \"websocket\"\n"));
    assertTrue(e.getMessage().contains("ws_open, ws_message, ws_close"), e.getMessage());
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String upgradeRequest(String path, String version) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Version: "
        + version
        + "\r\n\r\n";
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  /**
   * Upgrades a raw connection, skips the flare's greeting, writes {@code frame}, reads the close.
   */
  private static int closeCodeAfter(int port, byte[] frame) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(upgradeRequest("/", "13").getBytes(StandardCharsets.US_ASCII));
      String head = readHead(in);
      assertTrue(head.startsWith("HTTP/1.1 101"), head);
      // the handshake's answer is RFC 6455's for the sample key (§1.3)
      assertTrue(head.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), head);
      out.write(frame);
      while (true) {
        int first = in.read();
        int second = in.read();
        if (first < 0 || second < 0) {
          throw new AssertionError("the connection ended without a close frame");
        }
        byte[] payload = in.readNBytes(second & 0x7F);
        if ((first & 0x0F) == 0x8) {
          return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
      }
    }
  }

  private static List<String> messages(LogCapture log) {
    List<String> out = new ArrayList<>();
    for (LogRecord r : log.events("flare-log")) {
      out.add(String.valueOf(LogCapture.field(r, "msg")));
    }
    return out;
  }

  /**
   * Waits for {@code count} host lines of {@code event}: Jetty calls back after the client saw the
   * close.
   */
  private static void awaitEvents(LogCapture log, String event, int count)
      throws InterruptedException {
    long end = System.nanoTime() + 20_000_000_000L;
    while (log.events(event).size() < count && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(count, log.events(event).size(), event);
  }

  private static void awaitLog(LogCapture log, String message) throws InterruptedException {
    long end = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < end) {
      if (messages(log).contains(message)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no flare log line \"" + message + "\" in " + messages(log));
  }
}
