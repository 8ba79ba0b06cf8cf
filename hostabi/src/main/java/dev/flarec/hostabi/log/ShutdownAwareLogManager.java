package dev.flarec.hostabi.log;

import java.io.IOException;
import java.util.logging.LogManager;

/**
 * The flare server's {@link LogManager}. Installed by {@link LogSetup#install()} through the {@code
 * java.util.logging.manager} system property; elsewhere (tests, embedding) the JDK's own manager is
 * used and nothing changes. It differs from the JDK's in two ways:
 *
 * <ul>
 *   <li>Its shutdown-time reset waits for the server: the JDK resets logging from its own shutdown
 *       hook, which runs at the same time as ours, so without this the lines a stopping server
 *       writes ("stopping", the last requests, "stopped") could be lost.
 *   <li>It reads a logging configuration only when the user names one ({@value #CONFIG_FILE} or
 *       {@value #CONFIG_CLASS}), not the JDK's {@code conf/logging.properties}: {@link
 *       LogSetup#configure()} replaces the handler that file sets up and the level it sets, so
 *       reading it and building its console handler only cost start-up time (docs/RATIONALE.md "Why
 *       a flare server skips the JDK's logging.properties").
 * </ul>
 */
public final class ShutdownAwareLogManager extends LogManager {
  private static volatile boolean holdResets;

  /** The system property naming a logging configuration file. */
  static final String CONFIG_FILE = "java.util.logging.config.file";

  /** The system property naming a class that configures logging. */
  static final String CONFIG_CLASS = "java.util.logging.config.class";

  public ShutdownAwareLogManager() {}

  /**
   * Reads the configuration the user names, as the JDK's manager does; with none named, leaves the
   * configuration empty (no handlers, the root logger at INFO) instead of reading the JDK's default
   * file.
   */
  @Override
  public void readConfiguration() throws IOException {
    if (System.getProperty(CONFIG_FILE) != null || System.getProperty(CONFIG_CLASS) != null) {
      super.readConfiguration();
    }
  }

  /** From now on, {@link #reset()} is ignored until {@link #releaseAndReset()}. */
  static void holdResets() {
    holdResets = true;
  }

  @Override
  public void reset() {
    if (!holdResets) {
      super.reset();
    }
  }

  /** Flushes and closes the handlers: the last thing a stopping server does. */
  void releaseAndReset() {
    holdResets = false;
    super.reset();
  }
}
