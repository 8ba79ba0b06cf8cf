package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.server.RunningServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ws_*} functions in an HTTP invocation, where there is no connection, so they answer as
 * for a closed one (WebSocket invocations: {@code server.WebSocketServerTest}): {@code ws_send} 3,
 * the packed results 0, {@code ws_close_code} 0, and {@code ws_close_conn} does nothing.
 */
class WebSocketImportsTest {
  @TempDir Path data;

  @Test
  void outsideAWebSocketInvocationEverythingIsClosed() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "")) {
      // ws_send, ws_conn_id != 0, ws_event_type != 0, ws_event_data != 0, ws_close_code
      assertEquals("30000", server.get("/", "x-case", "w").body());
    }
  }

  @Test
  void aPayloadOutsideMemoryTrapsEvenWithoutAConnection() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "")) {
      assertEquals(500, server.get("/", "x-case", "W").statusCode());
    }
  }

  @Test
  void textFramesAreValidUtf8() {
    assertTrue(WebSocketImports.isUtf8("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertTrue(WebSocketImports.isUtf8(new byte[0]));
    assertFalse(WebSocketImports.isUtf8(new byte[] {(byte) 0xFF, 1}));
    assertFalse(WebSocketImports.isUtf8(new byte[] {(byte) 0xE2, (byte) 0x82}));
  }
}
