package dev.flarec.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.WasiExit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Clocks, random bytes, the process functions and the unsupported socket functions. */
class ClocksRandomProcTest {
  private static final Instant MOMENT = Instant.parse("2024-02-29T12:00:00.123456789Z");

  private final Guest guest =
      new Guest(
          Wasi.builder().clock(Clock.fixed(MOMENT, ZoneOffset.UTC)).random(new Random(42)).build());

  private void errno(int expected, int actual) {
    assertEquals(Errno.name(expected), Errno.name(actual));
  }

  @Test
  void wallClockIsTheBuildersClock() {
    guest.ok("clock_time_get", 0, 1L, Guest.OUT);
    assertEquals(MOMENT.getEpochSecond() * 1_000_000_000L + MOMENT.getNano(), guest.u64(Guest.OUT));
    guest.ok("clock_res_get", 0, Guest.OUT);
    assertEquals(1_000, guest.u64(Guest.OUT));
  }

  @Test
  void monotonicClockNeverGoesBack() throws InterruptedException {
    guest.ok("clock_time_get", 1, 0L, Guest.OUT);
    long first = guest.u64(Guest.OUT);
    Thread.sleep(5);
    guest.ok("clock_time_get", 1, 0L, Guest.OUT);
    long second = guest.u64(Guest.OUT);
    assertTrue(first >= 0 && second - first >= 5_000_000L, first + " then " + second);
  }

  @Test
  void cpuClocksAndUnknownClocks() {
    errno(Errno.NOTSUP, guest.call("clock_time_get", 3, 0L, Guest.OUT));
    errno(Errno.INVAL, guest.call("clock_time_get", 4, 0L, Guest.OUT));
    errno(Errno.INVAL, guest.call("clock_res_get", -1, Guest.OUT));
    int process = guest.call("clock_time_get", 2, 0L, Guest.OUT);
    assertTrue(process == Errno.SUCCESS || process == Errno.NOTSUP, Errno.name(process));
  }

  @Test
  void randomBytesComeFromTheBuildersSource() {
    guest.ok("random_get", Guest.BUFFER, 90_000);
    byte[] expected = new byte[65536];
    new Random(42).nextBytes(expected);
    assertArrayEquals(
        expected, Arrays.copyOfRange(guest.memory.bytes, Guest.BUFFER, Guest.BUFFER + 65536));
    guest.ok("random_get", Guest.BUFFER, 0);
  }

  @Test
  void procExitUnwindsWithItsStatus() {
    WasiExit exit =
        assertThrows(WasiExit.class, () -> guest.wasi.function("proc_exit").handle().invoke(7));
    assertEquals(7, exit.status());
    errno(Errno.NOSYS, guest.call("proc_raise", 9));
    guest.ok("sched_yield");
  }

  @Test
  void socketsAreNotSupported() {
    errno(Errno.NOTSUP, guest.call("sock_accept", 0, 0, Guest.OUT));
    errno(Errno.NOTSUP, guest.call("sock_recv", 0, Guest.IN, 1, 0, Guest.OUT, Guest.OUT + 4));
    errno(Errno.NOTSUP, guest.call("sock_send", 1, Guest.IN, 1, 0, Guest.OUT));
    errno(Errno.NOTSUP, guest.call("sock_shutdown", 1, 2));
    errno(Errno.BADF, guest.call("sock_shutdown", 9, 2));
  }
}
