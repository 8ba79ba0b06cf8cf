/**
 * Runs a kernel on one engine behind {@link dev.flarec.benchmarks.engine.KernelRunner}. Each JMH
 * fork loads exactly one engine and one kernel, so the interface call in the benchmark method stays
 * monomorphic and costs nothing next to a call of a millisecond or more.
 */
package dev.flarec.benchmarks.engine;
