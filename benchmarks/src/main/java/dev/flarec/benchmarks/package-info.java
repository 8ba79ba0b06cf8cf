/**
 * Benchmarks of flarec against the engines a user would pick instead.
 *
 * <p>{@code kernel} knows the workloads (C compiled to Wasm, with their expected answers); {@code
 * engine} runs a kernel on flarec, Chicory's interpreter or Chicory's compiler; {@code handwritten}
 * holds the same algorithms in plain Java, the JVM's upper bound; {@code jmh} has the JMH
 * benchmarks; {@code request} the request-path pieces (in-process and over HTTP); {@code startup}
 * measures compile cost and start-up; {@code realprogram} times whole WASI programs (the
 * real-program corpus); {@code report} turns all the results into docs/benchmarks.md and its
 * charts. {@code benchmarks/run.sh} drives the kernel set, {@code benchmarks/real-programs.sh} the
 * corpus.
 */
package dev.flarec.benchmarks;
