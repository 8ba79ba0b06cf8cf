/**
 * The module descriptor: a compiled module's imports, exports, types, segments and definitions, and
 * its encoding as a resource beside the generated class.
 *
 * <p>Depends on {@code dev.flarec.runtime.types} only; written by the compiler, read by {@code
 * dev.flarec.runtime.instance}. Mirrors the module structure of WebAssembly 2.0 §2.5.
 */
package dev.flarec.runtime.descriptor;
