/**
 * The {@code flaron/v1} host functions, one class per family (request, response, beam, spark,
 * plasma, secrets, crypto, encoding, ids, time, log, websocket), listed in {@code
 * HostFunctionIndex} and bound to each pooled instance by {@code HostFunctionBinder}.
 *
 * <p>Families depend on {@code guest}, {@code invocation}, {@code config} and the services they
 * wrap; never on {@code server}. Follows docs/flaron-abi.md §3 and §8: every citation of
 * "flaron-abi.md" or of "decision N" in this project refers to that file.
 */
package dev.flarec.hostabi.abi;
