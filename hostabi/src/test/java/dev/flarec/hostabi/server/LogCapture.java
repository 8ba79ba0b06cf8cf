package dev.flarec.hostabi.server;

import dev.flarec.hostabi.log.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Collects what one logger writes while a test runs; close it to detach. */
public final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<LogRecord> records = new ArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
    setLevel(Level.ALL);
  }

  public static LogCapture of(Logger logger) {
    LogCapture capture = new LogCapture(logger);
    logger.addHandler(capture);
    return capture;
  }

  @Override
  public synchronized void publish(LogRecord record) {
    records.add(record);
  }

  public synchronized List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records of {@code event} (see {@link LogLine}). */
  public synchronized List<LogRecord> events(String event) {
    return records.stream()
        .filter(
            r ->
                r.getParameters() != null
                    && r.getParameters()[0] instanceof LogLine line
                    && event.equals(line.event()))
        .collect(Collectors.toList());
  }

  /** Field {@code key} of a {@link LogLine} record. */
  public static Object field(LogRecord record, String key) {
    return ((LogLine) record.getParameters()[0]).fields().get(key);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
