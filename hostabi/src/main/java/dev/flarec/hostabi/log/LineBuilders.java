package dev.flarec.hostabi.log;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The builders that publishing threads format their log lines into, lent out one at a time and
 * given back when the line is encoded. A thread-local builder would be one builder per thread,
 * which with a virtual thread per request is a new builder, and a new thread-local map, for every
 * request (docs/RATIONALE.md, "Why log lines are formatted into lent builders").
 *
 * <p>A thread starts looking at the slot its id picks, so that platform threads (Java 17's fixed
 * pool) mostly find the builder they gave back, and the slots sit a cache line apart, so that two
 * cores lending builders do not write to the same line. A thread that finds every slot empty (more
 * lines formatted at once than there are slots, or a value whose {@code toString} logs while its
 * line is being formatted) gets a new builder; a builder given back to full slots, or grown past
 * {@link #KEEP_AT_MOST} characters (a deep stack trace), is dropped.
 */
final class LineBuilders {
  static final int SLOTS = 8; // a power of two
  static final int KEEP_AT_MOST = 64 * 1024;
  private static final int INITIAL_CAPACITY = 512;
  // 16 references of up to 4 bytes: 64 bytes, a cache line on the machines we run on
  private static final int SPREAD = 16;

  private final AtomicReferenceArray<StringBuilder> slots =
      new AtomicReferenceArray<>(SLOTS * SPREAD);

  /** An empty builder that no other thread holds until {@link #give} is called with it. */
  StringBuilder take() {
    int first = firstSlot();
    for (int i = 0; i < SLOTS; i++) {
      int at = ((first + i) & (SLOTS - 1)) * SPREAD;
      StringBuilder b = slots.get(at);
      if (b != null && slots.compareAndSet(at, b, null)) {
        return b;
      }
    }
    return new StringBuilder(INITIAL_CAPACITY);
  }

  /** Gives back a builder from {@link #take}, emptied; the caller must not use it again. */
  void give(StringBuilder b) {
    if (b.length() > KEEP_AT_MOST) {
      return;
    }
    b.setLength(0);
    int first = firstSlot();
    for (int i = 0; i < SLOTS; i++) {
      int at = ((first + i) & (SLOTS - 1)) * SPREAD;
      if (slots.get(at) == null && slots.compareAndSet(at, null, b)) {
        return;
      }
    }
  }

  /** How many builders wait in the slots (for tests). */
  int idle() {
    int n = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (slots.get(i * SPREAD) != null) {
        n++;
      }
    }
    return n;
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is Java 19; getId() is the same number
  private static int firstSlot() {
    return (int) Thread.currentThread().getId();
  }
}
