/**
 * Kernels written directly in Java, statement for statement the C sources under {@code
 * benchmarks/kernels}: the JVM's upper bound for flarec, which runs the same algorithm through
 * Wasm's rules (32-bit linear memory, unsigned arithmetic, explicit stack pointer). Unsigned C
 * arithmetic is spelled out; the answers must match native code bit for bit.
 */
package dev.flarec.benchmarks.handwritten;
