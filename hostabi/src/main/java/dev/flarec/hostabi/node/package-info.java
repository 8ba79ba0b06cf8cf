/**
 * A node serving every flare of a directory on one port ({@code flarec serve DIR}): routing by
 * {@code Host} and path prefix, and flares added, replaced and removed while it runs ({@link
 * dev.flarec.hostabi.node.FlareNode}).
 *
 * <p>Each flare is served as when it runs alone: its own configuration, {@link
 * dev.flarec.hostabi.abi.HostServices} and {@link dev.flarec.hostabi.server.FlareServer} (mounted,
 * without a listener), its module in a class loader of its own. Depends on {@code server}, {@code
 * abi} and {@code config}; nothing depends on it.
 */
package dev.flarec.hostabi.node;
