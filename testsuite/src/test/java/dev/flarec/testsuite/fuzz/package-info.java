/**
 * The fuzzers: a mutation fuzzer that holds flarec's decoder and validator to wabt's {@code
 * wasm-validate} and to clean, positioned errors, and a differential fuzzer that runs binaryen's
 * random valid modules under flarec and under node and compares what they do. Short seeded runs are
 * part of the build; docs/fuzzing.md has the long-run command and its latest totals.
 */
package dev.flarec.testsuite.fuzz;
