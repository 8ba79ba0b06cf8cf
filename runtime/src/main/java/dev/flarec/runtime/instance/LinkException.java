package dev.flarec.runtime.instance;

/**
 * A module could not be linked: an import is missing or does not match what the module declares
 * ("unknown import", "incompatible import type", as the spec's {@code assert_unlinkable} says).
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/modules.html#instantiation">Wasm 2.0
 *     §4.5.4</a>
 */
public final class LinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String importModule;
  private final String importName;

  public LinkException(String reason, String importModule, String importName) {
    super(reason + ": " + importModule + "." + importName);
    this.importModule = importModule;
    this.importName = importName;
  }

  public String importModule() {
    return importModule;
  }

  public String importName() {
    return importName;
  }
}
