/**
 * The edge server: {@code com.sun.net.httpserver} with a real executor (virtual threads when the
 * JVM has them), a request → {@link dev.flarec.hostabi.invocation.Invocation} → {@code
 * handle_request} → HTTP response path with the actions of flaron-abi.md §1.2 (Respond, Transform,
 * PassThrough), deadlines, response validation, the origin proxy, the access log, a health endpoint
 * and graceful shutdown.
 *
 * <p>Depends on every other hostabi package and the runtime; nothing in hostabi depends on it
 * except {@code launch}. Follows flaron-abi.md §1.2 and §8 decisions 2–4, 12–17 and 23; RFC 9110
 * for proxying.
 */
package dev.flarec.hostabi.server;
