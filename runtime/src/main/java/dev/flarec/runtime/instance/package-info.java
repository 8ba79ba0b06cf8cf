/**
 * Instances and how they come to be: loading a compiled module, matching imports, instantiation,
 * function references, and the export API Java code calls.
 *
 * <p>This is the runtime's public face for embedders, together with the value classes of {@code
 * memory}, {@code table}, {@code global} and {@code types}. Depends on the other runtime packages
 * and the JDK only; never on the compiler or the Wasm parser. Follows WebAssembly 2.0 §4.2 and
 * §4.5.
 */
package dev.flarec.runtime.instance;
