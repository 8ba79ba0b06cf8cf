package dev.flarec.hostabi.abi;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.types.FunctionType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;

/**
 * Turns the {@link HostFunction}-annotated methods of a family object into imports. The handle is
 * bound to the family object once, when the instance is created, so a call from compiled code is a
 * plain {@code invokeExact} with primitive arguments: no per-call allocation on the compiled side
 * (see docs/RATIONALE.md#why-host-functions-are-bound-method-handles).
 */
public final class HostFunctionBinder {
  private HostFunctionBinder() {}

  /** Adds every host function of {@code family} to {@code imports}. */
  public static void bind(Object family, MethodHandles.Lookup lookup, Imports.Builder imports) {
    for (Method m : family.getClass().getDeclaredMethods()) {
      HostFunction annotation = m.getAnnotation(HostFunction.class);
      if (annotation == null) {
        continue;
      }
      try {
        MethodHandle handle = lookup.unreflect(m).bindTo(family);
        imports.function(
            annotation.module(),
            annotation.value(),
            FunctionRef.of(typeOf(m), handle, annotation.value()));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot bind host function " + m, e);
      }
    }
  }

  /** The Wasm type of a host-function method, from its Java signature. */
  public static FunctionType typeOf(Method m) {
    return FunctionType.ofJavaMethod(m);
  }
}
