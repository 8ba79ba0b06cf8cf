package dev.flarec.wasi.functions;

import dev.flarec.wasi.abi.Abi.ClockId;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.abi.GuestMemory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The clocks ({@code clock_res_get}, {@code clock_time_get}): the wall clock from the context's
 * {@link java.time.Clock}, the monotonic clock from {@link System#nanoTime} (counted from when the
 * context was made, so it starts near zero), and the process CPU clock from {@link ProcessHandle}.
 * A thread CPU clock would need {@code java.management}, which a WASI JAR does not carry: it is not
 * supported.
 */
final class ClockFunctions {
  /** The resolution reported for the wall clock: the JDK promises microseconds on Linux. */
  static final long REALTIME_RESOLUTION = 1_000;

  /** The resolution reported for the process CPU clock: Linux counts it in 10 ms ticks. */
  static final long CPU_RESOLUTION = 10_000_000;

  private final WasiContext context;

  ClockFunctions(WasiContext context) {
    this.context = context;
  }

  /**
   * Returns the resolution of a clock.
   *
   * <p>Parameters: {@code id} — the {@code clockid}: realtime (0), monotonic (1), process CPU time
   * (2), thread CPU time (3); {@code resolutionAddress} — where to write the resolution in
   * nanoseconds ({@code u64}).
   *
   * <p>Errno: {@code success}; {@code inval} for an unknown clock; {@code notsup} for the thread
   * CPU clock, or the process CPU clock on a platform that does not report it; {@code fault} if the
   * address is not 8 bytes inside memory.
   *
   * <p>Guest memory: the resolution, a {@code u64}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code clock_res_get}.
   */
  int clockResGet(int id, int resolutionAddress) {
    try {
      GuestMemory memory = context.memory();
      memory.check(resolutionAddress, 8);
      long resolution =
          switch (id) {
            case ClockId.REALTIME -> REALTIME_RESOLUTION;
            case ClockId.MONOTONIC -> 1;
            case ClockId.PROCESS_CPUTIME_ID -> {
              processCpu();
              yield CPU_RESOLUTION;
            }
            case ClockId.THREAD_CPUTIME_ID -> throw ErrnoException.of(Errno.NOTSUP);
            default -> throw ErrnoException.of(Errno.INVAL);
          };
      memory.putU64(resolutionAddress, resolution);
      return Errno.SUCCESS;
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /**
   * Returns the time of a clock.
   *
   * <p>Parameters: {@code id} — the {@code clockid}, as for {@code clock_res_get}; {@code
   * precision} — the largest error the guest accepts, in nanoseconds (ignored: every clock is read
   * at its best); {@code timeAddress} — where to write the time ({@code u64} nanoseconds: since the
   * Unix epoch for realtime, since an arbitrary start for the others).
   *
   * <p>Errno: {@code success}; {@code inval} for an unknown clock; {@code notsup} for the thread
   * CPU clock or an unavailable process CPU clock; {@code fault} if the address is not 8 bytes
   * inside memory.
   *
   * <p>Guest memory: the time, a {@code u64}.
   *
   * <p>Spec: wasi_snapshot_preview1 {@code clock_time_get}.
   */
  int clockTimeGet(int id, long precision, int timeAddress) {
    try {
      GuestMemory memory = context.memory();
      memory.check(timeAddress, 8);
      long time =
          switch (id) {
            case ClockId.REALTIME -> realtimeNanos(context);
            case ClockId.MONOTONIC -> context.monotonicNanos();
            case ClockId.PROCESS_CPUTIME_ID -> processCpu().toNanos();
            case ClockId.THREAD_CPUTIME_ID -> throw ErrnoException.of(Errno.NOTSUP);
            default -> throw ErrnoException.of(Errno.INVAL);
          };
      memory.putU64(timeAddress, time);
      return Errno.SUCCESS;
    } catch (RuntimeException e) {
      return WasiFunctions.errnoOf(e);
    }
  }

  /** The wall clock in nanoseconds since the epoch. */
  static long realtimeNanos(WasiContext context) {
    Instant now = context.realtime().instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private static Duration processCpu() {
    Optional<Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
    return cpu.orElseThrow(() -> ErrnoException.of(Errno.NOTSUP));
  }
}
