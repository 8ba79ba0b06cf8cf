package dev.flarec.hostabi.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class AsyncLineHandlerTest {
  private static final Formatter LINES =
      new Formatter() {
        @Override
        public String format(LogRecord record) {
          return record.getMessage() + "\n";
        }
      };

  @Test
  void everyLineFromEveryThreadIsWrittenInEachThreadsOrder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncLineHandler handler = new AsyncLineHandler(out);
    handler.setFormatter(LINES);
    int threads = 4;
    int perThread = 5_000; // more than the queue holds: publishers wait, nothing is dropped
    List<Thread> publishers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread p =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  handler.publish(new LogRecord(Level.INFO, id + ":" + i));
                }
              });
      publishers.add(p);
      p.start();
    }
    for (Thread p : publishers) {
      p.join();
    }
    handler.flush();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(threads * perThread, lines.length);
    int[] next = new int[threads];
    for (String line : lines) {
      String[] parts = line.split(":");
      int id = Integer.parseInt(parts[0]);
      assertEquals(next[id]++, Integer.parseInt(parts[1]), "order within thread " + id);
    }
    handler.close();
  }

  @Test
  void closeWritesWhatIsQueuedAndLaterRecordsAreIgnored() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncLineHandler handler = new AsyncLineHandler(out);
    handler.setFormatter(LINES);
    handler.publish(new LogRecord(Level.INFO, "last words"));
    handler.close();
    handler.publish(new LogRecord(Level.INFO, "too late"));
    String written = out.toString(StandardCharsets.UTF_8);
    assertTrue(written.contains("last words"), written);
    assertTrue(!written.contains("too late"), written);
  }

  @Test
  void linesFormattedInPlaceAreTheFormattersLinesInUtf8() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncLineHandler handler = new AsyncLineHandler(out);
    LineFormatter formatter = new LineFormatter();
    handler.setFormatter(formatter);
    List<LogRecord> records = new ArrayList<>();
    records.add(record(LogLine.of("request").field("path", "/plain").field("status", 200)));
    records.add(record(LogLine.of("request").field("path", "/caf\u00e9 \u2028")));
    records.add(record(LogLine.of("request").field("msg", "a".repeat(70_000))));
    records.add(record(LogLine.of("request").field("path", "/json").asJson()));
    records.add(new LogRecord(Level.WARNING, "plain {0} record"));
    StringBuilder expected = new StringBuilder();
    for (LogRecord r : records) {
      expected.append(formatter.format(r));
      handler.publish(r);
    }
    handler.close();
    assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aLineIsTheRecordAsItWasWhenPublished() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncLineHandler handler = new AsyncLineHandler(out);
    handler.setFormatter(new LineFormatter());
    StringBuilder status = new StringBuilder("200");
    handler.publish(record(LogLine.of("request").field("status", status)));
    status.replace(0, 3, "500"); // the caller reuses the value once publish has returned
    handler.close();
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(" status=200"), out.toString());
  }

  @Test
  void aValueThatLogsWhileItsLineIsFormattedLeavesBothLinesWhole() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncLineHandler handler = new AsyncLineHandler(out);
    handler.setFormatter(new LineFormatter());
    Object chatty =
        new Object() {
          @Override
          public String toString() {
            handler.publish(record(LogLine.of("inner").field("n", 1)));
            return "v";
          }
        };
    handler.publish(record(LogLine.of("outer").field("a", "x").field("b", chatty)));
    handler.close();
    String[] lines = out.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
    assertEquals(2, lines.length, out.toString());
    assertTrue(lines[0].endsWith(" access inner n=1"), lines[0]);
    assertTrue(lines[1].endsWith(" access outer a=x b=v"), lines[1]);
  }

  private static LogRecord record(LogLine line) {
    LogRecord record = new LogRecord(Level.INFO, null);
    record.setLoggerName("dev.flarec.access");
    record.setParameters(new Object[] {line});
    return record;
  }
}
