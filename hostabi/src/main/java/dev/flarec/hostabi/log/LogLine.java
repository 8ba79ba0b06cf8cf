package dev.flarec.hostabi.log;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One structured log line under construction: an event name and ordered {@code key=value} fields,
 * rendered as logfmt ({@code event key=value key="quoted value"}).
 *
 * <pre>{@code
 * LogLine.of("request").field("flare", "hello").field("status", 200).log(Loggers.ACCESS, Level.INFO);
 * // request flare=hello status=200
 * }</pre>
 *
 * <p>The {@link LogRecord} it writes has the rendered text as its message and the line itself as
 * its only parameter.
 *
 * <p>Values are quoted when they contain spaces, quotes, {@code =} or control characters, with
 * {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX} escapes, so
 * a flare cannot forge a second line or a field by logging a crafted message.
 */
public final class LogLine {
  private final String event;
  // keys and values side by side, in the order added: a line has about ten fields, and a map
  // per line (entries, table) was a noticeable share of a request's allocations
  private Object[] fields = new Object[20];
  private int fieldCount;
  private Throwable thrown;
  private boolean json;

  private LogLine(String event) {
    this.event = event;
  }

  /** A line for {@code event} (a short lowercase word, for example {@code request}). */
  public static LogLine of(String event) {
    return new LogLine(event);
  }

  /** Adds a field; null values are left out. */
  public LogLine field(String key, Object value) {
    if (value != null) {
      for (int i = 0; i < fieldCount; i += 2) {
        if (fields[i].equals(key)) {
          fields[i + 1] = value;
          return this;
        }
      }
      if (fieldCount == fields.length) {
        fields = Arrays.copyOf(fields, 2 * fields.length);
      }
      fields[fieldCount++] = key;
      fields[fieldCount++] = value;
    }
    return this;
  }

  /** Attaches an exception whose stack trace follows the line (host bugs only). */
  public LogLine thrown(Throwable t) {
    this.thrown = t;
    return this;
  }

  /**
   * Asks for this line as one JSON object ({@code {"time":...,"level":...,"logger":...,
   * "event":...,<fields>}}) instead of logfmt; {@link LineFormatter} writes it.
   */
  public LogLine asJson() {
    this.json = true;
    return this;
  }

  /** Whether {@link #asJson} was asked for. */
  public boolean json() {
    return json;
  }

  /** The event name. */
  public String event() {
    return event;
  }

  /** The fields, in the order they were added (a copy). */
  public Map<String, Object> fields() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < fieldCount; i += 2) {
      map.put((String) fields[i], fields[i + 1]);
    }
    return map;
  }

  /**
   * Writes the line to {@code logger} at {@code level}, if that level is enabled: under the flare
   * server's own logging set-up straight to its writer ({@link DirectRoute}), else as a record.
   */
  public void log(Logger logger, Level level) {
    if (!logger.isLoggable(level)) {
      return;
    }
    if (thrown == null && DirectRoute.publish(this, logger, level)) {
      return;
    }
    LogRecord record = new LineRecord(level, this);
    record.setLoggerName(logger.getName());
    // the line itself is the parameter: handlers can read its fields, and LineFormatter knows
    // not to run the text through MessageFormat
    record.setParameters(new Object[] {this});
    record.setThrown(thrown);
    logger.log(record);
  }

  /** The logfmt text of this line. */
  public String render() {
    StringBuilder out = new StringBuilder(160);
    renderTo(out);
    return out.toString();
  }

  /** Appends {@link #render()}'s text to {@code out}. */
  void renderTo(StringBuilder out) {
    out.append(event);
    for (int i = 0; i < fieldCount; i += 2) {
      out.append(' ').append((String) fields[i]).append('=');
      appendValue(out, String.valueOf(fields[i + 1]));
    }
  }

  /**
   * The members after the opening brace of the JSON form: {@code "event":...} and the fields,
   * numbers and booleans as JSON numbers and booleans, everything else as strings.
   */
  void appendJsonMembers(StringBuilder out) {
    out.append("\"event\":");
    appendJsonString(out, event);
    for (int i = 0; i < fieldCount; i += 2) {
      out.append(',');
      appendJsonString(out, (String) fields[i]);
      out.append(':');
      Object v = fields[i + 1];
      if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
        out.append(v);
      } else {
        appendJsonString(out, String.valueOf(v));
      }
    }
  }

  static void appendJsonString(StringBuilder out, String v) {
    out.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  static void appendValue(StringBuilder out, String v) {
    if (!needsQuotes(v)) {
      out.append(v);
      return;
    }
    out.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean needsQuotes(String v) {
    if (v.isEmpty()) {
      return true;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' '
          || c == '"'
          || c == '='
          || c == '\\'
          || c == 0x7f
          || c == '\u2028'
          || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /**
   * A record whose message is rendered only when asked for: {@link LineFormatter} renders the line
   * into its own builder and never asks, so the text is not built twice.
   */
  private static final class LineRecord extends LogRecord {
    private static final long serialVersionUID = 1L;

    private final transient LogLine line;
    private volatile boolean rendered;

    LineRecord(Level level, LogLine line) {
      super(level, null);
      this.line = line;
    }

    @Override
    public String getMessage() {
      if (!rendered) {
        synchronized (this) {
          if (!rendered) {
            setMessage(line.json ? line.event : line.render());
            rendered = true;
          }
        }
      }
      return super.getMessage();
    }
  }
}
