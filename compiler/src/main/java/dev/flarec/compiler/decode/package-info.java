/**
 * Decoding: a thin wrapper over the Chicory (Endive) Wasm parser, which also validates, turning
 * its failures into our malformed/invalid errors.
 *
 * <p>The only package that may call the parser's entry points. Must not depend on {@code emit}
 * or {@code layout}. Follows WebAssembly 2.0 §5 (binary format) and §3 (validation).
 */
package dev.flarec.compiler.decode;
