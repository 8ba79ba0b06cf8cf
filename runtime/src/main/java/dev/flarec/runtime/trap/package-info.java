/**
 * Traps: the one exception type compiled code throws, the catalogue of their messages, and the
 * boundary that turns JVM errors raised inside compiled code into traps.
 *
 * <p>Depends on nothing but the JDK. Messages follow the WebAssembly reference interpreter, which
 * the spec test scripts' {@code assert_trap} commands quote.
 */
package dev.flarec.runtime.trap;
