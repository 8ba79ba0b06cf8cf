package dev.flarec.hostabi.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A logger tree of its own, set up as {@link LogSetup#configure} sets up the root logger: one
 * {@link AsyncLineHandler} with a {@link LineFormatter} at the top, nothing on the loggers below.
 */
class DirectRouteTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final AsyncLineHandler handler = new AsyncLineHandler(out);
  private final Logger top = Logger.getLogger("directroutetest");
  private final Logger access = Logger.getLogger("directroutetest.access");

  @BeforeEach
  void setUp() {
    handler.setFormatter(new LineFormatter());
    handler.setLevel(Level.ALL);
    top.setUseParentHandlers(false);
    top.addHandler(handler);
    top.setLevel(Level.INFO);
    DirectRoute.install(top, handler);
  }

  @AfterEach
  void tearDown() {
    top.removeHandler(handler);
    handler.close();
  }

  private String written() {
    handler.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLineOfTheServersOwnSetUpGoesStraightToTheWriter() {
    LogLine line = LogLine.of("request").field("status", 200).field("path", "/a b");

    assertTrue(DirectRoute.publish(line, access, Level.INFO));
    assertTrue(
        written().matches("\\S+Z INFO access request status=200 path=\"/a b\"\\R"), written());
  }

  @Test
  void theDirectLineIsTheTextTheRecordWouldHaveMade() {
    LineFormatter formatter = new LineFormatter();
    for (LogLine line :
        List.of(
            LogLine.of("flare-log").field("msg", "tab\there").field("n", 3),
            LogLine.of("request").field("msg", "x\"y").field("ok", true).asJson())) {
      LogRecord record = new LogRecord(Level.WARNING, "ignored");
      record.setLoggerName(access.getName());
      record.setParameters(new Object[] {line});
      StringBuilder direct = new StringBuilder();
      formatter.formatTo(record.getMillis(), Level.WARNING, access.getName(), line, direct);

      assertEquals(formatter.format(record), direct.toString());
    }
  }

  @Test
  void aHandlerOnTheLoggerSendsItsLinesThroughJavaUtilLogging() {
    List<LogRecord> captured = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            captured.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    access.addHandler(capture);
    try {
      LogLine line = LogLine.of("request").field("status", 404);
      assertFalse(DirectRoute.publish(line, access, Level.INFO));

      line.log(access, Level.INFO);
      assertEquals(1, captured.size(), "the capturing handler sees the record");
      assertTrue(written().contains("INFO access request status=404"), "and the writer the line");
    } finally {
      access.removeHandler(capture);
    }
  }

  @Test
  void aSecondHandlerAtTheTopOrAFilterSendsLinesThroughJavaUtilLogging() {
    Handler other = new java.util.logging.ConsoleHandler();
    top.addHandler(other);
    try {
      assertFalse(DirectRoute.publish(LogLine.of("e"), access, Level.INFO));
    } finally {
      top.removeHandler(other);
    }
    access.setFilter(r -> true);
    try {
      assertFalse(DirectRoute.publish(LogLine.of("e"), access, Level.INFO));
    } finally {
      access.setFilter(null);
    }
    assertTrue(DirectRoute.publish(LogLine.of("e"), access, Level.INFO));
  }

  @Test
  void aClosedWriterTakesNothing() {
    handler.close();

    assertFalse(DirectRoute.publish(LogLine.of("e"), access, Level.INFO));
  }
}
