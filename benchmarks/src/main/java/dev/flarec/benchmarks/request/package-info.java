/**
 * The request path: the {@code hello} flare (examples/hello) and the {@code hash} flare
 * (benchmarks/flares/hash.c, SHA-256 work per request), each beside a plain Java handler that
 * answers the same bytes. In process ({@link FlareHarness}, for JMH) and over HTTP ({@link
 * PlainServer} on the same {@code com.sun.net.httpserver} set-up as the flare server, loaded by wrk
 * from benchmarks/run.sh).
 */
package dev.flarec.benchmarks.request;
