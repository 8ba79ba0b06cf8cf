package dev.flarec.benchmarks.request;

import dev.flarec.hostabi.log.LineFormatter;
import java.io.OutputStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Routes {@code java.util.logging} to a handler that formats every line as the server does and then
 * discards it: a flare's {@code log_info} keeps its cost in process, without flooding the JMH
 * output with a line per call.
 */
final class QuietLogs {
  private QuietLogs() {}

  static void install() {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    StreamHandler discard = new StreamHandler(OutputStream.nullOutputStream(), new LineFormatter());
    discard.setLevel(Level.ALL);
    root.addHandler(discard);
    root.setLevel(Level.INFO);
  }
}
