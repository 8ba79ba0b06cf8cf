/**
 * Builds the runtime's module descriptor from the decoded module.
 *
 * <p>Depends on {@code layout} (names, types) and the runtime's descriptor records; must not depend
 * on {@code emit}. Mirrors WebAssembly 2.0 §2.5 (modules).
 */
package dev.flarec.compiler.descriptor;
