package dev.flarec.wasi;

import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.wasi.abi.Abi;
import dev.flarec.wasi.abi.FileType;
import dev.flarec.wasi.abi.Rights;
import dev.flarec.wasi.abi.WasiExit;
import dev.flarec.wasi.fd.DirectoryDescriptor;
import dev.flarec.wasi.fd.FdTable;
import dev.flarec.wasi.fd.InputStreamDescriptor;
import dev.flarec.wasi.fd.OutputStreamDescriptor;
import dev.flarec.wasi.functions.WasiContext;
import dev.flarec.wasi.functions.WasiFunctions;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * WASI preview 1 for one guest: its arguments, environment, standard streams and pre-opened
 * directories, as the {@code wasi_snapshot_preview1} imports of one instance.
 *
 * <pre>{@code
 * Wasi wasi = Wasi.builder()
 *     .args("wc", "-l")
 *     .env("LANG", "C.UTF-8")
 *     .stdin(input).stdout(output)
 *     .preopen(Path.of("/srv/data"), "/data")
 *     .build();
 * Instance instance = module.instantiate(wasi.imports());
 * int status = wasi.runStart(instance);   // binds the memory, calls _start
 * }</pre>
 *
 * <p>The imports are created before the instance they serve, so the functions reach its memory once
 * it is bound: {@link #runStart} binds the instance it runs, and {@link #bind(Instance)} does it
 * for an embedder that calls exports itself (a reactor after {@link #initialize}). Other imports
 * can be combined with {@code Imports.builder().addAll(wasi.imports())}.
 *
 * <p>One {@code Wasi} serves one instance, from one thread at a time, as a process has one
 * descriptor table. Nothing of the host is visible unless given: no arguments, no variables, an
 * empty standard input, discarded output and no directories by default. {@link #close()} closes the
 * files the guest left open; the embedder's streams stay open.
 */
public final class Wasi implements AutoCloseable {
  /** The import module of WASI preview 1. */
  public static final String MODULE = Abi.MODULE;

  /** Entry point of a WASI command: {@code _start}, of type {@code () -> ()}. */
  public static final String START = "_start";

  /** Initialiser of a WASI reactor, called once before its other exports. */
  public static final String INITIALIZE = "_initialize";

  private static final FunctionType NO_PARAMS_NO_RESULTS = FunctionType.of(List.of(), List.of());

  private final WasiContext context;
  private final Imports imports;
  private Object boundTo;

  private Wasi(WasiContext context) {
    this.context = context;
    this.imports = WasiFunctions.imports(context);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code module} imports anything from {@value #MODULE}. */
  public static boolean importsWasi(ModuleDescriptor module) {
    return module.imports().stream().anyMatch(i -> i.module().equals(MODULE));
  }

  /** Whether {@code module} is a WASI command: it exports {@value #START} as {@code () -> ()}. */
  public static boolean isCommand(ModuleDescriptor module) {
    return module.exports().stream()
        .anyMatch(
            e ->
                e.kind() == ExternKind.FUNCTION
                    && e.name().equals(START)
                    && module.functionType(e.index()).equals(NO_PARAMS_NO_RESULTS));
  }

  /** The names of the functions provided, all of {@code wasi_snapshot_preview1}. */
  public static List<String> functionNames() {
    return WasiFunctions.names();
  }

  /** The {@value #MODULE} functions, bound to this guest. */
  public Imports imports() {
    return imports;
  }

  /** The function {@code name} of {@link #imports()}, for calling it directly (tests, tools). */
  public FunctionRef function(String name) {
    Object f = imports.lookup(MODULE, name);
    if (!(f instanceof FunctionRef ref)) {
      throw new IllegalArgumentException("no WASI function " + name);
    }
    return ref;
  }

  /**
   * Binds the guest: the functions work on {@code instance}'s memory, exported as {@code "memory"}
   * as WASI requires, and long waits notice {@link Instance#interrupt()}. An instance without that
   * export may still run, as long as it calls no function that needs memory (those throw an {@link
   * IllegalStateException} saying so).
   *
   * @throws IllegalStateException if this {@code Wasi} is bound to another guest already
   */
  public Wasi bind(Instance instance) {
    if (boundTo == instance) {
      return this;
    }
    claim(instance);
    context.bind(instance, instance.export("memory") instanceof Memory memory ? memory : null);
    return this;
  }

  /** Binds a memory directly, for a guest that imports its memory instead of exporting it. */
  public Wasi bind(Memory memory) {
    if (boundTo == memory) {
      return this;
    }
    claim(memory);
    context.bind(memory);
    return this;
  }

  private void claim(Object guest) {
    if (boundTo != null) {
      throw new IllegalStateException(
          "this Wasi is bound to another guest already; build one Wasi per instance");
    }
    boundTo = guest;
  }

  /**
   * Runs a WASI command: binds {@code instance} and calls its {@value #START}.
   *
   * @return the exit status: the one passed to {@code proc_exit}, or 0 when {@code _start} returns
   * @throws IllegalArgumentException if the instance has no {@code _start}
   * @throws dev.flarec.runtime.trap.WasmTrap if the program traps
   */
  public int runStart(Instance instance) {
    bind(instance);
    try {
      instance.function(START).call();
      return 0;
    } catch (WasiExit exit) {
      return exit.status();
    }
  }

  /**
   * Instantiates {@code module} with {@link #imports()} and runs it as a command ({@link
   * #runStart}). The module must need no other imports.
   *
   * @throws dev.flarec.runtime.instance.LinkException if it imports something else
   */
  public int run(Module module) {
    return runStart(module.instantiate(imports));
  }

  /**
   * Prepares a WASI reactor: binds {@code instance} and calls its {@value #INITIALIZE} if it
   * exports one, after which its other exports may be called.
   *
   * @throws WasiExit if the initialiser calls {@code proc_exit}
   */
  public void initialize(Instance instance) {
    bind(instance);
    if (instance.export(INITIALIZE) instanceof FunctionRef) {
      instance.function(INITIALIZE).call();
    }
  }

  /** Closes every descriptor the guest still holds; the embedder's streams are only flushed. */
  @Override
  public void close() {
    try {
      context.descriptors().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the guest is given. Every setting is optional; see {@link Wasi} for the defaults. */
  public static final class Builder {
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Map.Entry<Path, String>> preopens = new ArrayList<>();
    private InputStream stdin = InputStream.nullInputStream();
    private OutputStream stdout = OutputStream.nullOutputStream();
    private OutputStream stderr = OutputStream.nullOutputStream();
    private boolean terminal;
    private Clock clock = Clock.systemUTC();
    private Random random;
    private int maxOpenFiles = 1024;

    private Builder() {}

    /** The program's arguments, {@code argv[0]} (the program's name) first. */
    public Builder args(String... values) {
      return args(List.of(values));
    }

    /** The program's arguments, {@code argv[0]} (the program's name) first. */
    public Builder args(List<String> values) {
      args.clear();
      args.addAll(values);
      return this;
    }

    /** Sets an environment variable; the name must not contain {@code =}. */
    public Builder env(String name, String value) {
      if (name.isEmpty() || name.indexOf('=') >= 0) {
        throw new IllegalArgumentException("not an environment variable name: \"" + name + "\"");
      }
      env.put(name, Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets every variable of {@code variables}. */
    public Builder env(Map<String, String> variables) {
      variables.forEach(this::env);
      return this;
    }

    /** Standard input (descriptor 0); by default empty. */
    public Builder stdin(InputStream in) {
      stdin = Objects.requireNonNull(in, "stdin");
      terminal = false;
      return this;
    }

    /** Standard output (descriptor 1); by default discarded. Each write is flushed. */
    public Builder stdout(OutputStream out) {
      stdout = Objects.requireNonNull(out, "stdout");
      terminal = false;
      return this;
    }

    /** Standard error (descriptor 2); by default discarded. Each write is flushed. */
    public Builder stderr(OutputStream err) {
      stderr = Objects.requireNonNull(err, "stderr");
      terminal = false;
      return this;
    }

    /**
     * The JVM's own standard streams, unbuffered on our side; when they are a terminal the guest
     * sees character devices, so its C library line-buffers output as it would natively.
     */
    public Builder inheritStdio() {
      stdin = System.in;
      stdout = new FileOutputStream(FileDescriptor.out);
      stderr = new FileOutputStream(FileDescriptor.err);
      terminal = isTerminal();
      return this;
    }

    /**
     * Pre-opens the host directory {@code host} under the guest name {@code guest} (for example
     * {@code /data} or {@code .}). The guest reaches files only beneath pre-opened directories.
     *
     * @throws IllegalArgumentException (at {@link #build()}) if {@code host} is not a directory
     */
    public Builder preopen(Path host, String guest) {
      if (guest.isEmpty()) {
        throw new IllegalArgumentException("the guest name of a pre-opened directory is empty");
      }
      preopens.add(Map.entry(host, guest));
      return this;
    }

    /** Pre-opens {@code host} under its own name, as {@code --dir HOST} does. */
    public Builder preopen(Path host) {
      return preopen(host, host.toString());
    }

    /** The wall clock the guest reads; the system's by default. */
    public Builder clock(Clock wallClock) {
      clock = Objects.requireNonNull(wallClock, "clock");
      return this;
    }

    /** Where {@code random_get} takes its bytes; a {@link SecureRandom} by default. */
    public Builder random(Random source) {
      random = Objects.requireNonNull(source, "random");
      return this;
    }

    /** How many descriptors the guest may hold at once (1024 by default). */
    public Builder maxOpenFiles(int max) {
      if (max < 3 + preopens.size()) {
        throw new IllegalArgumentException("maxOpenFiles must leave room for stdio and preopens");
      }
      maxOpenFiles = max;
      return this;
    }

    /**
     * Builds the WASI functions of this configuration.
     *
     * @throws IllegalArgumentException if a pre-opened directory does not exist or is not a
     *     directory
     */
    public Wasi build() {
      int streamType = terminal ? FileType.CHARACTER_DEVICE : FileType.UNKNOWN;
      FdTable descriptors = new FdTable(Math.max(maxOpenFiles, 3 + preopens.size()));
      try {
        descriptors.add(new InputStreamDescriptor(stdin, streamType));
        descriptors.add(new OutputStreamDescriptor(stdout, streamType));
        descriptors.add(new OutputStreamDescriptor(stderr, streamType));
        for (Map.Entry<Path, String> preopen : preopens) {
          descriptors.add(
              new DirectoryDescriptor(
                  canonicalDirectory(preopen.getKey()),
                  preopen.getValue(),
                  Rights.DIRECTORY,
                  Rights.ALL));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> environment = new ArrayList<>();
      // loops and a named class, not lambdas: a guest's first run would spin their classes
      for (Map.Entry<String, String> variable : env.entrySet()) {
        environment.add(variable.getKey() + "=" + variable.getValue());
      }
      long origin = System.nanoTime();
      WasiContext context =
          new WasiContext(
              List.copyOf(args), environment, descriptors, clock, new NanosSince(origin), random);
      return new Wasi(context);
    }

    /** The monotonic clock the guest reads: nanoseconds since its {@code Wasi} was built. */
    private record NanosSince(long origin) implements LongSupplier {
      @Override
      public long getAsLong() {
        return System.nanoTime() - origin;
      }
    }

    private static Path canonicalDirectory(Path host) {
      try {
        Path real = host.toRealPath();
        if (!Files.isDirectory(real)) {
          throw new IllegalArgumentException("not a directory: " + host);
        }
        return real;
      } catch (IOException e) {
        throw new IllegalArgumentException("no such directory: " + host, e);
      }
    }

    /**
     * Whether the JVM's standard streams are a terminal: {@code System.console()} is null when they
     * are not, up to JDK 21; from JDK 22 it may exist anyway and {@code isTerminal()} tells.
     */
    @SuppressWarnings("SystemConsoleNull") // JDK 22+ is handled below through isTerminal()
    private static boolean isTerminal() {
      Console console = System.console();
      if (console == null) {
        return false;
      }
      try {
        Method isTerminal = Console.class.getMethod("isTerminal");
        return (Boolean) isTerminal.invoke(console);
      } catch (NoSuchMethodException e) {
        return true;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return false;
      }
    }
  }
}
