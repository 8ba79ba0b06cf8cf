/**
 * Linear memory: the byte array compiled code addresses, its growth, bulk operations and
 * bounds-checked host access.
 *
 * <p>Depends only on {@code dev.flarec.runtime.trap}, {@code dev.flarec.runtime.types} and the JDK.
 * Follows WebAssembly 2.0 §4.2.8 (memory instances) and §4.4.7 (memory instructions).
 */
package dev.flarec.runtime.memory;
