package dev.flarec.hostabi.pool;

import dev.flarec.hostabi.config.FlareConfig.Isolation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The instances of one flare: at most {@code maxInstances} exist at once, idle ones wait in a stack
 * (the most recently used first, as its memory is the likeliest in cache), and new ones are created
 * on demand by the requesting thread.
 *
 * <p>Life cycle of an instance (flaron-abi.md §8 decision 12): {@link #acquire} hands it out;
 * {@link #release} with {@code healthy = false} (a trap, a deadline, a host error) discards it; a
 * healthy one is reset to its snapshot (isolation {@code reset}) or, with {@code reuse}, kept as it
 * is unless its memory has grown to the recycle threshold. Thread-safe.
 */
public final class InstancePool implements AutoCloseable {
  private final Supplier<FlareInstance> factory;
  private final Isolation isolation;
  private final long recycleMemoryBytes;
  private final Semaphore permits;
  private final Deque<FlareInstance> idle = new ArrayDeque<>();
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger discarded = new AtomicInteger();
  private final AtomicInteger busy = new AtomicInteger();
  private volatile boolean closed;

  /**
   * @param factory creates an instance, with a snapshot when isolation is {@code reset}
   * @param maxInstances how many instances may exist at once
   * @param recycleMemoryBytes isolation {@code reuse}: the memory size at which an instance is
   *     discarded after its invocation
   */
  public InstancePool(
      Supplier<FlareInstance> factory,
      int maxInstances,
      Isolation isolation,
      long recycleMemoryBytes) {
    this.factory = factory;
    this.isolation = isolation;
    this.recycleMemoryBytes = recycleMemoryBytes;
    this.permits = new Semaphore(maxInstances, true);
  }

  /**
   * An instance for one invocation, waiting up to {@code wait} for one to be free.
   *
   * @return the instance, or null when none became free in time or the pool is closed
   * @throws RuntimeException whatever creating an instance threw (the permit is given back)
   */
  public FlareInstance acquire(Duration wait) throws InterruptedException {
    if (closed || !permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
      return null;
    }
    FlareInstance instance;
    synchronized (idle) {
      instance = idle.pollFirst();
    }
    if (instance != null) {
      busy.incrementAndGet();
      return instance;
    }
    try {
      instance = factory.get();
      created.incrementAndGet();
      busy.incrementAndGet();
      return instance;
    } catch (RuntimeException | Error e) {
      permits.release();
      throw e;
    }
  }

  /**
   * Gives {@code instance} back after its invocation.
   *
   * @param healthy false after a trap, a deadline or a host error: the instance is discarded
   */
  public void release(FlareInstance instance, boolean healthy) {
    try {
      boolean keep = healthy && !closed;
      if (keep && isolation == Isolation.RESET) {
        instance.reset();
      } else if (keep && instance.memoryBytes() >= recycleMemoryBytes) {
        keep = false;
      }
      if (keep) {
        synchronized (idle) {
          idle.addFirst(instance);
        }
      } else {
        discarded.incrementAndGet();
      }
    } finally {
      busy.decrementAndGet();
      permits.release();
    }
  }

  /** Instances waiting for an invocation. */
  public int idle() {
    synchronized (idle) {
      return idle.size();
    }
  }

  /** Instances running an invocation now. */
  public int busy() {
    return busy.get();
  }

  /** Instances created so far, for monitoring and tests. */
  public int created() {
    return created.get();
  }

  /** Instances discarded so far (traps, deadlines, recycling). */
  public int discarded() {
    return discarded.get();
  }

  /** Drops the idle instances; instances released later are dropped too. */
  @Override
  public void close() {
    closed = true;
    synchronized (idle) {
      idle.clear();
    }
  }
}
