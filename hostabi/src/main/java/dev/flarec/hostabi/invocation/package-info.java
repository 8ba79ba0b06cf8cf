/**
 * One invocation of a flare: its request, the response it builds, and the per-invocation
 * budgets host functions draw from.
 *
 * <p>Depends on {@code config} and the runtime only.
 */
package dev.flarec.hostabi.invocation;
