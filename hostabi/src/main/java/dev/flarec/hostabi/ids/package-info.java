/**
 * The identifier generators behind the {@code id_*} and {@code snowflake_id} host functions
 * (flaron-abi.md §3.9, §4.3, §8 decisions 24 and 25): UUID v4 and v7, ULID, NanoID, KSUID and
 * Snowflake.
 *
 * <p>{@link dev.flarec.hostabi.ids.IdGenerators} is the node-wide service (one per served flare,
 * shared by every instance and thread); it owns the Snowflake sequence, so {@code id_snowflake} and
 * {@code snowflake_id} draw from one generator. Time comes from the node's {@link java.time.Clock},
 * so tests fix it. Depends on the JDK and the f4b6a3 ID libraries only; must not depend on the
 * guest or the invocation (the per-invocation count limit is the host function's).
 */
package dev.flarec.hostabi.ids;
