/**
 * Spark: the node-local key-value store with TTL behind {@code spark_*} (flaron-abi.md §3.4, §4.5,
 * §8 decisions 18 and 19).
 *
 * <p>Data is namespaced per site, expires by TTL, and persists across restarts in an embedded
 * SQLite database; every write is committed before it returns, so a crash loses at most the write
 * in flight (docs/RATIONALE.md, "Why SQLite for Spark?"). Wire codes live in {@link
 * dev.flarec.hostabi.spark.SparkCode}; the wire format of results (TTL prefix, JSON lists) is the
 * ABI layer's business, not this package's.
 *
 * <p>Depends on the JDK (JDBC) and the SQLite driver only: never on {@code abi}, {@code
 * invocation}, {@code server} or the runtime, so it can be tested and reused without a Wasm
 * instance.
 */
package dev.flarec.hostabi.spark;
