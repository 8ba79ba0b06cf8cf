package dev.flarec.runtime.types;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WebAssembly function type, interned: two equal types are the same object, so that {@code
 * call_indirect}'s signature check (which the spec defines structurally, across modules) is one
 * reference comparison.
 *
 * <p>Equality is the 3.0 one (iso-recursive canonicalisation, §3.5.1): parameters and results as
 * flarec carries them at run time ({@link ValueType}, where every function reference is a funcref)
 * plus a {@linkplain #canonicalKey() canonical key} that the compiler derives from the type's
 * recursive group. A type that 2.0 could write has no key, so host functions typed here match it
 * (docs/RATIONALE.md#why-function-types-carry-a-canonical-key).
 *
 * <p>The JVM shape of a function of this type is {@link #methodType()}: parameters in order, and
 * the single result as the return type; a function with several results returns them boxed in an
 * {@code Object[]} (see docs/RATIONALE.md#why-box-multi-value-results).
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#function-types">Wasm 2.0
 *     §2.3.5</a>
 */
public final class FunctionType {
  /**
   * The interning key. Its {@code equals} and {@code hashCode} are written out: a record's
   * generated ones are bootstrapped through {@code ObjectMethods} on first use, which spins
   * method-handle classes worth tens of milliseconds of a flare's start-up (docs/RATIONALE.md "Why
   * a flare's start-up avoids method-handle spinning").
   */
  private record Identity(List<ValueType> params, List<ValueType> results, String canonicalKey) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other
          && params.equals(other.params)
          && results.equals(other.results)
          && Objects.equals(canonicalKey, other.canonicalKey);
    }

    @Override
    public int hashCode() {
      return (params.hashCode() * 31 + results.hashCode()) * 31 + Objects.hashCode(canonicalKey);
    }
  }

  private static final ConcurrentHashMap<Identity, FunctionType> INTERNED =
      new ConcurrentHashMap<>();

  private final List<ValueType> params;
  private final List<ValueType> results;
  private final String canonicalKey;
  private final FunctionType supertype;
  private final MethodType methodType;

  private FunctionType(
      List<ValueType> params,
      List<ValueType> results,
      String canonicalKey,
      FunctionType supertype) {
    this.params = List.copyOf(params);
    this.results = List.copyOf(results);
    this.canonicalKey = canonicalKey;
    this.supertype = supertype;
    this.methodType = computeMethodType();
  }

  /** The interned type with these parameters and results, as Wasm 2.0 writes it (no key). */
  public static FunctionType of(List<ValueType> params, List<ValueType> results) {
    return of(params, results, null, null);
  }

  /**
   * The interned type with these parameters and results, canonical key ({@code null} for a type 2.0
   * can write) and declared supertype ({@code null} for none). The key determines the supertype,
   * since the compiler derives it from the whole subtype declaration.
   */
  public static FunctionType of(
      List<ValueType> params,
      List<ValueType> results,
      String canonicalKey,
      FunctionType supertype) {
    Identity id = new Identity(List.copyOf(params), List.copyOf(results), canonicalKey);
    FunctionType known = INTERNED.get(id);
    if (known != null) {
      return known;
    }
    // not computeIfAbsent: a lambda here is another class spun at start-up; a lost race only
    // builds a type that is dropped
    FunctionType made = new FunctionType(id.params(), id.results(), canonicalKey, supertype);
    FunctionType raced = INTERNED.putIfAbsent(id, made);
    return raced != null ? raced : made;
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

  /**
   * What tells this type apart from others of the same run-time parameters and results: the
   * canonical form of its recursive group and its position in it, or {@code null} for a type
   * without typed references, recursion or subtype declaration.
   */
  public String canonicalKey() {
    return canonicalKey;
  }

  /** The declared supertype ({@code sub $t}), or {@code null}. */
  public FunctionType supertype() {
    return supertype;
  }

  /**
   * Whether a function of this type may be used where {@code expected} is wanted (§3.3.1 matching
   * of defined types): the same type, or one declared below it.
   */
  public boolean matches(FunctionType expected) {
    for (FunctionType t = this; t != null; t = t.supertype) {
      if (t == expected) {
        return true;
      }
    }
    return false;
  }

  /** Whether both have the same run-time parameters and results: the same JVM calling shape. */
  public boolean sameValueTypes(FunctionType other) {
    return params.equals(other.params) && results.equals(other.results);
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
