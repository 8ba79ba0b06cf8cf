package dev.flarec.hostabi.launch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelStartTest {
  /**
   * The JDK's names may differ from one JDK to the next (a missing one is skipped), but flarec's
   * own must follow its renames, or the warm-up silently stops warming them.
   */
  @Test
  void everyFlarecClassItLoadsExists() {
    for (String[] names :
        List.of(ParallelStart.INSTANCE_CLASSES, ParallelStart.FIRST_REQUEST_CLASSES)) {
      for (String name : names) {
        if (name.startsWith("dev.flarec.")) {
          assertDoesNotThrow(
              () -> Class.forName(name, false, ParallelStartTest.class.getClassLoader()), name);
        }
      }
    }
  }

  @Test
  void loadingTheFirstRequestsClassesSkipsTheOnesThisJdkLacks() {
    assertDoesNotThrow(
        () ->
            ParallelStart.load(
                ParallelStart.FIRST_REQUEST_CLASSES, ParallelStartTest.class.getClassLoader()));
  }

  @Test
  void aServerClassThisJdkLacksIsSkipped() {
    assertDoesNotThrow(
        () ->
            ParallelStart.load(
                new String[] {"sun.net.httpserver.NoSuchClass", "com.sun.net.httpserver.Headers"},
                ParallelStartTest.class.getClassLoader()));
  }
}
