/**
 * One invocation of a flare: its request, the response it builds, and the per-invocation budgets
 * host functions draw from.
 *
 * <p>Depends on {@code config} only: no HTTP server, no guest memory, so the host functions and the
 * server can both use it.
 */
package dev.flarec.hostabi.invocation;
