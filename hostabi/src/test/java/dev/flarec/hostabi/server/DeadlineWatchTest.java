package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlineWatchTest {
  /** An alarm that counts its firings. */
  private static final class Counted implements DeadlineWatch.Alarm {
    final long deadline;
    final AtomicInteger fired = new AtomicInteger();
    final CountDownLatch firedLatch;

    Counted(long deadline, CountDownLatch firedLatch) {
      this.deadline = deadline;
      this.firedLatch = firedLatch;
    }

    @Override
    public long deadlineNanos() {
      return deadline;
    }

    @Override
    public void fire() {
      fired.incrementAndGet();
      firedLatch.countDown();
    }
  }

  @Test
  void alarmsPastTheirDeadlineFireOnceEvenBeyondTheSlots() throws Exception {
    int count = DeadlineWatch.SLOTS + 10; // the last ones overflow into the set
    CountDownLatch latch = new CountDownLatch(count);
    List<Counted> alarms = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    try (DeadlineWatch watch = new DeadlineWatch()) {
      long now = System.nanoTime();
      for (int i = 0; i < count; i++) {
        // far enough ahead that none fires while the others are still being armed
        Counted alarm = new Counted(now + TimeUnit.MILLISECONDS.toNanos(500), latch);
        alarms.add(alarm);
        slots.add(watch.arm(alarm));
      }
      assertTrue(slots.contains(DeadlineWatch.OVERFLOW), "some alarms overflowed: " + slots);
      assertEquals(
          DeadlineWatch.SLOTS,
          slots.stream().filter(s -> s != DeadlineWatch.OVERFLOW).distinct().count(),
          "every slot used once");
      assertTrue(latch.await(10, TimeUnit.SECONDS), "all alarms fired");
      // disarming after the firing changes nothing, and nothing fires twice
      for (int i = 0; i < count; i++) {
        watch.disarm(alarms.get(i), slots.get(i));
      }
      Thread.sleep(3 * DeadlineWatch.TICK_MILLIS);
      for (Counted alarm : alarms) {
        assertEquals(1, alarm.fired.get());
      }
    }
  }

  @Test
  void disarmedAlarmsFreeTheirSlotsAndTheWatchKeepsFiring() throws Exception {
    CountDownLatch unused = new CountDownLatch(1);
    try (DeadlineWatch watch = new DeadlineWatch()) {
      // three times as many alarms as slots, each disarmed before the next is armed: none
      // overflows, so each disarm gave its slot back
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < DeadlineWatch.SLOTS; i++) {
          Counted alarm = new Counted(System.nanoTime() + TimeUnit.SECONDS.toNanos(10), unused);
          int slot = watch.arm(alarm);
          assertTrue(slot != DeadlineWatch.OVERFLOW, "a slot is free again in round " + round);
          watch.disarm(alarm, slot);
        }
      }
      CountDownLatch fired = new CountDownLatch(1);
      Counted late = new Counted(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30), fired);
      watch.arm(late);
      assertTrue(fired.await(10, TimeUnit.SECONDS), "an alarm armed after them fires");
      assertEquals(1, late.fired.get());
    }
  }
}
