package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flarec.hostabi.log.Loggers;
import dev.flarec.hostabi.server.LogCapture;
import dev.flarec.hostabi.server.RunningServer;
import dev.flarec.runtime.memory.LittleEndian;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.types.Limits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AssemblyScript's {@code env.abort}: logs the guest's message, then traps (500). */
class AbortImportTest {
  @TempDir Path data;

  @Test
  void abortTrapsAndLogsTheDecodedMessage() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "");
        LogCapture flare = LogCapture.of(Loggers.FLARE)) {
      assertEquals(500, server.get("/", "x-case", "a").statusCode());
      LogRecord line = flare.events("flare-abort").get(0);
      assertEquals(Level.SEVERE, line.getLevel());
      assertEquals("assertion failed: probe", LogCapture.field(line, "msg"));
      assertEquals("probe.ts:12:5", LogCapture.field(line, "at"));
      assertEquals("ok", server.get("/").body(), "the next request is served");
    }
  }

  @Test
  void malformedStringsAreLoggedAsAbsent() {
    Memory memory = new Memory(new Limits(1, 1));
    byte[] text = "hi".getBytes(StandardCharsets.UTF_16LE);
    LittleEndian.INT.set(memory.bytes, 100, text.length);
    System.arraycopy(text, 0, memory.bytes, 104, text.length);
    assertEquals("hi", AbortImport.asString(memory, 104));
    assertNull(AbortImport.asString(memory, 0), "no message");
    assertNull(AbortImport.asString(memory, 2), "no room for the length");
    assertNull(AbortImport.asString(memory, -8), "outside memory");
    LittleEndian.INT.set(memory.bytes, 200, 3);
    assertNull(AbortImport.asString(memory, 204), "odd UTF-16 length");
    LittleEndian.INT.set(memory.bytes, 300, 1 << 20);
    assertNull(AbortImport.asString(memory, 304), "longer than memory");
  }
}
