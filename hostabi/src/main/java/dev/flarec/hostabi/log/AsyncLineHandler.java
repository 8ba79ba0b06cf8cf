package dev.flarec.hostabi.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A log handler that leaves writing to a thread of its own, which writes and flushes in batches.
 * The publishing thread formats its line and encodes it to UTF-8 in {@link #publish}, while the
 * record's values are still in its core's cache; the writer only copies the bytes. Formatting on
 * the writer instead cost more CPU in all: it read every value of every line from the other core
 * (docs/RATIONALE.md, "Why the publishing thread formats its own log line"). Request threads never
 * wait for a write and flush of the log stream (the server logs two lines per request), nor wake
 * the writer.
 *
 * <p>Nothing is dropped: when the queue is full, the caller waits for room. {@link #flush()}
 * returns once everything published before it is written; {@link #close()} drains and stops.
 */
public final class AsyncLineHandler extends Handler {
  private static final int CAPACITY = 8192;
  private static final byte[] STOP = new byte[0]; // identity marks the end

  private final BlockingQueue<byte[]> lines = new ArrayBlockingQueue<>(CAPACITY);
  private final OutputStream out;
  // a batch's lines as UTF-8, handed to the stream in one write: a Writer would encode through
  // its own buffers and call the stream several times per batch
  private final ByteArrayOutputStream batchBytes = new ByteArrayOutputStream(64 * 1024);
  private final Thread writer;
  private final Object drained = new Object();
  // flush() queues a mark (an empty array: no formatted line is empty) and waits until the writer
  // has written everything before it: no count that every published line would have to bump
  private final Object flushOrder = new Object();
  private long marksQueued; // guarded by flushOrder
  private long marksWritten; // guarded by drained
  private volatile boolean closed;

  public AsyncLineHandler(OutputStream stream) {
    this.out = stream;
    // a class rather than a method reference: this runs while a flare starts
    this.writer = new Thread(new Drainer(), "flarec-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** The writer thread's task. */
  private final class Drainer implements Runnable {
    @Override
    public void run() {
      drain();
    }
  }

  @Override
  public void publish(LogRecord record) {
    if (closed || !isLoggable(record)) {
      return;
    }
    enqueue(encode(record));
  }

  /**
   * Publishes {@code line}, logged by {@code logger} at {@code level}, without a {@link LogRecord}:
   * the route {@link DirectRoute} takes for the flare server's own lines. Formatted as {@link
   * #publish} formats a record carrying it.
   *
   * @return false, with nothing written, when this handler would not take it that way (closed, a
   *     filter or a formatter other than {@link LineFormatter} set, or the level below its own):
   *     the caller logs the line through {@code java.util.logging} instead
   */
  boolean publish(LogLine line, Level level, String logger) {
    if (closed
        || getFilter() != null
        || level.intValue() < getLevel().intValue()
        || !(getFormatter() instanceof LineFormatter formatter)) {
      return false;
    }
    StringBuilder text = new StringBuilder(256);
    byte[] bytes;
    try {
      formatter.formatTo(System.currentTimeMillis(), level, logger, line, text);
      bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      reportError("cannot format a log line", e, java.util.logging.ErrorManager.FORMAT_FAILURE);
      return true;
    }
    enqueue(bytes);
    return true;
  }

  /** Hands an encoded line to the writer; null (a line that failed to format) is skipped. */
  private void enqueue(byte[] line) {
    if (line == null) {
      return;
    }
    // offer first: put's interruptible lock checks the thread's interrupt status, which showed
    // in the request threads' profile; the queue is hardly ever full
    if (lines.offer(line)) {
      return;
    }
    try {
      lines.put(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Writes what has queued up, in batches, and flushes after each batch. It polls rather than
   * blocks on the queue: a blocked consumer would have to be woken (a futex call) for every line
   * published, twice per request under load.
   */
  @SuppressWarnings("ReferenceEquality") // STOP is a marker, told apart by identity
  private void drain() {
    java.util.List<byte[]> batch = new java.util.ArrayList<>(BATCH);
    try {
      while (true) {
        lines.drainTo(batch, BATCH);
        if (batch.isEmpty()) {
          Thread.sleep(IDLE_POLL_MILLIS);
          continue;
        }
        boolean stop = false;
        int marks = 0;
        for (byte[] line : batch) {
          if (line == STOP) {
            stop = true;
            break;
          }
          if (line.length == 0) {
            marks++;
          }
          batchBytes.write(line, 0, line.length);
        }
        batchBytes.writeTo(out);
        batchBytes.reset();
        out.flush();
        synchronized (drained) {
          marksWritten += marks;
          drained.notifyAll();
        }
        boolean full = batch.size() == BATCH;
        batch.clear();
        if (stop) {
          break;
        }
        if (!full) {
          // let lines gather: under load a write every few milliseconds rather than one per few
          // lines
          Thread.sleep(BATCH_GATHER_MILLIS);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
  }

  /**
   * The record's line as UTF-8, or null if the formatter fails (that costs the line, not the
   * caller).
   */
  private byte[] encode(LogRecord record) {
    StringBuilder text = new StringBuilder(256);
    try {
      if (getFormatter() instanceof LineFormatter formatter) {
        formatter.formatTo(record, text);
      } else {
        text.append(getFormatter().format(record));
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      reportError("cannot format a log record", e, java.util.logging.ErrorManager.FORMAT_FAILURE);
      return null;
    }
  }

  /**
   * How long the writer lets lines gather after a batch that did not fill. Each batch costs the
   * writer a wake-up and a {@code write}, paid per request when batches are small: at 1 ms, a
   * server answering 15,000 requests a second woke its writer a thousand times a second for 30
   * lines each time. The price is that a line shows up in the log a few milliseconds later.
   */
  private static final long BATCH_GATHER_MILLIS = 4;

  /** The most lines written at once; a full batch is followed at once by the next. */
  private static final int BATCH = 1024;

  /** How long the writer sleeps when there is nothing to write: the most a line waits. */
  private static final long IDLE_POLL_MILLIS = 5;

  /** Waits until every line published so far is written and flushed. */
  @Override
  public void flush() {
    if (closed || !writer.isAlive()) {
      return; // a stopped writer writes nothing more: nothing to wait for
    }
    long target;
    synchronized (flushOrder) {
      target = ++marksQueued;
      enqueue(new byte[0]);
    }
    synchronized (drained) {
      while (marksWritten < target && writer.isAlive()) {
        try {
          drained.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    flush();
    closed = true;
    lines.offer(STOP);
    try {
      writer.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
