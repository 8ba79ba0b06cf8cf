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
  private final int maxInstances;
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
    this.maxInstances = maxInstances;
    this.permits = new Semaphore(maxInstances, true);
  }

  /**
   * An instance for one invocation, waiting up to {@code wait} for one to be free.
   *
   * <p>A free permit is taken straight away unless someone is already waiting, in which case the
   * caller queues behind them (first come, first served among waiters; see
   * docs/RATIONALE.md#why-the-pool-takes-a-free-instance-without-queueing). The waiting path is a
   * method of its own, so that the JIT compiles the request path without it until it is needed.
   *
   * @return the instance, or null when none became free in time or the pool is closed
   * @throws RuntimeException whatever creating an instance threw (the permit is given back)
   */
  public FlareInstance acquire(Duration wait) throws InterruptedException {
    if (closed) {
      return null;
    }
    // tryAcquire() without a timeout takes a free permit even on a fair semaphore: only when
    // nobody queues, so that a newcomer never overtakes a waiter
    if (permits.hasQueuedThreads() || !permits.tryAcquire()) {
      if (!awaitPermit(wait)) {
        return null;
      }
    }
    FlareInstance instance;
    synchronized (idle) {
      instance = idle.pollFirst();
    }
    return instance != null ? instance : create();
  }

  /** Waits in line for a permit, up to {@code wait}. */
  private boolean awaitPermit(Duration wait) throws InterruptedException {
    return permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** A new instance under a permit already taken, which goes back if creating fails. */
  private FlareInstance create() {
    try {
      FlareInstance instance = factory.get();
      created.incrementAndGet();
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
      permits.release();
    }
  }

  /** Instances waiting for an invocation. */
  public int idle() {
    synchronized (idle) {
      return idle.size();
    }
  }

  /**
   * Instances running an invocation now (or being created for one): the permits taken. Read from
   * the semaphore rather than counted, which would be two more atomic updates per request.
   */
  public int busy() {
    return maxInstances - permits.availablePermits();
  }

  /** Requests waiting for an instance now (an estimate, as the JDK's queue length is). */
  public int waiting() {
    return permits.getQueueLength();
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
