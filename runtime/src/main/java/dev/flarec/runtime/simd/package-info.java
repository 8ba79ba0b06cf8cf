/**
 * WebAssembly's 128-bit SIMD at run time: the {@link dev.flarec.runtime.simd.V128} value and the
 * static operations compiled code calls for every SIMD instruction (bits and lanes, integer and
 * floating-point lanes, loads and stores).
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#vector-instructions">Wasm
 *     2.0 §4.4.3</a>
 */
package dev.flarec.runtime.simd;
