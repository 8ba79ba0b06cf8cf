package dev.flarec.runtime.instance;

import dev.flarec.runtime.types.FunctionType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * A funcref value: a function of a known Wasm type, callable through a {@link MethodHandle} whose
 * JVM type is exactly {@link FunctionType#methodType()} (no boxing, no instance argument).
 *
 * <p>Functions defined by a compiled module, host functions and functions imported from another
 * instance are all represented this way, which is what lets tables, {@code call_indirect} and
 * imports treat them alike.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#function-instances">Wasm
 *     2.0 §4.2.6</a>
 */
public final class FunctionRef {
  private final FunctionType type;
  // null for a compiled function until first asked for: a table of a thousand functions made a
  // thousand handles at instantiation, while calls through it within the instance switch on the
  // index; made on demand, the same by whichever thread makes it (method handles are immutable)
  private MethodHandle handle;
  private final String name;

  private final Instance owner;
  private final int index;

  private FunctionRef(
      FunctionType type, MethodHandle handle, String name, Instance owner, int index) {
    this.type = type;
    this.handle = handle;
    this.name = name;
    this.owner = owner;
    this.index = index;
  }

  private FunctionRef(FunctionType type, MethodHandle handle, String name) {
    this(type, handle, name, null, -1);
  }

  /**
   * A function compiled in {@code owner} at {@code index} of its function index space; its handle
   * is made when first asked for ({@link Instance#compiledHandle}).
   */
  static FunctionRef compiled(FunctionType type, String name, Instance owner, int index) {
    return new FunctionRef(type, null, name, owner, index);
  }

  /**
   * The compiled instance that defines this function, or null for host functions. With {@link
   * #index()}, lets {@code call_indirect} within one instance call the function's method directly
   * instead of through the handle (see
   * docs/RATIONALE.md#why-call_indirect-switches-on-the-function-index).
   */
  public Instance owner() {
    return owner;
  }

  /** The function's index in its owner's function index space; -1 for host functions. */
  public int index() {
    return index;
  }

  /**
   * A function of the given type implemented by {@code handle}, which is adapted (with {@link
   * MethodHandle#asType}) to the exact JVM shape of the type.
   */
  public static FunctionRef of(FunctionType type, MethodHandle handle, String name) {
    Objects.requireNonNull(type, "type");
    return new FunctionRef(type, handle.asType(type.methodType()), name);
  }

  public static FunctionRef of(FunctionType type, MethodHandle handle) {
    return of(type, handle, "host function");
  }

  /**
   * A host function from a lambda or method reference of any functional interface whose method uses
   * {@code int}, {@code long}, {@code float} and {@code double} (for i32, i64, f32, f64) and
   * returns one of them or {@code void}. For reference types or several results, use {@link
   * #of(FunctionType, Object)}.
   */
  public static FunctionRef of(Object lambda) {
    return of(FunctionType.ofJavaMethod(singleAbstractMethod(lambda)), lambda);
  }

  /** A host function of an explicit Wasm type, implemented by a lambda or method reference. */
  public static FunctionRef of(FunctionType type, Object lambda) {
    Method sam = singleAbstractMethod(lambda);
    try {
      MethodHandle mh = MethodHandles.publicLookup().unreflect(sam).bindTo(lambda);
      return of(type, mh, sam.getDeclaringClass().getSimpleName());
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          "the functional interface " + sam.getDeclaringClass().getName() + " must be public", e);
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "host function " + sam + " does not fit the Wasm type " + type, e);
    }
  }

  public FunctionType type() {
    return type;
  }

  /** The handle, of JVM type exactly {@code type().methodType()}. */
  public MethodHandle handle() {
    MethodHandle h = handle;
    if (h == null) {
      h = owner.compiledHandle(index).asType(type.methodType());
      handle = h;
    }
    return h;
  }

  public String name() {
    return name;
  }

  /** Views this function as an implementation of {@code functionalInterface}. */
  public <T> T as(Class<T> functionalInterface) {
    return MethodHandleProxies.asInterfaceInstance(functionalInterface, handle());
  }

  @Override
  public String toString() {
    return "func " + name + " " + type;
  }

  private static Method singleAbstractMethod(Object lambda) {
    Method found = null;
    for (Class<?> iface : lambda.getClass().getInterfaces()) {
      for (Method m : iface.getMethods()) {
        if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
          if (found != null) {
            throw new IllegalArgumentException(
                lambda.getClass().getName()
                    + " does not implement exactly one functional interface");
          }
          found = m;
        }
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          lambda.getClass().getName() + " is not a lambda of a functional interface");
    }
    return found;
  }

  private static boolean isObjectMethod(Method m) {
    try {
      Object.class.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
