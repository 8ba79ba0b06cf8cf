/**
 * The WebAssembly spec test runner: runs the official WebAssembly 3.0 core test scripts against
 * modules compiled by flarec and reports, per script, how many commands passed and failed.
 *
 * <p>The scripts are test data kept outside the repository ({@link SpecLocations}), in their binary
 * form ({@code .bin.wast}: every module already a binary, values in the text format's notation).
 * {@link SExpression} and {@link ScriptReader} read them into a typed model ({@link Command},
 * values through {@link ValueCodec}), executed command by command ({@link ScriptRunner}) against
 * instances linked with the standard {@code spectest} host module ({@link SpecTestHost}). {@link
 * SpecTest} is the JUnit entry point; {@link NotYetScripts} lists the scripts flarec does not pass
 * yet; {@link StatusReport} writes the summary tables to {@code testsuite/target/spec-status.md}
 * (and, on request, to the committed {@code docs/spec-status.md}).
 *
 * <p>{@code v128} values cross as {@code dev.flarec.runtime.simd.V128}, matched lane by lane where
 * a script expects a NaN class in a lane.
 */
package dev.flarec.testsuite;
