package dev.flarec.wasi.functions;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.ImportSource;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.wasi.abi.Abi;
import dev.flarec.wasi.abi.Errno;
import dev.flarec.wasi.abi.ErrnoException;
import dev.flarec.wasi.fs.HostErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All of {@code wasi_snapshot_preview1} as imports: one object per function family, each function a
 * method of its family bound to it as a method handle that compiled code calls with {@code
 * invokeExact} and primitive arguments.
 *
 * <p>A function is bound when an instance imports it, not before: a program imports a handful of
 * the 46, and binding them all (reflection, a method handle each) was most of a small program's
 * first run (docs/RATIONALE.md, "Why WASI functions are bound when imported"). The method of {@code
 * fd_write} is its family's {@code fdWrite}: the name in camel case. Each function turns its own
 * failures into errnos ({@link #errnoOf}).
 */
public final class WasiFunctions {
  private WasiFunctions() {}

  /** The families, and the functions each provides, as {@link #names} lists them. */
  private enum Family {
    ARGS_ENVIRON("args_sizes_get", "args_get", "environ_sizes_get", "environ_get"),
    CLOCK("clock_res_get", "clock_time_get"),
    RANDOM("random_get"),
    PROC("proc_exit", "proc_raise", "sched_yield"),
    POLL("poll_oneoff"),
    SOCKET("sock_accept", "sock_recv", "sock_send", "sock_shutdown"),
    FD_IO("fd_read", "fd_write", "fd_pread", "fd_pwrite", "fd_seek", "fd_tell"),
    FD_STAT(
        "fd_fdstat_get",
        "fd_fdstat_set_flags",
        "fd_fdstat_set_rights",
        "fd_filestat_get",
        "fd_filestat_set_size",
        "fd_filestat_set_times",
        "fd_advise",
        "fd_allocate",
        "fd_sync",
        "fd_datasync"),
    DESCRIPTOR("fd_close", "fd_renumber"),
    DIRECTORY("fd_prestat_get", "fd_prestat_dir_name", "fd_readdir"),
    PATH_OPEN("path_open"),
    PATH_ENTRY(
        "path_create_directory",
        "path_remove_directory",
        "path_unlink_file",
        "path_rename",
        "path_link",
        "path_symlink",
        "path_readlink"),
    PATH_STAT("path_filestat_get", "path_filestat_set_times");

    private final String[] functions;

    Family(String... functions) {
      this.functions = functions;
    }

    /** The family's functions working on {@code context}; a switch, not reflection. */
    Object create(WasiContext context) {
      return switch (this) {
        case ARGS_ENVIRON -> new ArgsEnvironFunctions(context);
        case CLOCK -> new ClockFunctions(context);
        case RANDOM -> new RandomFunctions(context);
        case PROC -> new ProcFunctions();
        case POLL -> new PollFunctions(context);
        case SOCKET -> new SocketFunctions(context);
        case FD_IO -> new FdIoFunctions(context);
        case FD_STAT -> new FdStatFunctions(context);
        case DESCRIPTOR -> new DescriptorFunctions(context);
        case DIRECTORY -> new DirectoryFunctions(context);
        case PATH_OPEN -> new PathOpenFunction(context);
        case PATH_ENTRY -> new PathEntryFunctions(context);
        case PATH_STAT -> new PathStatFunctions(context);
      };
    }

    /** The family providing {@code name}, or null. */
    static Family of(String name) {
      for (Family family : values()) {
        for (String f : family.functions) {
          if (f.equals(name)) {
            return family;
          }
        }
      }
      return null;
    }
  }

  /** Every preview 1 function, working on {@code context}, under {@value Abi#MODULE}. */
  public static Imports imports(WasiContext context) {
    return Imports.builder().source(Abi.MODULE, new Binder(context)).build();
  }

  /** The names of every function {@link #imports} provides, for documentation and tests. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Family family : Family.values()) {
      names.addAll(List.of(family.functions));
    }
    names.sort(null);
    return names;
  }

  /** The Java method implementing {@code name}: its family's method of the name in camel case. */
  private static Method method(Class<?> family, String name) {
    StringBuilder camel = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' && i + 1 < name.length()) {
        camel.append(Character.toUpperCase(name.charAt(++i)));
      } else {
        camel.append(c);
      }
    }
    for (Method m : family.getDeclaredMethods()) {
      if (m.getName().contentEquals(camel)) {
        return m;
      }
    }
    throw new IllegalStateException("no method " + camel + " for " + name + " in " + family);
  }

  /**
   * Binds the functions of one guest as its instance asks for them, each once; a family's object is
   * made with its first function.
   */
  private static final class Binder implements ImportSource {
    private final WasiContext context;
    private final Map<Family, Object> families = new EnumMap<>(Family.class);
    private final Map<String, FunctionRef> bound = new HashMap<>();

    Binder(WasiContext context) {
      this.context = context;
    }

    @Override
    public synchronized Object resolve(String name) {
      FunctionRef function = bound.get(name);
      if (function == null) {
        Family family = Family.of(name);
        if (family == null) {
          return null;
        }
        Object functions = families.get(family);
        if (functions == null) {
          functions = family.create(context);
          families.put(family, functions);
        }
        function = bind(functions, name);
        bound.put(name, function);
      }
      return function;
    }

    private static FunctionRef bind(Object functions, String name) {
      Method m = method(functions.getClass(), name);
      try {
        MethodHandle handle = MethodHandles.lookup().unreflect(m).bindTo(functions);
        return FunctionRef.of(FunctionType.ofJavaMethod(m), handle, Abi.MODULE + "." + name);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot bind WASI function " + m, e);
      }
    }
  }

  /**
   * The errno a function returns for {@code t}: an {@link ErrnoException}'s own, a host {@link
   * IOException}'s from {@link HostErrors}, and the few unchecked exceptions the JDK uses for bad
   * arguments their errno. Anything else (a trap, {@code proc_exit}, a bug) is rethrown.
   */
  static int errnoOf(Exception t) {
    if (t instanceof ErrnoException e) {
      return e.errno();
    }
    if (t instanceof IOException e) {
      return HostErrors.errno(e);
    }
    if (t instanceof UncheckedIOException e) {
      return HostErrors.errno(e.getCause());
    }
    if (t instanceof InvalidPathException) {
      return Errno.INVAL;
    }
    if (t instanceof NonReadableChannelException || t instanceof NonWritableChannelException) {
      return Errno.BADF;
    }
    if (t instanceof UnsupportedOperationException) {
      return Errno.NOTSUP;
    }
    if (t instanceof SecurityException) {
      return Errno.ACCES;
    }
    throw (RuntimeException) t;
  }
}
