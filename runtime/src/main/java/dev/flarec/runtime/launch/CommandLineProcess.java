package dev.flarec.runtime.launch;

import dev.flarec.runtime.instance.Instance;

/**
 * What a process that runs one compiled program from the command line ({@code java -jar
 * PROGRAM.jar}) tells the runtime before it loads the program: nothing in it will interrupt an
 * instance. Such a program is stopped by stopping its process, as a native one is, so its compiled
 * code can do without the interrupt checks at every loop header and calling function's entry (see
 * {@link Instance#INTERRUPTIBLE_PROPERTY}).
 */
public final class CommandLineProcess {
  private CommandLineProcess() {}

  /**
   * Sets {@link Instance#INTERRUPTIBLE_PROPERTY} to {@code false} unless the command line set it.
   * Call it first thing in {@code main}, before any module is loaded: the runtime reads the
   * property once. (Naming the constant does not load {@link Instance}: it is a compile-time
   * constant.)
   */
  public static void declareUninterruptible() {
    if (System.getProperty(Instance.INTERRUPTIBLE_PROPERTY) == null) {
      System.setProperty(Instance.INTERRUPTIBLE_PROPERTY, "false");
    }
  }
}
