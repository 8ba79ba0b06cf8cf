/**
 * The JMH benchmarks. All use the same settings ({@link KernelBenchmark}: one fork per parameter
 * combination, 3 warm-up and 5 measured iterations of one second, average time per call); a
 * combination of engine and kernel is a fork of its own, so the JIT of one never profiles the
 * other. Every {@code @Setup} checks the engine's answer against native code's and fails the run on
 * a mismatch.
 */
package dev.flarec.benchmarks.jmh;
