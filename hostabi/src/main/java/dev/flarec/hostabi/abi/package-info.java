/**
 * The {@code flaron/v1} host functions, one class per family (request, response, beam, spark,
 * plasma, secrets, crypto, encoding, ids, time, log, websocket), bound to each pooled instance
 * by {@link dev.flarec.hostabi.abi.HostFunctionBinder}.
 *
 * <p>Families depend on {@code guest}, {@code invocation}, {@code config} and the services they
 * wrap; never on {@code server}. Follows flaron-abi.md §3 and §8.
 */
package dev.flarec.hostabi.abi;
