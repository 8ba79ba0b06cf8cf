package dev.flarec.hostabi.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops invocations that pass their deadline: one daemon thread looks at the armed alarms every
 * {@value #TICK_MILLIS} ms and fires those whose time has come.
 *
 * <p>A scheduled executor would schedule and cancel a task per request, under a lock, and wake its
 * thread whenever its queue was empty, a context switch per request on a small machine. Arming here
 * is adding to a concurrent set; the thread wakes on its own clock while anything is armed and
 * sleeps once nothing has been for a second. Deadlines fire up to one tick late, which a deadline
 * measured in hundreds of milliseconds does not notice.
 */
final class DeadlineWatch implements AutoCloseable {
  static final long TICK_MILLIS = 5;
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** What the watch fires: an invocation's deadline and how to stop it. */
  interface Alarm {
    /** The {@link System#nanoTime} at which to fire. */
    long deadlineNanos();

    void fire();
  }

  private final Set<Alarm> armed = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean sleeping;
  private volatile boolean closed;

  DeadlineWatch() {
    // a class rather than a method reference: this runs while a flare starts
    thread = new Thread(new Watcher(), "flarec-deadline");
    thread.setDaemon(true);
    thread.start();
  }

  void arm(Alarm alarm) {
    armed.add(alarm);
    if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  void disarm(Alarm alarm) {
    armed.remove(alarm);
  }

  /** The watch thread's task. */
  private final class Watcher implements Runnable {
    @Override
    public void run() {
      watch();
    }
  }

  // armed is a concurrent set: removing while iterating is safe
  @SuppressWarnings("ModifyCollectionInEnhancedForLoop")
  private void watch() {
    long idleSince = System.nanoTime();
    while (!closed) {
      long now = System.nanoTime();
      for (Alarm alarm : armed) {
        if (now - alarm.deadlineNanos() >= 0 && armed.remove(alarm)) {
          alarm.fire();
        }
      }
      if (!armed.isEmpty()) {
        idleSince = now;
        LockSupport.parkNanos(this, TICK_NANOS);
      } else if (now - idleSince < IDLE_NANOS) {
        LockSupport.parkNanos(this, TICK_NANOS);
      } else {
        // announce the sleep before the last look, so that arm() either is seen here or unparks
        sleeping = true;
        if (armed.isEmpty() && !closed) {
          LockSupport.park(this);
        }
        sleeping = false;
        idleSince = System.nanoTime();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
  }
}
