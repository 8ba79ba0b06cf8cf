/**
 * Beam: a flare's only network egress, outbound HTTP through {@code java.net.http.HttpClient}
 * (flaron-abi.md §3.3, §4.1, §8 decision 9).
 *
 * <p>{@link dev.flarec.hostabi.beam.UrlAllowlist} decides which URLs a flare may reach, {@link
 * dev.flarec.hostabi.beam.BeamRequest} is the parsed options JSON, {@link
 * dev.flarec.hostabi.beam.BeamResponse} the response JSON handed back, and {@link
 * dev.flarec.hostabi.beam.BeamClient} does the exchange with timeouts and a response size cap.
 * Every failure is an empty result, never an exception or an error document: the guest sees 0.
 *
 * <p>Depends on the JDK and Jackson only: never on {@code abi}, {@code invocation}, {@code server}
 * or the runtime.
 */
package dev.flarec.hostabi.beam;
