package dev.flarec.runtime.instance;

import dev.flarec.runtime.trap.TrapBoundary;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * An exported function, as Java calls it. Every way in ({@link #call}, {@link #handle}, {@link
 * #as}) passes through the trap boundary, so the caller sees {@link
 * dev.flarec.runtime.trap.WasmTrap} and never a raw JVM error from compiled code.
 */
public final class ExportedFunction {
  private static final MethodHandle TRANSLATE;

  static {
    try {
      TRANSLATE =
          MethodHandles.lookup()
              .findStatic(
                  TrapBoundary.class,
                  "translate",
                  MethodType.methodType(RuntimeException.class, Throwable.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final MethodType NO_PARAMS_NO_RESULTS = MethodType.methodType(void.class);

  private final String name;
  private final FunctionRef function;
  // Both made on first use, the same whichever thread makes them (method handles are immutable):
  // building them spins method-handle classes, tens of milliseconds in a fresh JVM, which a
  // program's first run paid for an export it called once through call()
  private MethodHandle guarded;
  private MethodHandle spread;

  ExportedFunction(String name, FunctionRef function) {
    this.name = name;
    this.function = function;
  }

  /**
   * The handle taking the arguments as one {@code Object[]} and returning one Object, unguarded.
   */
  private MethodHandle spread() {
    MethodHandle s = spread;
    if (s == null) {
      MethodHandle target = function.handle();
      MethodHandle takingArray =
          function.type().isWide()
              ? target // already takes its arguments as one Object[]
              : target.asSpreader(Object[].class, function.type().params().size());
      s = takingArray.asType(MethodType.methodType(Object.class, Object[].class));
      spread = s;
    }
    return s;
  }

  private static MethodHandle guard(MethodHandle target) {
    MethodType type = target.type();
    // rethrow(translate(t)): a handler of the target's type that throws the translated exception.
    MethodHandle thrower =
        MethodHandles.filterReturnValue(
            TRANSLATE, MethodHandles.throwException(type.returnType(), RuntimeException.class));
    return MethodHandles.catchException(
        target,
        Throwable.class,
        thrower.asType(MethodType.methodType(type.returnType(), Throwable.class)));
  }

  public String name() {
    return name;
  }

  public FunctionType type() {
    return function.type();
  }

  /** The function as a funcref, for tables or another module's imports (no trap boundary). */
  public FunctionRef ref() {
    return function;
  }

  /**
   * A handle of the exact JVM type of the function (for example {@code (int,long)float}), with
   * traps translated.
   */
  public MethodHandle handle() {
    MethodHandle g = guarded;
    if (g == null) {
      g = guard(function.handle());
      guarded = g;
    }
    return g;
  }

  /** Views the function as an implementation of a functional interface of matching shape. */
  public <T> T as(Class<T> functionalInterface) {
    return MethodHandleProxies.asInterfaceInstance(functionalInterface, handle());
  }

  /**
   * Calls with boxed arguments (Integer, Long, Float, Double, or references) and returns the
   * results boxed, in order (empty for none).
   */
  public Object[] call(Object... args) {
    List<ValueType> params = function.type().params();
    if (args.length != params.size()) {
      throw new IllegalArgumentException(
          name + " takes " + params.size() + " argument(s) " + params + ", got " + args.length);
    }
    for (int i = 0; i < args.length; i++) {
      Class<?> expected = params.get(i).jvmClass();
      if (expected.isPrimitive()
          && !MethodType.methodType(expected).wrap().returnType().isInstance(args[i])) {
        throw new IllegalArgumentException(
            name + ": argument " + (i + 1) + " must be " + params.get(i) + ", got " + args[i]);
      }
    }
    Object result = null;
    try {
      if (function.handle().type().equals(NO_PARAMS_NO_RESULTS)) {
        // a command's _start: no method-handle adapters to make for one call
        function.handle().invokeExact();
      } else {
        result = spread().invokeExact(args);
      }
    } catch (Throwable t) {
      throw TrapBoundary.translate(t);
    }
    return switch (function.type().results().size()) {
      case 0 -> new Object[0];
      case 1 -> new Object[] {result};
      default -> (Object[]) result;
    };
  }

  @Override
  public String toString() {
    return "export \"" + name + "\" " + function.type();
  }
}
