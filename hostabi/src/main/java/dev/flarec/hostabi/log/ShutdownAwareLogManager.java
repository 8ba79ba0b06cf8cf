package dev.flarec.hostabi.log;

import java.util.logging.LogManager;

/**
 * A {@link LogManager} whose shutdown-time reset waits for the server: the JDK resets logging from
 * its own shutdown hook, which runs at the same time as ours, so without this the lines a stopping
 * server writes ("stopping", the last requests, "stopped") could be lost. Installed by {@link
 * LogSetup#install()} through the {@code java.util.logging.manager} system property; elsewhere
 * (tests, embedding) the JDK's own manager is used and nothing changes.
 */
public final class ShutdownAwareLogManager extends LogManager {
  private static volatile boolean holdResets;

  public ShutdownAwareLogManager() {}

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
