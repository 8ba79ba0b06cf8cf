package dev.flarec.hostabi.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops invocations that pass their deadline: one daemon thread looks at the armed alarms every
 * {@value #TICK_MILLIS} ms and fires those whose time has come.
 *
 * <p>A scheduled executor would schedule and cancel a task per request, under a lock, and wake its
 * thread whenever its queue was empty, a context switch per request on a small machine. Arming here
 * takes a free slot of a small array with one compare-and-set, and disarming gives it back with
 * another: no allocation, and none of a concurrent map's rarely taken paths (resizing, contended
 * bins), each of which once taken made the JIT throw away and recompile the request path it was
 * inlined into (docs/benchmarks.md, 2026-12-04). More invocations than slots at once (WebSocket
 * connections) overflow into a concurrent set. The thread wakes on its own clock while anything is
 * armed and sleeps once nothing has been for a second. Deadlines fire up to one tick late, which a
 * deadline measured in hundreds of milliseconds does not notice.
 */
final class DeadlineWatch implements AutoCloseable {
  static final long TICK_MILLIS = 5;
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** Slots for armed alarms: more than the instances a server on a small machine runs at once. */
  static final int SLOTS = 64;

  /** What {@link #arm} returns when the alarm went to the overflow set. */
  static final int OVERFLOW = -1;

  /** What the watch fires: an invocation's deadline and how to stop it. */
  interface Alarm {
    /** The {@link System#nanoTime} at which to fire. */
    long deadlineNanos();

    void fire();
  }

  private final AtomicReferenceArray<Alarm> slots = new AtomicReferenceArray<>(SLOTS);
  private final Set<Alarm> overflow = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean sleeping;
  private volatile boolean closed;

  DeadlineWatch() {
    // a class rather than a method reference: this runs while a flare starts
    thread = new Thread(new Watcher(), "flarec-deadline");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Arms {@code alarm}; returns where it went, for {@link #disarm}. Each slot is tried once,
   * starting at a random one (concurrent callers rarely meet), before the overflow set.
   */
  int arm(Alarm alarm) {
    int slot = armInSlot(alarm);
    if (slot == OVERFLOW) {
      overflow.add(alarm);
    }
    if (sleeping) {
      LockSupport.unpark(thread);
    }
    return slot;
  }

  private int armInSlot(Alarm alarm) {
    int start = ThreadLocalRandom.current().nextInt(SLOTS);
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) & (SLOTS - 1);
      if (slots.get(slot) == null && slots.compareAndSet(slot, null, alarm)) {
        return slot;
      }
    }
    return OVERFLOW;
  }

  /** The watch thread's task. */
  private final class Watcher implements Runnable {
    @Override
    public void run() {
      watch();
    }
  }

  /** Takes {@code alarm}, armed at {@code slot}, off the watch, unless it has already fired. */
  void disarm(Alarm alarm, int slot) {
    if (slot == OVERFLOW) {
      overflow.remove(alarm);
    } else {
      slots.compareAndSet(slot, alarm, null);
    }
  }

  // overflow is a concurrent set: removing while iterating is safe
  @SuppressWarnings("ModifyCollectionInEnhancedForLoop")
  private void watch() {
    long idleSince = System.nanoTime();
    while (!closed) {
      long now = System.nanoTime();
      boolean anyArmed = false;
      for (int slot = 0; slot < SLOTS; slot++) {
        Alarm alarm = slots.get(slot);
        if (alarm != null) {
          anyArmed = true;
          // whoever takes the alarm out of its slot, this thread or disarm, decides
          if (now - alarm.deadlineNanos() >= 0 && slots.compareAndSet(slot, alarm, null)) {
            alarm.fire();
          }
        }
      }
      for (Alarm alarm : overflow) {
        anyArmed = true;
        if (now - alarm.deadlineNanos() >= 0 && overflow.remove(alarm)) {
          alarm.fire();
        }
      }
      if (anyArmed) {
        idleSince = now;
        LockSupport.parkNanos(this, TICK_NANOS);
      } else if (now - idleSince < IDLE_NANOS) {
        LockSupport.parkNanos(this, TICK_NANOS);
      } else {
        // announce the sleep before the last look, so that arm() either is seen here or unparks
        sleeping = true;
        if (!armed() && !closed) {
          LockSupport.park(this);
        }
        sleeping = false;
        idleSince = System.nanoTime();
      }
    }
  }

  private boolean armed() {
    for (int slot = 0; slot < SLOTS; slot++) {
      if (slots.get(slot) != null) {
        return true;
      }
    }
    return !overflow.isEmpty();
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
  }
}
