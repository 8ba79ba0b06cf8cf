package dev.flarec.runtime.types;

/**
 * Size limits of a memory (in pages) or a table (in elements); {@code max < 0} means none.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/types.html#limits">Wasm 2.0
 *     §2.3.6</a>
 */
public record Limits(long min, long max) {
  public static final long NO_MAX = -1;

  public boolean hasMax() {
    return max >= 0;
  }

  /**
   * Import matching (§4.5.2.1 "limits"): an actual object of size {@code actualMin} and maximum
   * {@code actualMax} may stand in for an import declared with these limits.
   */
  public boolean admits(long actualMin, long actualMax) {
    if (actualMin < min) {
      return false;
    }
    if (!hasMax()) {
      return true;
    }
    return actualMax >= 0 && actualMax <= max;
  }

  @Override
  public String toString() {
    return hasMax() ? min + ".." + max : min + "..";
  }
}
