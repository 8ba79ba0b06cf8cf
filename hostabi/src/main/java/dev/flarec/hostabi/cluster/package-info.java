/**
 * Nodes working together: membership, Plasma replication and {@code spark_pull} between nodes, on a
 * JGroups channel ({@link dev.flarec.hostabi.cluster.ClusterNode}; see docs/RATIONALE.md "Why
 * JGroups for the cluster?").
 *
 * <p>The only package that uses JGroups, so that flare JARs without {@code plasma_*} or {@code
 * spark_pull} need not carry it: nothing outside calls into it unless a cluster is configured and
 * the flare imports those functions. The CRDT logic stays in {@code plasma}; this package only
 * moves states and merges them. Never depends on {@code server} or {@code abi}.
 */
package dev.flarec.hostabi.cluster;
