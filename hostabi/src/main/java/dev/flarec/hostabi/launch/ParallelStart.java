package dev.flarec.hostabi.launch;

import com.sun.net.httpserver.spi.HttpServerProvider;
import dev.flarec.hostabi.log.LogSetup;
import java.io.IOException;
import java.nio.channels.Selector;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The second thread of a flare server's start-up, which runs while the main one loads and
 * instantiates the flare: it first configures logging ({@link LogSetup#configure()}, which the main
 * thread awaits before it serves), then does the JDK's share of the start-up that depends on
 * nothing of the flare: the locale and time-zone data that the JDK's HTTP server needs to write the
 * {@code Date} header of the first response, and the server's provider and selector classes. Each
 * is work the main thread or the first request would otherwise do in turn; here it overlaps on a
 * second core. The warming keeps nothing, so its failures are ignored: whoever needs the real thing
 * meets any problem itself. See docs/RATIONALE.md "Why a flare starts on two threads".
 */
final class ParallelStart extends Thread {
  /** The pattern, locale and zone of the {@code Date} header of the JDK's HTTP server. */
  private static final String HTTP_DATE = "EEE, dd MMM yyyy HH:mm:ss zzz";

  private final CountDownLatch logging = new CountDownLatch(1);
  private volatile Throwable loggingFailure;

  private ParallelStart() {
    super("flarec-start");
    setDaemon(true);
  }

  /** Starts the thread; returns at once. */
  static ParallelStart begin() {
    ParallelStart thread = new ParallelStart();
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    try {
      LogSetup.configure();
    } catch (RuntimeException | Error e) {
      loggingFailure = e;
    } finally {
      logging.countDown();
    }
    try {
      String unused =
          DateTimeFormatter.ofPattern(HTTP_DATE, Locale.US)
              .withZone(ZoneId.of("GMT"))
              .format(Instant.now());
      HttpServerProvider.provider();
      Selector.open().close();
    } catch (IOException | RuntimeException e) {
      // only a head start: whoever needs these for real does the work again and reports failures
    }
  }

  /**
   * Returns once logging is configured; nothing may be logged before. Rethrows what configuring it
   * threw.
   */
  void awaitLogging() {
    boolean interrupted = false;
    while (true) {
      try {
        logging.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable failure = loggingFailure;
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }
}
