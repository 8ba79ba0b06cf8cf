package dev.flarec.runtime.types;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WebAssembly function type, interned: two structurally equal types are the same object, so that
 * {@code call_indirect}'s signature check (which the spec defines structurally, across modules) is
 * one reference comparison.
 *
 * <p>The JVM shape of a function of this type is {@link #methodType()}: parameters in order, and
 * the single result as the return type; a function with several results returns them boxed in an
 * {@code Object[]} (see docs/RATIONALE.md#why-box-multi-value-results).
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#function-types">Wasm 2.0
 *     §2.3.5</a>
 */
public final class FunctionType {
  private static final ConcurrentHashMap<List<ValueType>, FunctionType> INTERNED =
      new ConcurrentHashMap<>();

  private final List<ValueType> params;
  private final List<ValueType> results;
  private final MethodType methodType;

  private FunctionType(List<ValueType> params, List<ValueType> results) {
    this.params = List.copyOf(params);
    this.results = List.copyOf(results);
    this.methodType = computeMethodType();
  }

  /** The interned type with these parameters and results. */
  public static FunctionType of(List<ValueType> params, List<ValueType> results) {
    List<ValueType> key = new ArrayList<>(params.size() + results.size() + 1);
    key.addAll(params);
    key.add(null); // separator: (i32)->() and ()->(i32) differ
    key.addAll(results);
    return INTERNED.computeIfAbsent(key, k -> new FunctionType(params, results));
  }

  public static FunctionType of(ValueType[] params, ValueType[] results) {
    return of(List.of(params), List.of(results));
  }

  /**
   * The Wasm type of a Java method that implements a host function: {@code int}, {@code long},
   * {@code float} and {@code double} are i32, i64, f32 and f64; a {@code void} method has no
   * result. Anything else has no Wasm counterpart.
   *
   * @throws IllegalArgumentException naming the method and the type that does not map
   */
  public static FunctionType ofJavaMethod(java.lang.reflect.Method m) {
    List<ValueType> params = new ArrayList<>();
    for (Class<?> p : m.getParameterTypes()) {
      params.add(numeric(p, m));
    }
    List<ValueType> results =
        m.getReturnType() == void.class ? List.of() : List.of(numeric(m.getReturnType(), m));
    return of(params, results);
  }

  private static ValueType numeric(Class<?> c, java.lang.reflect.Method m) {
    for (ValueType t : ValueType.values()) {
      if (!t.isObject() && t.jvmClass() == c) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        m + ": type " + c.getName() + " has no Wasm counterpart; give the FunctionType explicitly");
  }

  public List<ValueType> params() {
    return params;
  }

  public List<ValueType> results() {
    return results;
  }

  /**
   * The JVM type of a function of this Wasm type, without any trailing instance parameter. For a
   * {@linkplain #isWide() wide} type it is {@code (Object[])R}: the arguments boxed, in order.
   */
  public MethodType methodType() {
    return methodType;
  }

  /**
   * Parameter slots above which a function takes its arguments boxed in one {@code Object[]}: a JVM
   * method has at most 255 parameter slots (JVMS §4.3.3), and compiled code adds the instance and,
   * for {@code call_indirect}, a table index. See
   * docs/RATIONALE.md#why-wide-signatures-box-their-arguments.
   */
  public static final int MAX_DIRECT_PARAMETER_SLOTS = 253;

  /** True when functions of this type take their arguments in an {@code Object[]}. */
  public boolean isWide() {
    return parameterSlots() > MAX_DIRECT_PARAMETER_SLOTS;
  }

  /** JVM parameter slots the parameters take (i64 and f64 take two). */
  public int parameterSlots() {
    int slots = 0;
    for (ValueType p : params) {
      slots += p.slots();
    }
    return slots;
  }

  /** The JVM return class: void, the single result's class, or {@code Object[]} for several. */
  public Class<?> returnClass() {
    return methodType.returnType();
  }

  private MethodType computeMethodType() {
    Class<?>[] p = new Class<?>[params.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = params.get(i).jvmClass();
    }
    Class<?> r =
        switch (results.size()) {
          case 0 -> void.class;
          case 1 -> results.get(0).jvmClass();
          default -> Object[].class;
        };
    return isWide() ? MethodType.methodType(r, Object[].class) : MethodType.methodType(r, p);
  }

  @Override
  public String toString() {
    return params + " -> " + results;
  }
}
