/**
 * WebAssembly exceptions (the 3.0 exception-handling feature): the throwable that carries a tag and
 * its payload through compiled code and across host boundaries.
 *
 * <p>Kept apart from {@link dev.flarec.runtime.trap}: a Wasm exception can be caught by Wasm code,
 * a trap never can, and the two must never be confused.
 */
package dev.flarec.runtime.exception;
