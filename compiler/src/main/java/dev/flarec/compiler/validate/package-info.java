/**
 * Validation beyond the parser's: holds a decoded module to the WebAssembly 2.0 feature set.
 *
 * <p>Must not depend on {@code emit}, {@code layout} or the runtime. Follows WebAssembly 2.0 §3.
 */
package dev.flarec.compiler.validate;
