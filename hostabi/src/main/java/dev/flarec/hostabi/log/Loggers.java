package dev.flarec.hostabi.log;

import java.util.logging.Logger;

/**
 * The host's loggers, by purpose. Each line they carry is a {@link LogLine}: the message is the
 * logfmt text, and the record's parameters hold the fields for handlers that want them.
 */
public final class Loggers {
  /** One line per served request: flare, request id, method, path, status, duration. */
  public static final Logger ACCESS = Logger.getLogger("flarec.access");

  /** Lines written by flares through {@code log_info}, {@code log_warn}, {@code log_error}. */
  public static final Logger FLARE = Logger.getLogger("flarec.flare");

  /** The server's own events: start-up, shutdown, traps, dropped headers, proxy failures. */
  public static final Logger HOST = Logger.getLogger("flarec.host");

  private Loggers() {}
}
