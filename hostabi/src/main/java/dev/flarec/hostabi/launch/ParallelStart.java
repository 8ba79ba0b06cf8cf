package dev.flarec.hostabi.launch;

import com.sun.net.httpserver.HttpServer;
import dev.flarec.hostabi.abi.FlaronImports;
import dev.flarec.hostabi.log.LogSetup;
import dev.flarec.hostabi.server.FlareServer;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The second thread of a flare server's start-up, which runs while the main one loads and
 * instantiates the flare: it first configures logging ({@link LogSetup#configure()}, which the main
 * thread awaits before it serves), then what instantiating the flare can do without an instance
 * ({@link #prepareInstance}: the main thread does it instead if it would otherwise wait for
 * logging, and else binds the server meanwhile and then waits for it, {@link
 * #awaitInstancePrepared}), then the share of the first response that depends on nothing of the
 * flare: the locale and time-zone data that the JDK's HTTP server needs to write the {@code Date}
 * header, the server's own set-up (an unbound server, stopped at once, when the main thread
 * prepared the instance and so has not set up its server yet), on Java 21 and later the machinery
 * of virtual threads (one is started and joined), and the classes that the first request loads and
 * initialises ({@link #FIRST_REQUEST_CLASSES}). Each is work the main thread or the first request
 * would otherwise do in turn; here it overlaps on a second core. The warming keeps nothing and
 * never runs the flare, so its failures are ignored: whoever needs the real thing meets any problem
 * itself. See docs/RATIONALE.md "Why a flare starts on two threads".
 */
final class ParallelStart extends Thread {
  /** The pattern, locale and zone of the {@code Date} header of the JDK's HTTP server. */
  private static final String HTTP_DATE = "EEE, dd MMM yyyy HH:mm:ss zzz";

  /**
   * Classes that instantiating the flare loads and initialises, which the main thread meets after
   * the node's services: {@code LittleEndian}'s initialiser makes the five {@code VarHandle} views
   * of memory through which compiled code accesses memory from Java 24 on (on 17 to 23 only SIMD
   * lanes and a few host accessors use them), and the JDK spins a class for each. Their
   * initialisers have no side effect beyond the class.
   */
  static final String[] INSTANCE_CLASSES = {
    "dev.flarec.runtime.memory.Memory",
    "dev.flarec.runtime.memory.LittleEndian",
    "dev.flarec.runtime.memory.Memory64",
    "dev.flarec.runtime.instance.Instantiator",
    "dev.flarec.runtime.table.Table",
    "dev.flarec.runtime.global.Global",
    "dev.flarec.runtime.instance.InstanceSnapshot",
    "dev.flarec.hostabi.pool.FlareInstance",
    "dev.flarec.hostabi.guest.Guest",
  };

  /**
   * Classes that the first request to a flare loads, in about the order it loads them: the JDK
   * server's exchange (names of its implementation, so a JDK without one of them skips it), then
   * flarec's request path and the runtime's memory access. Initialising them has no side effect
   * beyond the class itself (no thread, file or socket); {@code ParallelStartTest} checks that
   * flarec's names exist.
   */
  static final String[] FIRST_REQUEST_CLASSES = {
    "sun.net.httpserver.HttpConnection",
    "sun.net.httpserver.ServerImpl$Exchange",
    "sun.net.httpserver.Request",
    "sun.net.httpserver.Request$ReadStream",
    "sun.net.httpserver.Request$WriteStream",
    "com.sun.net.httpserver.Headers",
    "sun.net.httpserver.UnmodifiableHeaders",
    "sun.net.httpserver.Utils",
    "sun.net.httpserver.ExchangeImpl",
    "sun.net.httpserver.HttpExchangeImpl",
    "sun.net.httpserver.LeftOverInputStream",
    "sun.net.httpserver.ChunkedInputStream",
    "sun.net.httpserver.FixedLengthInputStream",
    "sun.net.httpserver.FixedLengthOutputStream",
    "sun.net.httpserver.UndefLengthOutputStream",
    "sun.net.httpserver.ChunkedOutputStream",
    "sun.net.httpserver.PlaceholderOutputStream",
    "com.sun.net.httpserver.Filter$Chain",
    "sun.net.httpserver.ServerImpl$Exchange$LinkHandler",
    "sun.net.httpserver.Code",
    "sun.net.httpserver.StreamClosedException",
    "sun.net.httpserver.WriteFinishedEvent",
    "sun.net.httpserver.Event$WriteFinished",
    "dev.flarec.hostabi.server.FlareHandler",
    "dev.flarec.hostabi.server.RequestIds",
    "dev.flarec.hostabi.server.RequestReader",
    "dev.flarec.hostabi.invocation.RequestHeaders",
    "dev.flarec.hostabi.invocation.FlareRequest",
    "dev.flarec.hostabi.invocation.FlareResponse",
    "dev.flarec.hostabi.invocation.FlareResponse$Header",
    "dev.flarec.hostabi.invocation.InvocationLimits",
    "dev.flarec.hostabi.invocation.ResponseRules",
    "dev.flarec.hostabi.server.FlareRunner",
    "dev.flarec.hostabi.server.FlareRunner$Alarm",
    "dev.flarec.hostabi.server.FlareRunner$Outcome",
    "dev.flarec.hostabi.server.FlareRunner$Outcome$Returned",
    "dev.flarec.hostabi.server.Action",
    "dev.flarec.hostabi.server.Reply",
    "dev.flarec.hostabi.server.Reply$Header",
    "dev.flarec.hostabi.log.LogLine",
    "dev.flarec.runtime.memory.MemoryAccess",
  };

  /** How long the thread waits for the main one to find the flare before it goes on without. */
  private static final long FLARE_WAIT_MILLIS = 1000;

  /**
   * How long the main thread waits for this one to finish preparing the instance before it
   * instantiates the flare regardless: a bound, so that a stalled second thread delays the start by
   * at most this much and never stops it.
   */
  static final long INSTANCE_WAIT_MILLIS = 2000;

  private final CountDownLatch logging = new CountDownLatch(1);
  private volatile Throwable loggingFailure;
  private final CountDownLatch found = new CountDownLatch(1);
  private volatile ModuleDescriptor flare;

  /**
   * Whether a thread has taken on preparing the flare's instance ({@link #prepareInstance}): this
   * one after logging, or the main one if it would otherwise wait for logging.
   */
  private final AtomicBoolean instancePrepared = new AtomicBoolean();

  /** Counted down when {@link #prepareInstance} has run, on whichever thread. */
  private final CountDownLatch instanceReady = new CountDownLatch(1);

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
    if (instancePrepared.compareAndSet(false, true)) {
      // the main thread binds the server meanwhile (FlareServer.start's beforeFirstInstance)
      prepareInstance();
    } else {
      warmUpServer();
    }
    // In the order the first request meets these; the Date header is written last, when the
    // response goes out.
    startAVirtualThread();
    load(FIRST_REQUEST_CLASSES, ParallelStart.class.getClassLoader());
    try {
      String unused =
          DateTimeFormatter.ofPattern(HTTP_DATE, Locale.US)
              .withZone(ZoneId.of("GMT"))
              .format(Instant.now());
    } catch (RuntimeException e) {
      // as above
    }
  }

  /**
   * An unbound server, stopped at once: the JDK server's set-up (its configuration, channel,
   * selector, logger) without a port, which the main thread meets once it has prepared the instance
   * itself. The no-delay setting is read when that set-up first runs, so it is made first, as the
   * real server would.
   */
  private static void warmUpServer() {
    try {
      FlareServer.enableTcpNoDelay();
      HttpServer.create().stop(0);
    } catch (IOException | RuntimeException e) {
      // only a head start: whoever needs these for real does the work again and reports failures
    }
  }

  /** Tells the thread which flare is served, so that it can prepare its imports' binding. */
  void flareFound(ModuleDescriptor descriptor) {
    flare = descriptor;
    found.countDown();
  }

  /**
   * What instantiating the flare can do before there is an instance: {@link FlaronImports#prepare}
   * (the imports' method handles and call sites), initialising {@link #INSTANCE_CLASSES} and
   * spinning the export's and the constructor's method-handle shapes ({@link InstanceShapes}). Runs
   * once, on whichever thread takes it on first.
   */
  private void prepareInstance() {
    try {
      try {
        if (found.await(FLARE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          FlaronImports.prepare(flare);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | LinkageError e) {
        // the main thread binds them itself and meets any problem there
      }
      load(INSTANCE_CLASSES, ParallelStart.class.getClassLoader());
      boolean unused = InstanceShapes.spin();
    } finally {
      instanceReady.countDown();
    }
  }

  /**
   * {@link #awaitInstancePrepared} as the task that {@link FlareServer#start(
   * dev.flarec.runtime.instance.Module, dev.flarec.hostabi.config.ServerConfig,
   * dev.flarec.hostabi.abi.HostServices, Runnable)} runs before the flare's first instance.
   */
  Runnable instancePrepared() {
    return new AwaitInstance(this);
  }

  /** A class rather than a lambda, like the rest of the start path. */
  private static final class AwaitInstance implements Runnable {
    private final ParallelStart start;

    AwaitInstance(ParallelStart start) {
      this.start = start;
    }

    @Override
    public void run() {
      start.awaitInstancePrepared();
    }
  }

  /**
   * Returns once the instance's preparation ({@link #prepareInstance}) is done, or after {@link
   * #INSTANCE_WAIT_MILLIS} if this thread took it on and has not finished; the main thread calls it
   * just before it instantiates the flare, after binding the server. Waiting rather than
   * instantiating at once keeps the two threads from spinning the same method-handle shapes and
   * loading the same classes side by side, each blocking the other on the JDK's locks for that
   * work. If neither thread has taken the preparation on yet, the caller does it itself.
   */
  void awaitInstancePrepared() {
    if (instancePrepared.compareAndSet(false, true)) {
      prepareInstance();
      return;
    }
    try {
      boolean unused = instanceReady.await(INSTANCE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts and joins one virtual thread that does nothing, where the JVM has them (found at run
   * time: flarec is built for Java 17). The first one loads and initialises the scheduler's
   * fork-join pool and continuations, about a hundred classes that the first request would
   * otherwise load before its handler runs.
   */
  private static void startAVirtualThread() {
    Method start;
    try {
      start = Thread.class.getMethod("startVirtualThread", Runnable.class);
    } catch (NoSuchMethodException e) {
      return; // Java 17-20: the server's executor uses platform threads
    }
    try {
      Thread started = (Thread) start.invoke(null, new Nothing());
      started.join();
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      // Java 19-20 without --enable-preview refuses: the server then uses platform threads too
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Loads and initialises the classes {@code names}; a missing one is skipped. The JDK server's
   * classes are looked up in its module first, which answers null for a class this JDK lacks rather
   * than throwing (two of them are missing on Java 17).
   */
  static void load(String[] names, ClassLoader loader) {
    Module server = HttpServer.class.getModule();
    for (String name : names) {
      try {
        if (name.startsWith("dev.flarec.")) {
          Class.forName(name, true, loader);
        } else if (Class.forName(server, name) != null) {
          Class.forName(name, true, loader);
        }
      } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
        // another JDK's server has other classes; the request loads what it needs itself
      }
    }
  }

  /** The virtual thread's task. A class rather than a lambda, like the rest of the start path. */
  private static final class Nothing implements Runnable {
    @Override
    public void run() {
      // the thread's start is the point
    }
  }

  /**
   * Returns once logging is configured; nothing may be logged before. Rethrows what configuring it
   * threw.
   */
  void awaitLogging() {
    // rather than wait idle while this thread still configures logging, the main one prepares the
    // instance itself, and this thread goes on with the rest
    if (logging.getCount() > 0 && instancePrepared.compareAndSet(false, true)) {
      prepareInstance();
    }
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
