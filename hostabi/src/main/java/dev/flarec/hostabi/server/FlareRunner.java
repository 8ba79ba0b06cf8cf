package dev.flarec.hostabi.server;

import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.metrics.ServerMetrics;
import dev.flarec.hostabi.pool.FlareInstance;
import dev.flarec.hostabi.pool.InstancePool;
import dev.flarec.hostabi.pool.WebSocketEntry;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code handle_request} on a pooled instance under the invocation's deadline, and says how it
 * ended. The {@link DeadlineWatch} interrupts the instance at the deadline; compiled code notices
 * at its next loop back-edge or call and traps with "interrupted" (see
 * docs/RATIONALE.md#why-an-interrupt-gate). Whatever happens, the instance goes back to the pool:
 * reset or kept after a normal end, discarded after anything else.
 */
final class FlareRunner {
  /** How an invocation ended. */
  sealed interface Outcome {
    /** {@code handle_request} returned {@code word}. */
    record Returned(long word) implements Outcome {}

    /** The guest trapped (not because of the deadline). */
    record Trapped(WasmTrap trap) implements Outcome {}

    /** The deadline passed and the guest was stopped. */
    record DeadlineExceeded(Duration deadline) implements Outcome {}

    /** No instance became free in time. */
    record Busy() implements Outcome {}

    /** The flare has no {@code handle_request} of the right type. */
    record NoEntryPoint() implements Outcome {}

    /** The host failed: a bug, or an instance that could not be created. */
    record HostError(Throwable error) implements Outcome {}
  }

  private final InstancePool pool;
  private final DeadlineWatch watch;
  private final ServerMetrics metrics;
  private final long memoryCapBytes;

  FlareRunner(InstancePool pool, DeadlineWatch watch, ServerMetrics metrics, long memoryCapBytes) {
    this.pool = pool;
    this.watch = watch;
    this.metrics = metrics;
    this.memoryCapBytes = memoryCapBytes;
  }

  Outcome run(Invocation invocation) {
    Duration deadline = invocation.limits().limits().deadline();
    long start = System.nanoTime();
    FlareInstance instance;
    try {
      // waiting for an instance counts against the deadline: the client's clock is running
      instance = pool.acquire(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Busy();
    } catch (RuntimeException | Error e) {
      return new Outcome.HostError(e);
    }
    if (instance == null) {
      return new Outcome.Busy();
    }
    if (!instance.hasHandleRequest()) {
      pool.release(instance, true);
      return new Outcome.NoEntryPoint();
    }
    // waiting for the instance used part of the deadline: the alarm is set from the start
    Alarm alarm = new Alarm(instance, start + deadline.toNanos());
    alarm.slot = watch.arm(alarm);
    boolean healthy = false;
    try {
      long word = instance.handleRequest(invocation);
      healthy = true;
      return new Outcome.Returned(word);
    } catch (WasmTrap trap) {
      return trapped(trap, alarm, deadline);
    } catch (RuntimeException | Error e) {
      return new Outcome.HostError(e);
    } finally {
      // after this the alarm can no longer touch the instance, which may serve another request
      // as soon as it is released
      ended(instance, alarm);
      pool.release(instance, healthy);
    }
  }

  /**
   * Runs one WebSocket event on its connection's own instance under the invocation's deadline (the
   * isolation rules of the HTTP path, per event). The caller keeps the instance after {@link
   * Outcome.Returned} (whose word is 0) and must drop it after anything else.
   */
  Outcome runEvent(FlareInstance instance, WebSocketEntry entry, Invocation invocation) {
    Duration deadline = invocation.limits().limits().deadline();
    Alarm alarm = new Alarm(instance, System.nanoTime() + deadline.toNanos());
    alarm.slot = watch.arm(alarm);
    try {
      instance.webSocketEvent(entry, invocation);
      return new Outcome.Returned(0);
    } catch (WasmTrap trap) {
      return trapped(trap, alarm, deadline);
    } catch (RuntimeException | Error e) {
      return new Outcome.HostError(e);
    } finally {
      ended(instance, alarm);
    }
  }

  /** A trap is the deadline's when the alarm fired and interrupted the instance. */
  private static Outcome trapped(WasmTrap trap, Alarm alarm, Duration deadline) {
    if (alarm.fired() && trap.kind() == TrapKind.INTERRUPTED) {
      return new Outcome.DeadlineExceeded(deadline);
    }
    return new Outcome.Trapped(trap);
  }

  /** Ends an invocation: its alarm is off for good, and a memory cap it reached is counted. */
  private void ended(FlareInstance instance, Alarm alarm) {
    watch.disarm(alarm, alarm.slot);
    alarm.disarm();
    if (alarm.fired()) {
      // even when the instance is thrown away: while an interrupt is set anywhere, the compiled
      // code of every instance checks its flag (the runtime's InterruptGate)
      instance.clearInterrupt();
    }
    if (instance.memoryBytes() >= memoryCapBytes) {
      // memory.grow returns -1 at the cap without trapping: this is the only place it shows
      metrics.memoryCapHit();
    }
  }

  /**
   * Interrupts the instance at the deadline, unless the invocation ended first. One compare-and-set
   * decides which came first, instead of a lock taken three times per request.
   */
  private static final class Alarm implements DeadlineWatch.Alarm {
    private static final int ARMED = 0;
    private static final int FIRING = 1;
    private static final int FIRED = 2;
    private static final int DISARMED = 3;

    private final FlareInstance instance;
    private final long deadlineNanos;
    private final AtomicInteger state = new AtomicInteger(ARMED);

    /** Where the watch keeps it ({@link DeadlineWatch#arm}); set by the invocation's thread. */
    int slot;

    Alarm(FlareInstance instance, long deadlineNanos) {
      this.instance = instance;
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public long deadlineNanos() {
      return deadlineNanos;
    }

    @Override
    public void fire() {
      if (state.compareAndSet(ARMED, FIRING)) {
        instance.interrupt();
        state.set(FIRED);
      }
    }

    /**
     * After this the alarm never touches the instance again: when it is firing, wait for the
     * interrupt to land, so that it cannot reach the instance's next invocation.
     */
    void disarm() {
      if (!state.compareAndSet(ARMED, DISARMED)) {
        while (state.get() == FIRING) {
          Thread.onSpinWait();
        }
      }
    }

    /** Whether the deadline came first (the interrupt may still be landing). */
    boolean fired() {
      int now = state.get();
      return now == FIRING || now == FIRED;
    }
  }
}
