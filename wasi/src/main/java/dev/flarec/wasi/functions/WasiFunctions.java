package dev.flarec.wasi.functions;

import dev.flarec.runtime.instance.FunctionRef;
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
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.List;

/**
 * All of {@code wasi_snapshot_preview1} as imports: one object per function family, each {@link
 * WasiFunction} method bound to its family once, as a method handle that compiled code calls with
 * {@code invokeExact} and primitive arguments.
 *
 * <p>Each handle is wrapped so that the family's code may fail by throwing: an {@link
 * ErrnoException} returns its errno, a host {@link IOException} the errno {@link HostErrors} gives
 * it, and the few unchecked exceptions the JDK uses for bad arguments their errno. Traps, {@code
 * proc_exit} and genuine bugs pass through.
 */
public final class WasiFunctions {
  private static final MethodHandle ERRNO_OF;

  static {
    try {
      ERRNO_OF =
          MethodHandles.lookup()
              .findStatic(
                  WasiFunctions.class,
                  "errnoOf",
                  MethodType.methodType(int.class, Throwable.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private WasiFunctions() {}

  /** Every preview 1 function, working on {@code context}, under {@value Abi#MODULE}. */
  public static Imports imports(WasiContext context) {
    Imports.Builder imports = Imports.builder();
    for (Object family : families(context)) {
      bind(family, imports);
    }
    return imports.build();
  }

  /** The names of every function {@link #imports} provides, for documentation and tests. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Object family : families(null)) {
      for (Method m : family.getClass().getDeclaredMethods()) {
        WasiFunction function = m.getAnnotation(WasiFunction.class);
        if (function != null) {
          names.add(function.value());
        }
      }
    }
    names.sort(null);
    return names;
  }

  private static List<Object> families(WasiContext context) {
    return List.of(
        new ArgsEnvironFunctions(context),
        new ClockFunctions(context),
        new RandomFunctions(context),
        new ProcFunctions(),
        new PollFunctions(context),
        new SocketFunctions(context),
        new FdIoFunctions(context),
        new FdStatFunctions(context),
        new DescriptorFunctions(context),
        new DirectoryFunctions(context),
        new PathOpenFunction(context),
        new PathEntryFunctions(context),
        new PathStatFunctions(context));
  }

  private static void bind(Object family, Imports.Builder imports) {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Method m : family.getClass().getDeclaredMethods()) {
      WasiFunction function = m.getAnnotation(WasiFunction.class);
      if (function == null) {
        continue;
      }
      MethodHandle handle;
      try {
        handle = lookup.unreflect(m).bindTo(family);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot bind WASI function " + m, e);
      }
      if (handle.type().returnType() == int.class) {
        handle =
            MethodHandles.catchException(
                handle,
                Throwable.class,
                MethodHandles.dropArguments(ERRNO_OF, 1, handle.type().parameterList()));
      }
      imports.function(
          Abi.MODULE,
          function.value(),
          FunctionRef.of(
              FunctionType.ofJavaMethod(m), handle, Abi.MODULE + "." + function.value()));
    }
  }

  /** The errno a failure of a function returns; anything else is rethrown. */
  static int errnoOf(Throwable t) throws Throwable {
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
    throw t;
  }
}
