package dev.flarec.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class InterruptionTest {
  /**
   * {@code spin} tells the host it started, then counts forever without a call; {@code count} runs
   * an inner loop of 10,000 iterations (no calls) per call of the host's {@code keepGoing}, until
   * that answers 0; {@code fib} recurses.
   */
  private static final String LOOPS =
      """
      (module
        (import "host" "started" (func $started (result i32)))
        (import "host" "keepGoing" (func $keepGoing (result i32)))
        (func (export "spin") (result i32) (local $n i32)
          (local.set $n (call $started))
          (loop $forever
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $forever))
          (unreachable))
        (func (export "count") (result i32) (local $i i32) (local $sum i32)
          (block $done
            (loop $outer
              (local.set $i (i32.const 0))
              (loop $inner
                (local.set $sum (i32.add (local.get $sum) (local.get $i)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $inner (i32.lt_s (local.get $i) (i32.const 10000))))
              (br_if $outer (call $keepGoing))))
          (local.get $sum))
        (func $fib (export "fib") (param $n i32) (result i32)
          (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
            (then (local.get $n))
            (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                           (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
        (func (export "startedFib") (param $n i32) (result i32)
          (drop (call $started))
          (call $fib (local.get $n))))
      """;

  @Test
  // interrupt() cannot fail; the trap it causes is asserted
  @SuppressWarnings("FutureReturnValueIgnored")
  void aHostCanStopAnEndlessLoopAndCallTheInstanceAgain() {
    Instance instance = Flarec.compile(Corpus.bytes("arithmetic")).load().instantiate();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      timer.schedule(instance::interrupt, 200, TimeUnit.MILLISECONDS);
      WasmTrap trap = assertThrows(WasmTrap.class, () -> instance.function("spin").call());
      assertEquals(TrapKind.INTERRUPTED, trap.kind());
    } finally {
      timer.shutdownNow();
    }
    instance.clearInterrupt();
    assertArrayEquals(new Object[] {6}, instance.function("sum").call(3));
  }

  @Test
  void anInterruptStopsEndlessRecursion() throws Exception {
    CountDownLatch recursing = new CountDownLatch(1);
    IntSupplier started =
        () -> {
          recursing.countDown();
          return 0;
        };
    Imports imports =
        Imports.builder()
            .function("host", "started", FunctionRef.of(started))
            .function("host", "keepGoing", FunctionRef.of(started))
            .build();
    Instance instance = Flarec.compileText(LOOPS).load().instantiate(imports);
    // fib(60) makes about 2^42 calls: it is still running at the interrupt, however slow the
    // machine
    CompletableFuture<Object[]> fib =
        CompletableFuture.supplyAsync(() -> instance.function("startedFib").call(60));
    assertTrue(recursing.await(60, TimeUnit.SECONDS), "fib started");
    instance.interrupt();
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> fib.get(60, TimeUnit.SECONDS));
    WasmTrap trap = assertInstanceOfTrap(failure.getCause());
    assertEquals(TrapKind.INTERRUPTED, trap.kind());
    instance.clearInterrupt();
    assertArrayEquals(new Object[] {55}, instance.function("fib").call(10));
  }

  /**
   * The check is shared by every instance of a module (and C2 may have compiled it away): stopping
   * one instance's loop must neither stop nor upset another instance running the same code.
   */
  @Test
  void interruptingOneInstanceLeavesAnotherOfTheSameModuleRunning() throws Exception {
    CountDownLatch spinning = new CountDownLatch(1);
    CountDownLatch countedAWhile = new CountDownLatch(1);
    AtomicBoolean spinTrapped = new AtomicBoolean();
    AtomicInteger callsAfterTrap = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    IntSupplier started =
        () -> {
          spinning.countDown();
          return 0;
        };
    IntSupplier keepGoing =
        () -> {
          if (calls.incrementAndGet() == 2000) {
            countedAWhile.countDown();
          }
          // keeps counting for 1,000 calls (10 million iterations) after the other one stopped
          return spinTrapped.get() && callsAfterTrap.incrementAndGet() >= 1000 ? 0 : 1;
        };
    Imports imports =
        Imports.builder()
            .function("host", "started", FunctionRef.of(started))
            .function("host", "keepGoing", FunctionRef.of(keepGoing))
            .build();
    Module module = Flarec.compileText(LOOPS).load();
    Instance runaway = module.instantiate(imports);
    Instance counter = module.instantiate(imports);

    // a thread each: the common pool may have a single worker
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Object[]> counting = threads.submit(() -> counter.function("count").call());
      Future<TrapKind> stopped =
          threads.submit(
              () -> {
                try {
                  runaway.function("spin").call();
                  return null;
                } catch (WasmTrap trap) {
                  spinTrapped.set(true);
                  return trap.kind();
                }
              });
      assertTrue(spinning.await(60, TimeUnit.SECONDS), "spin started");
      assertTrue(countedAWhile.await(60, TimeUnit.SECONDS), "count ran");
      runaway.interrupt();
      assertEquals(TrapKind.INTERRUPTED, stopped.get(60, TimeUnit.SECONDS));
      int sum = (int) counting.get(60, TimeUnit.SECONDS)[0];
      int sumPerCall = 10000 * 9999 / 2;
      assertEquals(calls.get() * sumPerCall, sum);
      assertFalse(counter.interruptRequested);
    } finally {
      threads.shutdownNow();
    }
    runaway.clearInterrupt();
  }

  private static WasmTrap assertInstanceOfTrap(Throwable t) {
    assertTrue(t instanceof WasmTrap, "a trap, not " + t);
    return (WasmTrap) t;
  }
}
