package dev.flarec.hostabi.abi;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.types.FunctionType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns host functions ({@link HostFunctionIndex} entries) into imports for one instance. The
 * handle is bound to the family object once, when the instance is created, so a call from compiled
 * code is a plain {@code invokeExact} with primitive arguments: no per-call allocation on the
 * compiled side (see docs/RATIONALE.md#why-host-functions-are-bound-method-handles). Each
 * function's unbound handle and Wasm type are found once per process; an instance binds only the
 * functions it is given, and creates only the families they belong to.
 */
final class HostFunctionBinder {
  /** A host function's method as an unbound handle (receiver first), and its Wasm type. */
  private record Binding(MethodHandle unbound, FunctionType type) {}

  /** By import key; filled at first use of each function. */
  private static final Map<String, Binding> BINDINGS = new ConcurrentHashMap<>();

  private final FlareContext context;
  private final Map<HostFunctionIndex.Family, Object> families =
      new EnumMap<>(HostFunctionIndex.Family.class);

  HostFunctionBinder(FlareContext context) {
    this.context = context;
  }

  /** Adds {@code entry}, bound to this binder's context, to {@code imports}. */
  void bind(HostFunctionIndex.Entry entry, Imports.Builder imports) {
    Object family = families.get(entry.family());
    if (family == null) {
      family = entry.family().create(context);
      families.put(entry.family(), family);
    }
    Binding binding = binding(entry, family.getClass());
    imports.function(
        entry.module(),
        entry.name(),
        FunctionRef.of(binding.type(), binding.unbound().bindTo(family), entry.name()));
  }

  /**
   * Finds {@code entry}'s handle and type now, binds it once to nothing and links a call site of
   * its type ({@link HostCallLinker}), so that the method handles' shapes (the JDK spins a class
   * for each new one) exist before an instance binds it and a request calls it.
   */
  static void prepare(HostFunctionIndex.Entry entry) {
    Binding binding = binding(entry, entry.family().implementation());
    MethodHandle unused = binding.unbound().bindTo(null);
    // the compiled bridge's call site of this type, linked by the JVM at the first call
    HostCallLinker.link(binding.type().methodType());
  }

  private static Binding binding(HostFunctionIndex.Entry entry, Class<?> implementation) {
    String key = entry.module() + '.' + entry.name();
    Binding known = BINDINGS.get(key);
    if (known != null) {
      return known;
    }
    Method method = method(entry, implementation);
    try {
      Binding made =
          new Binding(MethodHandles.lookup().unreflect(method), FunctionType.ofJavaMethod(method));
      BINDINGS.putIfAbsent(key, made);
      return made;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot bind host function " + method, e);
    }
  }

  /** The family's method of that name (host-function methods are not overloaded). */
  static Method method(HostFunctionIndex.Entry entry, Class<?> implementation) {
    for (Method m : implementation.getDeclaredMethods()) {
      if (m.getName().equals(entry.method()) && !m.isSynthetic()) {
        return m;
      }
    }
    throw new IllegalStateException(
        "host function "
            + entry.name()
            + ": no method "
            + entry.method()
            + " in "
            + entry.family());
  }
}
