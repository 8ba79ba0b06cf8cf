package dev.flarec.hostabi.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.config.FlareConfig.Isolation;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.server.RunningServer;
import dev.flarec.runtime.instance.Module;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool's life cycle of instances, without HTTP. */
class InstancePoolTest {
  @TempDir Path data;

  private HostServices services;
  private final Module probe = RunningServer.probe();

  @BeforeEach
  void services() {
    services =
        HostServices.create(
            new ServerConfig(0, "test", 0, data, null, Map.of(), FlareConfig.defaults("probe")));
  }

  @AfterEach
  void close() {
    services.close();
  }

  private InstancePool pool(int max, Isolation isolation, long recycleBytes) {
    return new InstancePool(
        () -> FlareInstance.create(probe, services, 1024, isolation == Isolation.RESET),
        max,
        isolation,
        recycleBytes);
  }

  @Test
  void aReleasedInstanceIsHandedOutAgainAfterItsReset() throws Exception {
    InstancePool pool = pool(2, Isolation.RESET, Long.MAX_VALUE);
    FlareInstance a = pool.acquire(Duration.ZERO);
    a.guest().memory().writeByte(0x20100, (byte) 42); // as a guest store or host write would
    assertEquals(1, pool.busy());
    pool.release(a, true);
    FlareInstance again = pool.acquire(Duration.ZERO);
    assertSame(a, again);
    assertEquals(0, again.guest().memory().bytes[0x20100], "restored to the snapshot");
    assertEquals(1, pool.created());
  }

  @Test
  void anUnhealthyInstanceIsDiscarded() throws Exception {
    InstancePool pool = pool(1, Isolation.RESET, Long.MAX_VALUE);
    FlareInstance a = pool.acquire(Duration.ZERO);
    pool.release(a, false);
    assertNotSame(a, pool.acquire(Duration.ZERO));
    assertEquals(1, pool.discarded());
  }

  @Test
  void atMostMaxInstancesExistAndAWaiterTimesOut() throws Exception {
    InstancePool pool = pool(1, Isolation.RESET, Long.MAX_VALUE);
    FlareInstance a = pool.acquire(Duration.ZERO);
    assertNull(pool.acquire(Duration.ofMillis(50)));
    pool.release(a, true);
    assertSame(a, pool.acquire(Duration.ofMillis(50)));
  }

  @Test
  void aWaiterIsServedBeforeANewcomerThatFindsItWaiting() throws Exception {
    InstancePool pool = pool(1, Isolation.RESET, Long.MAX_VALUE);
    FlareInstance a = pool.acquire(Duration.ZERO);
    CompletableFuture<FlareInstance> waiter =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return pool.acquire(Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    while (pool.waiting() == 0) {
      Thread.onSpinWait();
    }
    pool.release(a, true);
    // the permit just given back is the waiter's: the newcomer queues behind it and, not
    // willing to wait, goes without
    assertNull(pool.acquire(Duration.ZERO));
    assertSame(a, waiter.get(30, TimeUnit.SECONDS));
    assertEquals(1, pool.busy());
    assertEquals(0, pool.waiting());
  }

  @Test
  void manyThreadsNeverHoldMoreThanMaxInstancesAndAllAreServed() throws Exception {
    InstancePool pool = pool(2, Isolation.REUSE, Long.MAX_VALUE);
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger mostHeld = new AtomicInteger();
    AtomicInteger served = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 300; i++) {
                    FlareInstance instance = pool.acquire(Duration.ofSeconds(30));
                    assertNotNull(instance);
                    mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    Thread.yield();
                    holding.decrementAndGet();
                    pool.release(instance, true);
                    served.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(1800, served.get());
    assertTrue(mostHeld.get() <= 2, "held at once: " + mostHeld.get());
    assertTrue(pool.created() <= 2, "created: " + pool.created());
    assertEquals(0, pool.busy());
  }

  @Test
  void reuseKeepsMemoryUntilTheRecycleThreshold() throws Exception {
    InstancePool pool = pool(1, Isolation.REUSE, 4 * 65536);
    FlareInstance a = pool.acquire(Duration.ZERO);
    a.guest().memory().writeByte(0x20100, (byte) 42); // as a guest store or host write would
    pool.release(a, true);
    FlareInstance same = pool.acquire(Duration.ZERO);
    assertSame(a, same);
    assertEquals(42, same.guest().memory().bytes[0x20100], "reuse: no reset");
    same.guest().memory().grow(1); // 4 pages: at the threshold
    pool.release(same, true);
    assertNotSame(a, pool.acquire(Duration.ZERO));
  }

  @Test
  void aFailingFactoryGivesItsPermitBack() throws Exception {
    InstancePool pool =
        new InstancePool(
            () -> {
              throw new IllegalStateException("cannot");
            },
            1,
            Isolation.RESET,
            Long.MAX_VALUE);
    assertThrows(IllegalStateException.class, () -> pool.acquire(Duration.ZERO));
    assertThrows(IllegalStateException.class, () -> pool.acquire(Duration.ZERO), "not 'busy'");
  }

  @Test
  void theMemoryCapIsTheInstancesMaximum() {
    FlareInstance small = FlareInstance.create(probe, services, 4, true);
    assertEquals(4, small.guest().memory().maxPages());
    assertEquals(3, small.guest().memory().grow(1));
    assertEquals(-1, small.guest().memory().grow(1));
    assertTrue(small.hasHandleRequest());
  }
}
