package dev.flarec.hostabi.config;

import java.util.logging.Level;

/**
 * How the server logs: the {@code [log]} table of the configuration.
 *
 * @param level the lowest level written, for the host's and the flares' lines alike
 * @param access how the one line per request is written, if at all
 * @param accessSample the share of requests that get an access line, from 0 to 1: a busy node can
 *     keep a representative trickle instead of one line per request
 */
public record LogConfig(Threshold level, AccessFormat access, double accessSample) {
  /** INFO, logfmt access lines for every request. */
  public static final LogConfig DEFAULTS = new LogConfig(Threshold.INFO, AccessFormat.LOGFMT, 1.0);

  public LogConfig {
    if (!(accessSample >= 0 && accessSample <= 1)) {
      throw new IllegalArgumentException("accessSample must be from 0 to 1: " + accessSample);
    }
  }

  /** The level names an operator writes, and the {@code java.util.logging} level each means. */
  // java.util.logging.Level is immutable, just not annotated
  @SuppressWarnings("ImmutableEnumChecker")
  public enum Threshold {
    DEBUG(Level.FINE),
    INFO(Level.INFO),
    WARN(Level.WARNING),
    ERROR(Level.SEVERE);

    private final Level level;

    Threshold(Level level) {
      this.level = level;
    }

    public Level julLevel() {
      return level;
    }
  }

  /** The shape of access lines. */
  public enum AccessFormat {
    /** {@code request flare=hello status=200 ...} after the time, level and logger. */
    LOGFMT,
    /** One JSON object per line, for log shippers that parse JSON. */
    JSON,
    /** No access lines at all. */
    OFF
  }
}
