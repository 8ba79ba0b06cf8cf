package dev.flarec.runtime.descriptor;

/**
 * The kinds of things a module imports and exports.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html#exports">Wasm 2.0
 *     §2.5.10</a>
 */
public enum ExternKind {
  FUNCTION,
  TABLE,
  MEMORY,
  GLOBAL,
  /** An exception tag (3.0). */
  TAG
}
