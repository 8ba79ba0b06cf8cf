/** Timing of the SIMD kernels under flarec, for benchmarks/simd.sh. */
package dev.flarec.benchmarks.simd;
