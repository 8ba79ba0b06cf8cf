/**
 * Instances of the served flare, pooled: each with its own {@link
 * dev.flarec.hostabi.abi.FlareContext}, host functions and {@link dev.flarec.hostabi.guest.Guest},
 * reset to their post-instantiation snapshot between invocations or kept as they are (isolation
 * {@code reset} or {@code reuse}, flaron-abi.md §8 decision 12), and discarded after a trap.
 *
 * <p>Depends on the runtime, {@code abi}, {@code guest}, {@code invocation} and {@code config};
 * never on {@code server}: the pool knows nothing of HTTP.
 */
package dev.flarec.hostabi.pool;
