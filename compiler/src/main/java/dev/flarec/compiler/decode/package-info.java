/**
 * Decoding: flarec's own check of the binary format ({@link
 * dev.flarec.compiler.decode.ModuleChecker}), which gives every error its section, function and
 * byte offset, then the Chicory (Endive) Wasm parser, whose validator type-checks function bodies;
 * and what flarec compiles, WebAssembly 3.0 but GC and threads ({@link
 * dev.flarec.compiler.decode.UnsupportedFeatures}).
 *
 * <p>The only package that may call the parser's entry points. Must not depend on {@code emit} or
 * {@code layout}. Follows WebAssembly 3.0 §5 (binary format) and §3 (validation).
 */
package dev.flarec.compiler.decode;
