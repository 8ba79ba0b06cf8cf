package dev.flarec.hostabi.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats a record as one line: {@code 2025-11-21T10:00:00.123Z INFO access request flare=hello
 * ...}: UTC timestamp, level ({@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG}), the
 * logger's last name segment, the message. A stack trace, when a record carries one, follows on its
 * own lines. The time is rendered by {@link UtcTimestamp}.
 */
public final class LineFormatter extends Formatter {
  /** The last timestamp rendered: consecutive records mostly fall in the same millisecond. */
  private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

  private record Stamp(long millis, String text) {}

  private String time(long millis) {
    Stamp stamp = last;
    if (stamp.millis() != millis) {
      stamp = new Stamp(millis, UtcTimestamp.format(millis));
      last = stamp;
    }
    return stamp.text();
  }

  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(256);
    formatTo(record, line);
    return line.toString();
  }

  /**
   * Appends the line {@link #format} returns to {@code line}. {@link AsyncLineHandler} formats each
   * line into a builder it lends the publishing thread, and a {@link LogLine} renders itself into
   * it: no string per line for the message and the line.
   */
  public void formatTo(LogRecord record, StringBuilder line) {
    Object[] parameters = record.getParameters();
    if (parameters != null && parameters.length == 1 && parameters[0] instanceof LogLine l) {
      formatTo(record.getMillis(), record.getLevel(), record.getLoggerName(), l, line);
      if (l.json()) {
        return; // a stack trace would break the JSON line: the JSON form leaves it out
      }
    } else {
      prefix(record.getMillis(), record.getLevel(), record.getLoggerName(), line);
      line.append(formatMessage(record));
      line.append(System.lineSeparator());
    }
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
  }

  /**
   * Appends {@code l} as logged at {@code millis} by {@code logger} at {@code level}: the line
   * {@link #format} writes for a record carrying it, without the record ({@link DirectRoute}).
   */
  void formatTo(long millis, Level level, String logger, LogLine l, StringBuilder line) {
    if (l.json()) {
      json(millis, level, logger, l, line);
      return;
    }
    prefix(millis, level, logger, line);
    // what formatMessage returns for it, rendered in place
    l.renderTo(line);
    line.append(System.lineSeparator());
  }

  private void prefix(long millis, Level level, String logger, StringBuilder line) {
    line.append(time(millis))
        .append(' ')
        .append(levelName(level))
        .append(' ')
        .append(shortName(logger))
        .append(' ');
  }

  /** A JSON-lines record: the time, level and logger as members before the line's own. */
  private void json(long millis, Level level, String logger, LogLine l, StringBuilder line) {
    line.append("{\"time\":\"")
        .append(time(millis))
        .append("\",\"level\":\"")
        .append(levelName(level))
        .append("\",\"logger\":\"")
        .append(shortName(logger))
        .append("\",");
    l.appendJsonMembers(line);
    line.append('}').append(System.lineSeparator());
  }

  @Override
  public String formatMessage(LogRecord record) {
    Object[] parameters = record.getParameters();
    if (parameters != null && parameters.length == 1 && parameters[0] instanceof LogLine) {
      // LogLine renders its own text; MessageFormat would mangle braces and quotes in it
      return record.getMessage();
    }
    return super.formatMessage(record);
  }

  /** Syslog-style names: SEVERE is ERROR, WARNING is WARN, FINE and below are DEBUG. */
  static String levelName(Level level) {
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return "ERROR";
    } else if (v >= Level.WARNING.intValue()) {
      return "WARN";
    } else if (v >= Level.INFO.intValue()) {
      return "INFO";
    }
    return "DEBUG";
  }

  /** The last segments of the logger names met so far: a handful, asked for on every line. */
  private static final Map<String, String> SHORT_NAMES = new ConcurrentHashMap<>();

  private static String shortName(String logger) {
    if (logger == null) {
      return "-";
    }
    // not computeIfAbsent with a lambda: the first line's lambda would be spun at start-up
    String name = SHORT_NAMES.get(logger);
    if (name == null) {
      name = logger.substring(logger.lastIndexOf('.') + 1);
      SHORT_NAMES.putIfAbsent(logger, name);
    }
    return name;
  }
}
