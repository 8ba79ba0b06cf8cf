package dev.flarec.hostabi.log;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Configures {@code java.util.logging} for a flare server process: one handler on standard error
 * writing {@link LineFormatter} lines at INFO and above, from a thread of its own.
 */
public final class LogSetup {
  private LogSetup() {}

  /**
   * Installs {@link ShutdownAwareLogManager}; must run before anything touches logging, so first
   * thing in {@code main}. Harmless if logging was already initialised.
   */
  public static void install() {
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", ShutdownAwareLogManager.class.getName());
    }
  }

  /** Routes every logger to one standard-error handler with the line format. */
  public static void configure() {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    // standard error, written off the request threads (see AsyncLineHandler)
    AsyncLineHandler console = new AsyncLineHandler(System.err);
    console.setFormatter(new LineFormatter());
    console.setLevel(Level.ALL);
    root.addHandler(console);
    root.setLevel(Level.INFO);
    DirectRoute.install(root, console);
    if (LogManager.getLogManager() instanceof ShutdownAwareLogManager) {
      ShutdownAwareLogManager.holdResets();
    }
  }

  /**
   * Writes lines at {@code level} and above from now on (the configuration's {@code log.level}).
   */
  public static void level(Level level) {
    Logger.getLogger("").setLevel(level);
  }

  /** Flushes and closes logging at the very end of a shutdown. */
  public static void finish() {
    if (LogManager.getLogManager() instanceof ShutdownAwareLogManager m) {
      m.releaseAndReset();
    } else {
      for (Handler h : Logger.getLogger("").getHandlers()) {
        h.flush();
      }
    }
  }
}
