/**
 * The clock formats of the {@code timestamp} host function (flaron-abi.md §3.10, §4.4): decimal
 * Unix seconds, milliseconds and nanoseconds, RFC 3339 (and its {@code iso8601} alias) and the HTTP
 * IMF-fixdate.
 *
 * <p>Formatting only: the instant comes from the caller (the node's {@link java.time.Clock}, a
 * fixed one in tests). Depends on the JDK only; must not depend on the guest or the invocation.
 */
package dev.flarec.hostabi.time;
