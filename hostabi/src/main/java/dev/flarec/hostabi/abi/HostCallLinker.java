package dev.flarec.hostabi.abi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Links an {@code invokeExact} call site of a host function's JVM type, once per type and process,
 * on a handle that does nothing. A compiled flare calls each import through such a call site in its
 * bridge method ({@code call$importN}), and the JVM links it at its first call by spinning an
 * invoker class for the type's shape; linking one here, on the start-up's second thread, makes that
 * class before the first request needs it. Only the shape matters to the JVM, so a no-op method of
 * the same type stands in for the host function, which is never called.
 *
 * <p>The host calls the flare through two such call sites of its own, which are linked the same
 * way: {@code handle_request} ({@code ()J}) and the flare's allocator ({@code (I)I}), through which
 * data reaches the flare.
 *
 * <p>Java has no way to write a call site of a type known only at run time: there is one below for
 * each type that host functions have, and {@code HostCallLinkerTest} fails when a new host function
 * brings a type without one.
 */
final class HostCallLinker {
  private static final Set<MethodType> LINKED = ConcurrentHashMap.newKeySet();

  private HostCallLinker() {}

  /**
   * Links a call site of {@code type} unless one was linked; false when no call site here has that
   * type (the bridge then links its own at the first call, as it would without this).
   */
  static boolean link(MethodType type) {
    if (LINKED.contains(type)) {
      return true;
    }
    String name =
        type.returnType() == long.class
            ? "noOpLong"
            : type.returnType() == int.class ? "noOpInt" : "noOpVoid";
    MethodHandle noOp;
    try {
      noOp = MethodHandles.lookup().findStatic(HostCallLinker.class, name, type);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return false;
    }
    try {
      if (!call(noOp, type.toMethodDescriptorString())) {
        return false;
      }
    } catch (Throwable e) {
      // the no-op methods do not throw; a failure here only means nothing was linked early
      return false;
    }
    LINKED.add(type);
    return true;
  }

  /** Calls {@code noOp} through the call site of its descriptor; false when there is none. */
  @SuppressWarnings("unused") // the results are discarded: the call sites' linking is the point
  private static boolean call(MethodHandle noOp, String descriptor) throws Throwable {
    switch (descriptor) {
      case "()J" -> {
        long r = (long) noOp.invokeExact();
      }
      case "(I)J" -> {
        long r = (long) noOp.invokeExact(0);
      }
      case "(II)J" -> {
        long r = (long) noOp.invokeExact(0, 0);
      }
      case "(IIJ)J" -> {
        long r = (long) noOp.invokeExact(0, 0, 0L);
      }
      case "(IIII)J" -> {
        long r = (long) noOp.invokeExact(0, 0, 0, 0);
      }
      case "(I)I" -> {
        int r = (int) noOp.invokeExact(0);
      }
      case "()I" -> {
        int r = (int) noOp.invokeExact();
      }
      case "(II)I" -> {
        int r = (int) noOp.invokeExact(0, 0);
      }
      case "(IIII)I" -> {
        int r = (int) noOp.invokeExact(0, 0, 0, 0);
      }
      case "(IIIII)I" -> {
        int r = (int) noOp.invokeExact(0, 0, 0, 0, 0);
      }
      case "(I)V" -> noOp.invokeExact(0);
      case "(II)V" -> noOp.invokeExact(0, 0);
      case "(IIII)V" -> noOp.invokeExact(0, 0, 0, 0);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static long noOpLong() {
    return 0;
  }

  private static long noOpLong(int a) {
    return 0;
  }

  private static long noOpLong(int a, int b) {
    return 0;
  }

  private static long noOpLong(int a, int b, long c) {
    return 0;
  }

  private static long noOpLong(int a, int b, int c, int d) {
    return 0;
  }

  private static int noOpInt() {
    return 0;
  }

  private static int noOpInt(int a) {
    return 0;
  }

  private static int noOpInt(int a, int b) {
    return 0;
  }

  private static int noOpInt(int a, int b, int c, int d) {
    return 0;
  }

  private static int noOpInt(int a, int b, int c, int d, int e) {
    return 0;
  }

  private static void noOpVoid(int a) {}

  private static void noOpVoid(int a, int b) {}

  private static void noOpVoid(int a, int b, int c, int d) {}
}
