package dev.flarec.hostabi.abi;

import dev.flarec.compiler.Flarec;
import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.guest.Guest;
import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled test flare from {@code src/test/resources/flares/}, whose exports forward their
 * arguments to the {@code flaron/v1} import of the same name, bound to real host functions through
 * {@link FlaronImports}. The test stages arguments in page 0 of its memory and calls the import
 * through the export, exactly as a guest would.
 */
final class ForwardingFlare {
  private static final Map<String, Module> MODULES = new ConcurrentHashMap<>();
  private static final int STAGING_START = 16;
  private static final int STAGING_END = 0x10000;

  /** A staged argument: pointer and length in guest memory. */
  record Arg(int ptr, int len) {}

  private final Instance instance;
  private final FlareContext context;
  private int staging = STAGING_START;

  private ForwardingFlare(Instance instance, FlareContext context) {
    this.instance = instance;
    this.context = context;
  }

  /** Instantiates flare {@code name} ({@code flares/name.wasm}) and begins an invocation. */
  static ForwardingFlare load(String name, HostServices services, FlareConfig config) {
    Module module = MODULES.computeIfAbsent(name, ForwardingFlare::compile);
    FlareContext context = new FlareContext(services);
    Instance instance = module.instantiate(FlaronImports.create(context, module.descriptor()));
    context.attach(new Guest(instance));
    ForwardingFlare flare = new ForwardingFlare(instance, context);
    flare.begin(config);
    return flare;
  }

  private static Module compile(String name) {
    String resource = "/flares/" + name + ".wasm";
    try (InputStream in = ForwardingFlare.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test flare " + resource);
      }
      return Flarec.compile(in.readAllBytes()).load();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the current invocation and begins a fresh one (fresh budgets, empty arena). */
  void begin(FlareConfig config) {
    context.end();
    context.begin(new Invocation("test-" + System.nanoTime(), config));
    instance.function("reset").call();
    staging = STAGING_START;
  }

  FlareContext context() {
    return context;
  }

  /** Copies {@code bytes} into the staging area of guest memory. */
  Arg arg(byte[] bytes) {
    if (bytes.length == 0) {
      return new Arg(0, 0);
    }
    if (staging + bytes.length > STAGING_END) {
      throw new IllegalStateException("staging area full");
    }
    int ptr = staging;
    System.arraycopy(bytes, 0, instance.memory("memory").bytes, ptr, bytes.length);
    staging = (ptr + bytes.length + 7) & ~7;
    return new Arg(ptr, bytes.length);
  }

  Arg arg(String text) {
    return arg(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Calls export {@code name} with i32/i64 arguments; returns its single result or null. */
  Object call(String name, Object... args) {
    Object[] results = instance.function(name).call(args);
    return results.length == 0 ? null : results[0];
  }

  int callI32(String name, Object... args) {
    return (Integer) call(name, args);
  }

  long callI64(String name, Object... args) {
    return (Long) call(name, args);
  }

  /** Makes the guest's alloc return 0 (or work again). */
  void failAlloc(boolean fail) {
    call("fail_alloc", fail ? 1 : 0);
  }

  /** The bytes a packed {@code (ptr << 32) | len} result names, or null for 0. */
  byte[] result(long packed) {
    if (packed == 0) {
      return null;
    }
    int ptr = (int) (packed >>> 32);
    int len = (int) packed;
    return Arrays.copyOfRange(instance.memory("memory").bytes, ptr, ptr + len);
  }

  String resultUtf8(long packed) {
    byte[] b = result(packed);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}
