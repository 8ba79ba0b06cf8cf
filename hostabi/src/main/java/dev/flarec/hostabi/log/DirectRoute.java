package dev.flarec.hostabi.log;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The way a {@link LogLine} goes straight to the flare server's log writer, without a {@link
 * java.util.logging.LogRecord}, when logging is the server's own set-up ({@link
 * LogSetup#configure}): the logger has no handler or filter of its own, hands its lines to the root
 * logger, and the root logger has no filter and exactly the handler the set-up installed. Anything
 * else (a test's capturing handler, an embedder's own configuration, a line with a stack trace)
 * takes the {@code java.util.logging} path, which writes the same text. See
 * docs/RATIONALE.md#why-the-servers-own-lines-skip-the-logrecord.
 */
final class DirectRoute {
  private static volatile DirectRoute current;

  private final Logger root;
  private final AsyncLineHandler handler;

  private DirectRoute(Logger root, AsyncLineHandler handler) {
    this.root = root;
    this.handler = handler;
  }

  /** From now on, lines whose loggers lead only to {@code handler} on {@code root} go direct. */
  static void install(Logger root, AsyncLineHandler handler) {
    current = new DirectRoute(root, handler);
  }

  /**
   * Publishes {@code line} for {@code logger} at {@code level} (already found loggable) if the
   * route applies.
   *
   * @return whether it was published; if not, the caller logs it through {@code logger}
   */
  static boolean publish(LogLine line, Logger logger, Level level) {
    DirectRoute route = current;
    return route != null
        && route.leadsHere(logger)
        && route.handler.publish(line, level, logger.getName());
  }

  private boolean leadsHere(Logger logger) {
    if (logger.getParent() != root
        || !logger.getUseParentHandlers()
        || logger.getFilter() != null
        || logger.getHandlers().length != 0
        || root.getFilter() != null) {
      return false;
    }
    // a copy of the root's handlers, as Logger.log itself makes for every line
    java.util.logging.Handler[] rootHandlers = root.getHandlers();
    return rootHandlers.length == 1 && rootHandlers[0] == handler;
  }
}
