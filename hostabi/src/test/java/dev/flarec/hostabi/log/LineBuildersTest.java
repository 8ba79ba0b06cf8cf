package dev.flarec.hostabi.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBuildersTest {
  @Test
  void aBuilderGivenBackIsLentAgainEmpty() {
    LineBuilders builders = new LineBuilders();
    StringBuilder b = builders.take();
    b.append("a line");
    builders.give(b);
    StringBuilder again = builders.take();
    assertSame(b, again);
    assertEquals(0, again.length());
  }

  @Test
  void aBuilderIsNeverLentTwiceAtOnce() {
    LineBuilders builders = new LineBuilders();
    List<StringBuilder> held = new ArrayList<>();
    for (int i = 0; i < LineBuilders.SLOTS + 3; i++) {
      StringBuilder b = builders.take();
      for (StringBuilder h : held) {
        assertNotSame(h, b);
      }
      held.add(b);
    }
    held.forEach(builders::give);
    // only as many as there are slots are kept; the others are dropped
    assertEquals(LineBuilders.SLOTS, builders.idle());
  }

  @Test
  void aBuilderGrownPastTheLimitIsDropped() {
    LineBuilders builders = new LineBuilders();
    StringBuilder b = builders.take();
    b.append("x".repeat(LineBuilders.KEEP_AT_MOST + 1));
    builders.give(b);
    assertEquals(0, builders.idle());
    assertNotSame(b, builders.take());
  }

  @Test
  void threadsLendingAtOnceNeverShareABuilder() throws Exception {
    LineBuilders builders = new LineBuilders();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < 4; t++) {
      String mine = "thread" + t;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 20_000; i++) {
                  StringBuilder b = builders.take();
                  b.append(mine);
                  Thread.yield();
                  if (!b.toString().equals(mine)) {
                    failures.add(new AssertionError("shared builder: " + b));
                  }
                  builders.give(b);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), failures);
  }
}
