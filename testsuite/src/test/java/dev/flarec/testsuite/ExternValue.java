package dev.flarec.testsuite;

/**
 * The host object standing for the spec scripts' {@code (ref.extern N)}.
 *
 * <p>An externref is opaque to Wasm: the module only passes it around, so any Java object will do,
 * as long as the one a function returns compares equal to the one the script expects. A record
 * gives exactly that (equality by {@code n}), and prints readably in failure messages.
 */
public record ExternValue(int n) {
  @Override
  public String toString() {
    return "ref.extern " + n;
  }
}
