/**
 * The real-program corpus (benchmarks/real-programs): whole WASI programs (Lua, SQLite, bzip2,
 * Rust) rather than kernels. {@link dev.flarec.benchmarks.realprogram.RealProgramMain} times one
 * program on one engine in a fresh JVM: compile or load, the first run on a fresh instance with
 * cold code, then the steady state (median of later runs, each on a fresh instance). Every run's
 * standard output must equal the native build's, so no engine is timed on a wrong answer.
 */
package dev.flarec.benchmarks.realprogram;
