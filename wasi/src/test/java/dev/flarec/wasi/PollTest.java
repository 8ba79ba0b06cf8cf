package dev.flarec.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.wasi.abi.Abi.EventType;
import dev.flarec.wasi.abi.Errno;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import org.junit.jupiter.api.Test;

/** {@code poll_oneoff}: sleeping on clocks, and waiting for standard input. */
class PollTest {
  private static final int SUBSCRIPTIONS = Guest.IN;
  private static final int EVENTS = Guest.BUFFER;

  private static void clock(
      Guest guest, int index, long userdata, int clock, long nanos, int flags) {
    int s = SUBSCRIPTIONS + 48 * index;
    guest.putU64(s, userdata);
    guest.memory.bytes[s + 8] = EventType.CLOCK;
    guest.putU32(s + 16, clock);
    guest.putU64(s + 24, nanos);
    guest.putU64(s + 32, 0);
    guest.putU64(s + 40, flags);
  }

  private static void read(Guest guest, int index, long userdata, int fd) {
    int s = SUBSCRIPTIONS + 48 * index;
    guest.putU64(s, userdata);
    guest.memory.bytes[s + 8] = EventType.FD_READ;
    guest.putU32(s + 16, fd);
  }

  @Test
  void aRelativeClockSleepsAtLeastItsTimeout() {
    Guest guest = new Guest(Wasi.builder().build());
    clock(guest, 0, 77, 1, 30_000_000L, 0);
    long start = System.nanoTime();
    guest.ok("poll_oneoff", SUBSCRIPTIONS, EVENTS, 1, Guest.OUT);
    assertTrue(System.nanoTime() - start >= 30_000_000L);
    assertEquals(1, guest.u32(Guest.OUT));
    assertEquals(77, guest.u64(EVENTS));
    assertEquals(Errno.SUCCESS, guest.u16(EVENTS + 8));
    assertEquals(EventType.CLOCK, guest.u8(EVENTS + 10));
  }

  @Test
  void anAbsoluteTimeInThePastFiresAtOnce() {
    Guest guest = new Guest(Wasi.builder().build());
    clock(guest, 0, 1, 0, 1_000_000_000L, 1);
    guest.ok("poll_oneoff", SUBSCRIPTIONS, EVENTS, 1, Guest.OUT);
    assertEquals(1, guest.u32(Guest.OUT));
  }

  @Test
  void inputThatIsThereIsReadyBeforeAnyClock() {
    Guest guest =
        new Guest(Wasi.builder().stdin(new ByteArrayInputStream(new byte[] {1, 2, 3})).build());
    clock(guest, 0, 1, 1, 10_000_000_000L, 0);
    read(guest, 1, 2, 0);
    guest.ok("poll_oneoff", SUBSCRIPTIONS, EVENTS, 2, Guest.OUT);
    assertEquals(1, guest.u32(Guest.OUT));
    assertEquals(2, guest.u64(EVENTS));
    assertEquals(EventType.FD_READ, guest.u8(EVENTS + 10));
    assertEquals(3, guest.u64(EVENTS + 16), "bytes available");
  }

  @Test
  void inputThatArrivesWakesTheWait() throws IOException, InterruptedException {
    PipedOutputStream feed = new PipedOutputStream();
    Guest guest = new Guest(Wasi.builder().stdin(new PipedInputStream(feed)).build());
    clock(guest, 0, 1, 1, 10_000_000_000L, 0);
    read(guest, 1, 2, 0);
    Thread writer =
        new Thread(
            () -> {
              try {
                Thread.sleep(30);
                feed.write('x');
                feed.flush();
              } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
              }
            });
    writer.start();
    long start = System.nanoTime();
    guest.ok("poll_oneoff", SUBSCRIPTIONS, EVENTS, 2, Guest.OUT);
    writer.join();
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "woken by the input, not the clock");
    assertEquals(2, guest.u64(EVENTS));
  }

  @Test
  void aBadDescriptorIsReportedInItsEvent() {
    Guest guest = new Guest(Wasi.builder().build());
    read(guest, 0, 5, 42);
    guest.ok("poll_oneoff", SUBSCRIPTIONS, EVENTS, 1, Guest.OUT);
    assertEquals(Errno.BADF, guest.u16(EVENTS + 8));
  }
}
