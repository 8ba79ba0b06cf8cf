/**
 * The WebAssembly text format ({@code .wat}) in front of the pipeline: {@link
 * dev.flarec.compiler.text.WatTranslator} turns text into the binary format, which the decoder then
 * reads like any {@code .wasm}. The translation is wabt's own {@code wat2wasm}, run on the JVM
 * through Chicory's {@code com.dylibso.chicory:wabt}; see
 * docs/RATIONALE.md#why-wabts-wat2wasm-for-the-text-format.
 */
package dev.flarec.compiler.text;
