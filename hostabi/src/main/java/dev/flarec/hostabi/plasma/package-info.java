/**
 * Plasma: the replicated key-value store behind {@code plasma_*} (flaron-abi.md §3.5, §4.5, §8
 * decision 20), built from state-based CRDTs so that replicas converge whatever order their
 * states are exchanged in.
 *
 * <ul>
 *   <li>{@link dev.flarec.hostabi.plasma.LwwRegister}: values, last writer wins by {@link
 *       dev.flarec.hostabi.plasma.Stamp} (hybrid time, then node id), deletes are tombstones;
 *   <li>{@link dev.flarec.hostabi.plasma.PnCounter}: counters, one grow-only total up and one
 *       down per node;
 *   <li>{@link dev.flarec.hostabi.plasma.PlasmaState}: one site's whole state, the unit
 *       replicas exchange and {@link dev.flarec.hostabi.plasma.PlasmaState#merge merge};
 *   <li>{@link dev.flarec.hostabi.plasma.PlasmaStore}: the node's live replica of every site.
 * </ul>
 *
 * <p>There is no network code here: gossip is a later layer that only needs {@code state} and
 * {@code merge}. Values and counters live in separate namespaces (decision 20). State is kept in
 * memory; a restarted node starts empty until replication refills it.
 *
 * <p>Depends on the JDK only: never on {@code abi}, {@code invocation}, {@code server} or the
 * runtime.
 */
package dev.flarec.hostabi.plasma;
