/**
 * Tables of references, with the bounds checks and {@code call_indirect} resolution the spec
 * defines for them.
 *
 * <p>Depends on {@code dev.flarec.runtime.types}, {@code dev.flarec.runtime.trap} and {@link
 * dev.flarec.runtime.instance.FunctionRef}. Follows WebAssembly 2.0 §4.2.7 and §4.4.6.
 */
package dev.flarec.runtime.table;
