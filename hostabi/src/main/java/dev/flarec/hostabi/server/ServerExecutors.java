package dev.flarec.hostabi.server;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor that runs request handlers: one virtual thread per request when the JVM has them
 * (Java 21 and later; found at run time because flarec is built for Java 17), else a fixed pool of
 * platform threads sized to the machine. See
 * docs/RATIONALE.md#why-virtual-threads-when-the-jvm-has-them.
 */
final class ServerExecutors {
  private ServerExecutors() {}

  /** The executor, and a name for it in the start-up log line. */
  record Choice(ExecutorService executor, String description) {}

  static Choice create(int platformThreads) {
    try {
      Object executor = Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      return new Choice((ExecutorService) executor, "virtual threads");
    } catch (NoSuchMethodException | IllegalAccessException e) {
      // Java 17-18: no virtual threads
    } catch (InvocationTargetException e) {
      // Java 19-20 without --enable-preview: the method exists but refuses
    }
    return new Choice(
        Executors.newFixedThreadPool(platformThreads, daemonThreads("flarec-http-")),
        platformThreads + " platform threads");
  }

  static ThreadFactory daemonThreads(String prefix) {
    return new DaemonThreads(prefix);
  }

  /** Daemon threads named prefix1, prefix2, ... A class rather than a lambda, made at start-up. */
  private static final class DaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger n = new AtomicInteger();

    DaemonThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
