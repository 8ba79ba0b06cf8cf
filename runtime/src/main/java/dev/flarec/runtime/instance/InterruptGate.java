package dev.flarec.runtime.instance;

import dev.flarec.runtime.trap.WasmTrap;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether compiled code has to look at its instance's interrupt flag at all; used when the system
 * property {@link Instance#INTERRUPT_GATE_PROPERTY} is true (the flare server). While no instance
 * in the JVM is interrupted the gate is open: {@link #CHECK} does nothing, and C2, which treats a
 * call site's target as a constant and records a dependency on it, compiles the interrupt check at
 * every loop header and calling function's entry to nothing (C1 does not fold the target: its code
 * calls the empty target). {@link Instance#interrupt()} closes the gate: the new target reads the
 * instance's volatile flag, and changing the target deoptimises every compiled method that inlined
 * the old one, at its next safepoint poll (a loop back-edge or a return), so a running loop reaches
 * the flag. Only the interrupted instance traps; the others run the closed check, as before this
 * gate existed, until the gate opens again and they are recompiled. See
 * docs/RATIONALE.md#why-an-interrupt-gate.
 *
 * <p>The gate opens again once no instance has its flag set, but not sooner than {@link
 * #reopenDelayNanos} after it closed, and that delay doubles at each reopening (up to an hour):
 * each change of target makes the JIT throw away and redo the compiled Wasm code of the whole JVM,
 * and a flare that times out on every request must not make that happen on every request.
 *
 * <p>When this JVM cannot be relied on to poll for safepoints inside counted loops (HotSpot without
 * {@code UseCountedLoopSafepoints}, the default with the Serial and Parallel collectors; a JVMCI
 * compiler; or a JVM this class cannot ask), the gate closes for good as soon as that is known: a
 * deoptimisation would wait for a counted loop nest to finish.
 */
final class InterruptGate {
  private static final MethodType CHECK_TYPE = MethodType.methodType(void.class, Instance.class);

  /** Does nothing: no instance is interrupted. */
  private static final MethodHandle OPEN = MethodHandles.empty(CHECK_TYPE);

  /** Reads the instance's flag. */
  private static final MethodHandle CLOSED;

  private static final MutableCallSite SITE;

  /** The check compiled code runs (through {@link Instance#checkInterrupt}). */
  static final MethodHandle CHECK;

  private static final long FIRST_REOPEN_DELAY_NANOS = 1_000_000_000L;
  private static final long LONGEST_REOPEN_DELAY_NANOS = 3600L * 1_000_000_000L;

  static {
    try {
      CLOSED =
          MethodHandles.lookup().findStatic(InterruptGate.class, "trapIfRequested", CHECK_TYPE);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    SITE = new MutableCallSite(OPEN);
    CHECK = SITE.dynamicInvoker();
  }

  /** Instances whose flag is set; guarded by the class, as are the fields below. */
  private static int raised;

  private static boolean open = true;

  /**
   * Whether the gate may open; null until {@link SafepointPolls} has answered on its own thread
   * (asking costs 50–300 ms of class loading, which a program's first run must not wait for).
   */
  private static Boolean mayOpen;

  private static long closedAt;
  private static long reopenDelayNanos = FIRST_REOPEN_DELAY_NANOS;
  private static boolean reopenScheduled;

  static {
    Thread ask = new Thread(InterruptGate::askAboutPolls, "flarec-interrupt-gate");
    ask.setDaemon(true);
    ask.start();
  }

  private InterruptGate() {}

  private static void askAboutPolls() {
    boolean polls = SafepointPolls.inCountedLoops();
    synchronized (InterruptGate.class) {
      mayOpen = polls;
      if (!polls && open) {
        close();
      } else if (polls) {
        tryToOpen();
      }
    }
  }

  private static void close() {
    retarget(CLOSED);
    open = false;
    closedAt = System.nanoTime();
  }

  /** Sets {@code instance}'s flag, closing the gate first so that whoever sees the flag traps. */
  static synchronized void raise(Instance instance) {
    if (instance.interruptRequested) {
      return;
    }
    if (raised++ == 0 && open) {
      close();
    }
    instance.interruptRequested = true;
  }

  /** Clears {@code instance}'s flag; opens the gate when it was the last one set, if allowed. */
  static synchronized void lower(Instance instance) {
    if (!instance.interruptRequested) {
      return;
    }
    instance.interruptRequested = false;
    if (--raised == 0) {
      tryToOpen();
    }
  }

  /** Opens the gate if nothing is raised and the delay has passed, or tries again later. */
  private static synchronized void tryToOpen() {
    if (raised != 0 || open || !Boolean.TRUE.equals(mayOpen)) {
      return;
    }
    long wait = closedAt + reopenDelayNanos - System.nanoTime();
    if (wait <= 0) {
      retarget(OPEN);
      open = true;
      reopenDelayNanos = Math.min(2 * reopenDelayNanos, LONGEST_REOPEN_DELAY_NANOS);
    } else if (!reopenScheduled) {
      reopenScheduled = true;
      CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS)
          .execute(InterruptGate::scheduledReopen);
    }
  }

  private static synchronized void scheduledReopen() {
    reopenScheduled = false;
    tryToOpen();
  }

  private static void retarget(MethodHandle target) {
    SITE.setTarget(target);
    MutableCallSite.syncAll(new MutableCallSite[] {SITE});
  }

  /** The closed gate's check. */
  private static void trapIfRequested(Instance instance) {
    if (instance.interruptRequested) {
      throw WasmTrap.interrupted();
    }
  }
}
