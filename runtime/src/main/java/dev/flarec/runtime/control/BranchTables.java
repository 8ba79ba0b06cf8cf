package dev.flarec.runtime.control;

/**
 * Large {@code br_table}s. A table of thousands of labels would make one {@code tableswitch} of
 * four bytes per label, too large for a JIT-compilable method; compiled code instead maps the index
 * to the ordinal of its distinct target through a {@code char[]} held in a static field, and
 * switches over the few distinct targets. See
 * docs/RATIONALE.md#why-large-br_tables-use-a-lookup-array.
 */
public final class BranchTables {
  private BranchTables() {}

  /**
   * {@code ordinals[index]}, or {@code defaultOrdinal} when the (unsigned) index is past the end.
   */
  public static int ordinal(int index, char[] ordinals, int defaultOrdinal) {
    return index >= 0 && index < ordinals.length ? ordinals[index] : defaultOrdinal;
  }
}
