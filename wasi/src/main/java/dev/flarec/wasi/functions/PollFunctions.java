package dev.flarec.wasi.functions;

import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.wasi.abi.Abi.ClockId;
import dev.flarec.wasi.abi.Abi.EventType;
import dev.flarec.wasi.abi.Abi.SubclockFlags;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.abi.Layout.Event;
import dev.flarec.wasi.abi.Layout.Subscription;
import dev.flarec.wasi.fd.Descriptor;
import dev.flarec.wasi.fd.InputStreamDescriptor;
import dev.flarec.wasi.fd.RegularFileDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Waiting ({@code poll_oneoff}): for clocks, which is how the C library sleeps, and for descriptors
 * to become readable or writable.
 *
 * <p>Files and output streams are always ready. Standard input is a Java {@link
 * java.io.InputStream}, which can say how much is available but cannot be waited on: with a
 * timeout, input is checked every few milliseconds until it arrives or the time is up; without one,
 * input is reported ready at once and the guest's read then blocks, which is what it was going to
 * do. A long sleep wakes regularly to notice {@link Instance#interrupt()}.
 */
final class PollFunctions {
  private static final long INPUT_CHECK_NANOS = 5_000_000;
  private static final long INTERRUPT_CHECK_NANOS = 50_000_000;

  private final WasiContext context;

  PollFunctions(WasiContext context) {
    this.context = context;
  }

  /** One subscription, decoded; {@code deadline} is on the monotonic clock, for clocks only. */
  private record Wait(long userdata, int type, int fd, long deadline) {}

  /** One event to report. */
  private record Ready(long userdata, int error, int type, long bytes) {}

  /**
   * Waits until at least one subscription is satisfied and reports those that are.
   *
   * <p>Parameters: {@code subscriptionsAddress} — an array of {@code count} {@code subscription}s
   * (48 bytes each: {@code userdata u64}; tag {@code u8} at 8: clock (0), fd_read (1), fd_write
   * (2); for a clock at 16 {@code id u32}, at 24 {@code timeout u64} nanoseconds, at 32 {@code
   * precision u64}, at 40 {@code flags u16} with 1 for an absolute time; for a descriptor at 16
   * {@code fd u32}); {@code eventsAddress} — an array with room for {@code count} {@code event}s
   * (32 bytes each); {@code count} — the number of subscriptions; {@code countAddress} — where to
   * write the number of events ({@code u32}).
   *
   * <p>Errno: {@code success}; {@code inval} if {@code count} is 0 or a tag is unknown; {@code
   * fault} if an array or {@code countAddress} lies outside memory; {@code intr} if the thread was
   * interrupted. Per-subscription failures are reported in their event's {@code error}: {@code
   * badf} for a descriptor that is not open (or not readable), {@code inval} for an unknown clock,
   * {@code notsup} for the CPU-time clocks.
   *
   * <p>Guest memory: the events ({@code userdata u64}, {@code error u16} at 8, {@code type u8} at
   * 10, for descriptors {@code nbytes u64} at 16 — the bytes readable, 0 when unknown — and {@code
   * flags u16} at 24) and their count.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code poll_oneoff}.
   */
  int pollOneoff(int subscriptionsAddress, int eventsAddress, int count, int countAddress) {
    try {
      GuestMemory memory = context.memory();
      if (count == 0) {
        throw ErrnoException.of(Errno.INVAL);
      }
      memory.checkArray(subscriptionsAddress, count, Subscription.SIZE);
      memory.checkArray(eventsAddress, count, Event.SIZE);
      memory.check(countAddress, 4);
      long now = context.monotonicNanos();
      List<Ready> ready = new ArrayList<>();
      List<Wait> clocks = new ArrayList<>();
      List<Wait> inputs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int s = subscriptionsAddress + i * Subscription.SIZE;
        long userdata = memory.u64(s + Subscription.USERDATA);
        int type = memory.u8(s + Subscription.TAG);
        switch (type) {
          case EventType.CLOCK -> clock(memory, s, userdata, now, clocks, ready);
          case EventType.FD_READ, EventType.FD_WRITE -> {
            int fd = memory.u32(s + Subscription.FD);
            descriptor(new Wait(userdata, type, fd, 0), inputs, ready);
          }
          default -> throw ErrnoException.of(Errno.INVAL);
        }
      }
      if (ready.isEmpty()) {
        if (clocks.isEmpty()) {
          for (Wait input : inputs) {
            ready.add(new Ready(input.userdata(), Errno.SUCCESS, input.type(), 0));
          }
        } else {
          waitForClockOrInput(clocks, inputs, ready);
        }
      }
      for (int i = 0; i < ready.size(); i++) {
        write(memory, eventsAddress + i * Event.SIZE, ready.get(i));
      }
      memory.putU32(countAddress, ready.size());
      return Errno.SUCCESS;
    } catch (IOException | RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  private void clock(
      GuestMemory memory, int s, long userdata, long now, List<Wait> clocks, List<Ready> ready) {
    int id = memory.u32(s + Subscription.CLOCK_ID);
    long timeout = memory.u64(s + Subscription.CLOCK_TIMEOUT);
    boolean absolute = (memory.u16(s + Subscription.CLOCK_FLAGS) & SubclockFlags.ABSTIME) != 0;
    long deadline;
    switch (id) {
      case ClockId.MONOTONIC -> deadline = absolute ? timeout : saturatingAdd(now, timeout);
      case ClockId.REALTIME -> {
        long fromNow = timeout;
        if (absolute) {
          // a u64 time past 2^63 is centuries away; anything else is compared with the wall clock
          fromNow = timeout < 0 ? -1 : Math.max(0, timeout - ClockFunctions.realtimeNanos(context));
        }
        deadline = saturatingAdd(now, fromNow);
      }
      case ClockId.PROCESS_CPUTIME_ID, ClockId.THREAD_CPUTIME_ID -> {
        ready.add(new Ready(userdata, Errno.NOTSUP, EventType.CLOCK, 0));
        return;
      }
      default -> {
        ready.add(new Ready(userdata, Errno.INVAL, EventType.CLOCK, 0));
        return;
      }
    }
    if (deadline <= now) {
      ready.add(new Ready(userdata, Errno.SUCCESS, EventType.CLOCK, 0));
    } else {
      clocks.add(new Wait(userdata, EventType.CLOCK, 0, deadline));
    }
  }

  private void descriptor(Wait wait, List<Wait> inputs, List<Ready> ready) throws IOException {
    Descriptor descriptor;
    try {
      descriptor = context.descriptors().get(wait.fd());
    } catch (ErrnoException e) {
      ready.add(new Ready(wait.userdata(), e.errno(), wait.type(), 0));
      return;
    }
    if (wait.type() == EventType.FD_WRITE) {
      ready.add(new Ready(wait.userdata(), Errno.SUCCESS, wait.type(), 0));
    } else if (descriptor instanceof InputStreamDescriptor) {
      long available = descriptor.readableBytes();
      if (available > 0) {
        ready.add(new Ready(wait.userdata(), Errno.SUCCESS, wait.type(), available));
      } else {
        inputs.add(wait);
      }
    } else if (descriptor instanceof RegularFileDescriptor) {
      ready.add(new Ready(wait.userdata(), Errno.SUCCESS, wait.type(), descriptor.readableBytes()));
    } else {
      ready.add(new Ready(wait.userdata(), Errno.BADF, wait.type(), 0));
    }
  }

  /** Sleeps until the first clock is due or input arrives; adds what is ready then. */
  private void waitForClockOrInput(List<Wait> clocks, List<Wait> inputs, List<Ready> ready)
      throws IOException {
    long first = Long.MAX_VALUE;
    for (Wait clock : clocks) {
      first = Math.min(first, clock.deadline());
    }
    long now = context.monotonicNanos();
    while (now < first) {
      if (addReadableInputs(inputs, ready)) {
        break;
      }
      long slice = inputs.isEmpty() ? INTERRUPT_CHECK_NANOS : INPUT_CHECK_NANOS;
      sleep(Math.min(first - now, slice));
      now = context.monotonicNanos();
    }
    if (ready.isEmpty()) {
      addReadableInputs(inputs, ready);
    }
    for (Wait clock : clocks) {
      if (clock.deadline() <= now) {
        ready.add(new Ready(clock.userdata(), Errno.SUCCESS, EventType.CLOCK, 0));
      }
    }
  }

  private boolean addReadableInputs(List<Wait> inputs, List<Ready> ready) throws IOException {
    boolean any = false;
    for (Wait input : inputs) {
      long available = context.descriptors().get(input.fd()).readableBytes();
      if (available > 0) {
        ready.add(new Ready(input.userdata(), Errno.SUCCESS, input.type(), available));
        any = true;
      }
    }
    return any;
  }

  private void sleep(long nanos) {
    Instance instance = context.instance();
    if (instance != null && instance.interruptRequested) {
      throw WasmTrap.interrupted();
    }
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ErrnoException.of(Errno.INTR);
    }
  }

  private static void write(GuestMemory memory, int address, Ready event) {
    for (int offset = 0; offset < Event.SIZE; offset += 8) {
      memory.putU64(address + offset, 0);
    }
    memory.putU64(address + Event.USERDATA, event.userdata());
    memory.putU16(address + Event.ERROR, event.error());
    memory.putU8(address + Event.TYPE, event.type());
    memory.putU64(address + Event.NBYTES, event.bytes());
  }

  /** {@code a + b} for a non-negative {@code a} and an unsigned {@code b}, capped at the top. */
  private static long saturatingAdd(long a, long b) {
    if (b < 0) {
      return Long.MAX_VALUE;
    }
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
