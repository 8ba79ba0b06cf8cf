package dev.flarec.runtime.instance;

/**
 * Tail calls from one flarec instance into another, in constant JVM stack. A tail call within an
 * instance is run by the trampoline of the function that made it, from fields of the instance that
 * only its own module's code knows. One into another instance's function (an import, a table
 * element, a reference) is left here instead, as the callee's {@link FunctionRef} and its boxed
 * arguments; the trampoline runs it when its own chain ends. When the callee is itself a
 * trampolined function, it is entered as the continuation of the chain: a tail call into another
 * instance that it makes is handed back to the trampoline that called it, rather than made from its
 * frame, so a chain that bounces between instances runs in one loop, as a chain within one instance
 * does. See docs/RATIONALE.md#why-tail-calls-return-to-a-trampoline.
 *
 * <p>Compiled code calls these; an instance is used by one thread at a time, so they need no
 * synchronisation.
 */
public final class ForeignTailCalls {
  private ForeignTailCalls() {}

  /** A tail call of {@code callee}, a function of another instance, with {@code arguments}. */
  public static void makePending(Object[] arguments, FunctionRef callee, Instance self) {
    self.foreignTail = callee;
    self.foreignTailArguments = arguments;
  }

  /**
   * At the entry of the trampoline of function {@code functionIndex}: the instance whose trampoline
   * runs this function's tail calls into other instances, when the function is entered as the
   * continuation of its chain; else null.
   */
  public static Instance enter(int functionIndex, Instance self) {
    Instance outer = self.tailOuter;
    if (outer != null && self.tailEntryIndex == functionIndex) {
      self.tailOuter = null;
      return outer;
    }
    return null;
  }

  /** Whether a tail call into another instance is waiting for {@code self}'s trampoline. */
  public static boolean pending(Instance self) {
    return self.foreignTail != null;
  }

  /**
   * At the end of a trampoline's own chain, with a tail call into another instance pending: hands
   * it to {@code outer}'s trampoline when there is one, and returns null (the trampoline returns
   * anything: its caller is that trampoline, which ignores it); else makes it, and every call it
   * leaves pending here in turn, and returns the last one's results, boxed as {@link
   * java.lang.invoke.MethodHandle#invokeWithArguments} boxes them.
   */
  public static Object run(Instance self, Instance outer) throws Throwable {
    FunctionRef callee = self.foreignTail;
    Object[] arguments = self.foreignTailArguments;
    self.foreignTail = null;
    self.foreignTailArguments = null;
    if (outer != null) {
      outer.foreignTail = callee;
      outer.foreignTailArguments = arguments;
      return null;
    }
    while (true) {
      Instance owner = callee.owner();
      Object result;
      if (owner != null) {
        owner.tailOuter = self;
        owner.tailEntryIndex = callee.index();
      }
      try {
        result = callee.handle().invokeWithArguments(arguments);
      } finally {
        if (owner != null && owner.tailOuter == self) {
          owner.tailOuter = null; // the callee has no trampoline to take it
        }
      }
      if (self.foreignTail == null) {
        return result;
      }
      callee = self.foreignTail;
      arguments = self.foreignTailArguments;
      self.foreignTail = null;
      self.foreignTailArguments = null;
    }
  }
}
