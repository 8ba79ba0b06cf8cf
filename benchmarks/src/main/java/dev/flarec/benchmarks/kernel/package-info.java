/**
 * The compute kernels: their built {@code .wasm} (resources under {@code kernels/}) and {@code
 * kernels.tsv}, which gives each kernel's work sizes and the answers gcc-compiled native code
 * computed for them. Every engine must reproduce those answers before it is timed.
 */
package dev.flarec.benchmarks.kernel;
