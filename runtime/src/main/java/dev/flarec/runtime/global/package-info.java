/**
 * Global variable cells for globals that cross a module boundary.
 *
 * <p>Depends on {@code dev.flarec.runtime.types} only. Follows WebAssembly 2.0 §4.2.9.
 */
package dev.flarec.runtime.global;
