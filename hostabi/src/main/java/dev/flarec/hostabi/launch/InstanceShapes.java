package dev.flarec.hostabi.launch;

import dev.flarec.runtime.instance.Linkage;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The method-handle shapes that instantiating a flare makes the JDK spin, spun ahead on the
 * start-up's second thread with stand-ins of the same shapes. The JDK spins a class for each new
 * shape of a handle (a {@code LambdaForm}) once per process and keys it by the shape's basic types
 * only, so a stand-in's spinning is the real one's.
 *
 * <ul>
 *   <li>{@code Instance.createFunctionRef}, for the exports every flare has, {@code alloc} and
 *       {@code handle_request} (flaron-abi.md): the generated static method, taking its instance
 *       last ({@code (i32, instance) -> i32}, {@code (instance) -> i64}), found with {@code
 *       findStatic} and bound to its instance with {@code insertArguments}; two or three classes
 *       each.
 *   <li>{@code Module.construct}: the generated class's constructor, taking a {@link Linkage},
 *       called by reflection, which on Java 18 and later adapts a method handle of the constructor
 *       (JEP 416); two classes there, none on Java 17.
 * </ul>
 *
 * See docs/RATIONALE.md "Why a flare starts on two threads".
 */
final class InstanceShapes {
  /**
   * What the stand-in for {@code handle_request} returns (and the allocator is given), to tell that
   * it ran.
   */
  private static final long ANSWER = 13;

  private InstanceShapes() {}

  /**
   * Spins the shapes by calling the stand-ins through them; true when both ran. Failures are
   * reported as false, never thrown: the main thread spins what it needs itself.
   */
  static boolean spin() {
    try {
      MethodHandle export =
          MethodHandles.lookup()
              .findStatic(
                  InstanceShapes.class,
                  "handleRequest",
                  MethodType.methodType(long.class, Stand.class));
      Stand instance = new Stand(null);
      MethodHandle bound = MethodHandles.insertArguments(export, 0, instance);
      long answer = (long) bound.invokeExact();
      MethodHandle allocator =
          MethodHandles.lookup()
              .findStatic(
                  InstanceShapes.class,
                  "alloc",
                  MethodType.methodType(int.class, int.class, Stand.class));
      MethodHandle boundAllocator = MethodHandles.insertArguments(allocator, 1, instance);
      int allocated = (int) boundAllocator.invokeExact((int) ANSWER);
      Stand constructed = Stand.class.getConstructor(Linkage.class).newInstance((Linkage) null);
      return answer == ANSWER && allocated == ANSWER + 1 && constructed.linkage == null;
    } catch (Throwable e) {
      // invokeExact declares Throwable; the stand-ins throw nothing, and a failure here only
      // means that the main thread spins these shapes itself
      return false;
    }
  }

  /** The stand-in for a generated export: a static method taking its instance last. */
  @SuppressWarnings({"UnusedMethod", "UnusedVariable"}) // found by name with findStatic
  private static long handleRequest(Stand instance) {
    return ANSWER;
  }

  /** The stand-in for a generated allocator export, {@code (i32, instance) -> i32}. */
  @SuppressWarnings({"UnusedMethod", "UnusedVariable"}) // found by name with findStatic
  private static int alloc(int size, Stand instance) {
    return size + 1;
  }

  /** The stand-in for the generated instance class, with a public constructor like its. */
  static final class Stand {
    final Linkage linkage;

    public Stand(Linkage linkage) {
      this.linkage = linkage;
    }
  }
}
