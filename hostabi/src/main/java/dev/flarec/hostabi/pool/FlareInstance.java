package dev.flarec.hostabi.pool;

import dev.flarec.hostabi.abi.FlareContext;
import dev.flarec.hostabi.abi.FlaronImports;
import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.guest.Guest;
import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.InstanceSnapshot;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.trap.TrapBoundary;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;

/**
 * One instance of the flare with everything bound to it: its {@link FlareContext}, its host
 * functions ({@link FlaronImports}), its {@link Guest}, and, for isolation {@code reset}, the
 * snapshot taken right after instantiation.
 *
 * <p>Call order: {@link #handleRequest} for each invocation; then, between invocations, {@link
 * #reset()} (isolation {@code reset}); {@link #interrupt()} from any thread to stop a running
 * invocation. Used by one thread at a time.
 */
public final class FlareInstance {
  /** {@code handle_request: () -> i64} (flaron-abi.md §1.1). */
  public static final FunctionType HANDLE_REQUEST_TYPE =
      FunctionType.of(List.of(), List.of(ValueType.I64));

  private final Instance instance;
  private final FlareContext context;
  private final Guest guest;
  private final InstanceSnapshot snapshot;
  private final MethodHandle handleRequest;
  private final Map<WebSocketEntry, MethodHandle> webSocketEntries;

  private FlareInstance(
      Instance instance, FlareContext context, Guest guest, InstanceSnapshot snapshot) {
    this.instance = instance;
    this.context = context;
    this.guest = guest;
    this.snapshot = snapshot;
    // The export's own handle, without the trap boundary's method-handle combinators
    // (Instance.function): spinning those costs start-up tens of milliseconds, and
    // handleRequest translates what escapes the same way (TrapBoundary.translate).
    this.handleRequest =
        instance.export("handle_request") instanceof FunctionRef f
                && f.type().equals(HANDLE_REQUEST_TYPE)
            ? f.handle()
            : null;
    this.webSocketEntries = webSocketEntries(instance);
  }

  /**
   * The WebSocket entry points, each with its result dropped: the SDKs give them different result
   * types (C {@code i32}, AssemblyScript none, Zig {@code i64}) and the host ignores the value
   * (flaron-abi.md §8 decision 1).
   */
  private static Map<WebSocketEntry, MethodHandle> webSocketEntries(Instance instance) {
    Map<WebSocketEntry, MethodHandle> entries = new java.util.EnumMap<>(WebSocketEntry.class);
    for (WebSocketEntry entry : WebSocketEntry.values()) {
      if (instance.export(entry.exportName()) instanceof FunctionRef f
          && f.type().params().isEmpty()) {
        entries.put(entry, f.handle().asType(MethodType.methodType(void.class)));
      }
    }
    return entries;
  }

  /**
   * Instantiates {@code module} with the {@code flaron/v1} host functions bound to a fresh context,
   * its memories capped at {@code memoryCapPages}.
   *
   * @param keepSnapshot take the snapshot {@link #reset()} restores (isolation {@code reset})
   * @throws dev.flarec.runtime.instance.LinkException if the flare imports what the host lacks
   * @throws dev.flarec.runtime.trap.WasmTrap if instantiation traps (start function, segments,
   *     initial memory above the cap)
   * @throws IllegalArgumentException if the flare does not export its memory
   */
  public static FlareInstance create(
      Module module, HostServices services, int memoryCapPages, boolean keepSnapshot) {
    FlareContext context = new FlareContext(services);
    Instance instance =
        module.instantiate(FlaronImports.create(context, module.descriptor()), memoryCapPages);
    Guest guest = new Guest(instance);
    context.attach(guest);
    return new FlareInstance(instance, context, guest, keepSnapshot ? instance.snapshot() : null);
  }

  /** Whether the flare exports {@code handle_request} with the type the ABI gives it. */
  public boolean hasHandleRequest() {
    return handleRequest != null;
  }

  /**
   * Whether the flare exports {@code ws_open}, {@code ws_message} and {@code ws_close}, each taking
   * no parameters, which makes it a WebSocket flare.
   */
  public boolean hasWebSocketHandlers() {
    return webSocketEntries.size() == WebSocketEntry.values().length;
  }

  /**
   * Runs the WebSocket entry point {@code entry} for {@code invocation} (which carries the event),
   * ignoring its result.
   *
   * @throws dev.flarec.runtime.trap.WasmTrap when the guest traps or is interrupted
   * @throws IllegalStateException when the flare does not export {@code entry}
   */
  public void webSocketEvent(WebSocketEntry entry, Invocation invocation) {
    MethodHandle handle = webSocketEntries.get(entry);
    if (handle == null) {
      throw new IllegalStateException(
          "the flare does not export " + entry.exportName() + ": () -> ?");
    }
    instance.clearInterrupt();
    context.begin(invocation);
    try {
      handle.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    } finally {
      context.end();
    }
  }

  /**
   * Runs {@code handle_request} for {@code invocation}, which the host functions see meanwhile.
   *
   * @return the action word (flaron-abi.md §1.2)
   * @throws dev.flarec.runtime.trap.WasmTrap when the guest traps or is interrupted
   * @throws IllegalStateException when the flare has no usable {@code handle_request}
   */
  public long handleRequest(Invocation invocation) {
    if (handleRequest == null) {
      throw new IllegalStateException("the flare does not export handle_request: () -> i64");
    }
    instance.clearInterrupt();
    context.begin(invocation);
    try {
      return (long) handleRequest.invokeExact();
    } catch (Throwable t) {
      throw TrapBoundary.translate(t);
    } finally {
      context.end();
    }
  }

  /** Asks the running invocation to trap ("interrupted") at its next loop or call. */
  public void interrupt() {
    instance.interrupt();
  }

  /**
   * Clears an interrupt once the invocation has ended, whether or not the instance is kept: a set
   * interrupt slows the compiled code of every instance in the JVM (see {@link
   * Instance#interrupt()}).
   */
  public void clearInterrupt() {
    instance.clearInterrupt();
  }

  /** Puts memory, globals and tables back as they were after instantiation. */
  public void reset() {
    if (snapshot == null) {
      throw new IllegalStateException("this instance was created without a snapshot");
    }
    instance.restore(snapshot);
    instance.clearInterrupt();
  }

  /** Whether {@link #reset()} can be used. */
  public boolean resettable() {
    return snapshot != null;
  }

  /** Current size of the flare's memory, in bytes. */
  public long memoryBytes() {
    return guest.memory().size();
  }

  public Guest guest() {
    return guest;
  }

  public Instance instance() {
    return instance;
  }
}
