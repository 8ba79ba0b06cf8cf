/**
 * WebAssembly types as the runtime sees them: value types, interned function types, limits.
 *
 * <p>Depends on nothing but the JDK. Follows the WebAssembly 2.0 specification, §2.3 (types).
 */
package dev.flarec.runtime.types;
