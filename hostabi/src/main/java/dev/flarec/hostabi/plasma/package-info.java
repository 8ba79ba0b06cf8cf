/**
 * Plasma: the replicated key-value store behind {@code plasma_*} (flaron-abi.md §3.5, §4.5, §8
 * decision 20), built from state-based CRDTs so that replicas converge whatever order their states
 * are exchanged in.
 *
 * <ul>
 *   <li>{@link dev.flarec.hostabi.plasma.LwwRegister}: values, last writer wins by {@link
 *       dev.flarec.hostabi.plasma.Stamp} (hybrid time, then node id), deletes are tombstones;
 *   <li>{@link dev.flarec.hostabi.plasma.PnCounter}: counters, one grow-only total up and one down
 *       per node;
 *   <li>{@link dev.flarec.hostabi.plasma.PlasmaState}: one site's whole state, the unit replicas
 *       exchange and {@link dev.flarec.hostabi.plasma.PlasmaState#merge merge};
 *   <li>{@link dev.flarec.hostabi.plasma.PlasmaStore}: the node's live replica of every site.
 * </ul>
 *
 * <p>There is no network code here: replication ({@code cluster}) only needs {@code state}, {@code
 * merge} and the change listener. Values and counters live in separate namespaces (decision 20).
 * {@link dev.flarec.hostabi.plasma.PlasmaJournal} keeps a node's replica on disk, so a restarted
 * node starts from its own state.
 *
 * <p>Depends on the JDK only: never on {@code abi}, {@code invocation}, {@code server} or the
 * runtime.
 */
package dev.flarec.hostabi.plasma;
