package dev.flarec.wasi.functions;

import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.wasi.abi.GuestMemory;
import dev.flarec.wasi.fd.FdTable;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Everything the WASI functions of one guest share: its arguments and environment, its descriptor
 * table, the clocks and random source it sees, and, once bound, its memory and instance.
 *
 * <p>The functions are imports, created before the instance exists, so the memory they work on is
 * bound afterwards ({@link #bind}); a function called before that is a host programming error,
 * reported as an {@link IllegalStateException}.
 */
public final class WasiContext {
  private final List<byte[]> arguments;
  private final List<byte[]> environment;
  private final FdTable descriptors;
  private final Clock realtime;
  private final LongSupplier monotonic;
  private Random random;
  private GuestMemory memory;
  private Instance instance;

  /**
   * @param arguments the program's arguments, {@code argv[0]} first
   * @param environment the environment, as {@code NAME=value} strings
   * @param realtime the wall clock ({@code clock_time_get(realtime)}, {@code *_NOW} times)
   * @param monotonic nanoseconds of a clock that never goes back ({@link System#nanoTime})
   * @param random the source of {@code random_get}, or null for a {@link SecureRandom} made when
   *     the guest first asks (seeding one is tens of milliseconds that most programs never need)
   */
  public WasiContext(
      List<String> arguments,
      List<String> environment,
      FdTable descriptors,
      Clock realtime,
      LongSupplier monotonic,
      Random random) {
    this.arguments = utf8(arguments);
    this.environment = utf8(environment);
    this.descriptors = descriptors;
    this.realtime = realtime;
    this.monotonic = monotonic;
    this.random = random;
  }

  private static List<byte[]> utf8(List<String> strings) {
    List<byte[]> bytes = new ArrayList<>(strings.size());
    for (String s : strings) {
      bytes.add(s.getBytes(StandardCharsets.UTF_8));
    }
    return List.copyOf(bytes);
  }

  /** Binds the memory the functions read and write: the guest's, after instantiation. */
  public void bind(Memory guestMemory) {
    this.memory = new GuestMemory(guestMemory);
  }

  /**
   * Binds the instance, so that long waits notice {@link Instance#interrupt()}, and its memory,
   * which is null if it exports none.
   */
  public void bind(Instance guest, Memory guestMemory) {
    this.instance = guest;
    this.memory = guestMemory == null ? null : new GuestMemory(guestMemory);
  }

  GuestMemory memory() {
    if (memory == null) {
      throw new IllegalStateException(
          instance != null
              ? "a WASI function needs the guest's memory, and the guest exports none named"
                  + " \"memory\""
              : "a WASI function was called before the guest's memory was bound;"
                  + " call Wasi.bind(instance) after instantiating");
    }
    return memory;
  }

  /** The bound instance, or null (when only a memory was bound). */
  Instance instance() {
    return instance;
  }

  List<byte[]> arguments() {
    return arguments;
  }

  List<byte[]> environment() {
    return environment;
  }

  public FdTable descriptors() {
    return descriptors;
  }

  Clock realtime() {
    return realtime;
  }

  long monotonicNanos() {
    return monotonic.getAsLong();
  }

  Random random() {
    if (random == null) {
      random = new SecureRandom();
    }
    return random;
  }
}
