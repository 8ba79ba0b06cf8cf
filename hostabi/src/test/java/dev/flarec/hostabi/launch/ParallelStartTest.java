package dev.flarec.hostabi.launch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class ParallelStartTest {
  /**
   * The JDK's names may differ from one JDK to the next (a missing one is skipped), but flarec's
   * own must follow its renames, or the warm-up silently stops warming them.
   */
  @Test
  void everyFlarecClassItLoadsExists() {
    for (String name : ParallelStart.FIRST_REQUEST_CLASSES) {
      if (name.startsWith("dev.flarec.")) {
        assertDoesNotThrow(
            () -> Class.forName(name, false, ParallelStartTest.class.getClassLoader()), name);
      }
    }
  }

  @Test
  void loadingTheFirstRequestsClassesSkipsTheOnesThisJdkLacks() {
    assertDoesNotThrow(
        () -> ParallelStart.loadFirstRequestClasses(ParallelStartTest.class.getClassLoader()));
  }
}
