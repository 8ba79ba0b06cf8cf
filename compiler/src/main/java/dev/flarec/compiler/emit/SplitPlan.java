package dev.flarec.compiler.emit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * Which runs of a function's instructions are outlined into methods of their own. A run is a range
 * {@code [start, end)} of complete instructions of one block body; runs nest (a run may contain
 * smaller runs). A function without runs is emitted as one method.
 */
final class SplitPlan {
  /** Start index to the ends of the runs starting there, largest first. */
  private final TreeMap<Integer, List<Integer>> runs = new TreeMap<>();

  private final boolean split;

  private SplitPlan(boolean split) {
    this.split = split;
  }

  /** One method, locals in JVM locals: the usual case. */
  static SplitPlan whole() {
    return new SplitPlan(false);
  }

  /** Split: locals in the heap frame, with these outlined runs (possibly none). */
  static SplitPlan split() {
    return new SplitPlan(true);
  }

  boolean isSplit() {
    return split;
  }

  void addRun(int start, int end) {
    List<Integer> ends = runs.computeIfAbsent(start, s -> new ArrayList<>());
    if (!ends.contains(end)) {
      ends.add(end);
      ends.sort(Collections.reverseOrder());
    }
  }

  /**
   * The end of the largest run starting at {@code start} that lies within a method covering {@code
   * [methodStart, methodEnd)} and is not that method's own range; -1 if there is none.
   */
  int runAt(int start, int methodStart, int methodEnd) {
    List<Integer> ends = runs.get(start);
    if (ends == null) {
      return -1;
    }
    for (int end : ends) {
      if (end <= methodEnd && !(start == methodStart && end == methodEnd)) {
        return end;
      }
    }
    return -1;
  }

  /** True when a run lies within {@code [from, to)} (other than that range itself). */
  boolean hasRunWithin(int from, int to) {
    for (var e : runs.subMap(from, true, to, false).entrySet()) {
      for (int end : e.getValue()) {
        if (end <= to && !(e.getKey() == from && end == to)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Marks the instructions that lie inside some run: {@code inside.get(i)} for every {@code i} of
   * every run.
   */
  java.util.BitSet insideRuns(int length) {
    java.util.BitSet inside = new java.util.BitSet(length);
    for (var e : runs.entrySet()) {
      inside.set(e.getKey(), e.getValue().get(0));
    }
    return inside;
  }
}
