package dev.flarec.hostabi.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats a record as one line: {@code 2025-11-21T10:00:00.123Z INFO access request flare=hello
 * ...}: UTC timestamp, level ({@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG}), the
 * logger's last name segment, the message. A stack trace, when a record carries one, follows on its
 * own lines.
 */
public final class LineFormatter extends Formatter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The last timestamp rendered: consecutive records mostly fall in the same millisecond. */
  private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

  private record Stamp(long millis, String text) {}

  private String time(long millis) {
    Stamp stamp = last;
    if (stamp.millis() != millis) {
      stamp = new Stamp(millis, TIME.format(Instant.ofEpochMilli(millis)));
      last = stamp;
    }
    return stamp.text();
  }

  @Override
  public String format(LogRecord record) {
    Object[] parameters = record.getParameters();
    if (parameters != null
        && parameters.length == 1
        && parameters[0] instanceof LogLine l
        && l.json()) {
      return json(record, l);
    }
    StringBuilder line = new StringBuilder(128);
    line.append(time(record.getMillis()))
        .append(' ')
        .append(levelName(record.getLevel()))
        .append(' ')
        .append(shortName(record.getLoggerName()))
        .append(' ')
        .append(formatMessage(record))
        .append(System.lineSeparator());
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
    return line.toString();
  }

  /** A JSON-lines record: the time, level and logger as members before the line's own. */
  private String json(LogRecord record, LogLine l) {
    StringBuilder line = new StringBuilder(192);
    line.append("{\"time\":\"")
        .append(time(record.getMillis()))
        .append("\",\"level\":\"")
        .append(levelName(record.getLevel()))
        .append("\",\"logger\":\"")
        .append(shortName(record.getLoggerName()))
        .append("\",");
    l.appendJsonMembers(line);
    return line.append('}').append(System.lineSeparator()).toString();
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
    return SHORT_NAMES.computeIfAbsent(logger, l -> l.substring(l.lastIndexOf('.') + 1));
  }
}
