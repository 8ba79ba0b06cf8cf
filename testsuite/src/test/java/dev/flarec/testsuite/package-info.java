/**
 * The WebAssembly spec test runner: runs the official WebAssembly 2.0 core test scripts ({@code
 * .wast}) against modules compiled by flarec and reports, per script, how many commands passed,
 * failed, or were not applicable.
 *
 * <p>The scripts are test data kept outside the repository ({@link SpecLocations}). flarec compiles
 * binary modules only, so each script is first converted by wabt's {@code wast2json} into a JSON
 * list of commands plus the binary {@code .wasm} files ({@link WastConverter}); the JSON is read
 * into a typed model ({@link Command}, {@link ScriptParser}) and executed command by command
 * ({@link ScriptRunner}) against instances linked with the standard {@code spectest} host module
 * ({@link SpecTestHost}). {@link SpecTest} is the JUnit entry point; {@link StatusReport} writes
 * the summary table to {@code testsuite/target/spec-status.md} (and, on request, to the committed
 * {@code docs/spec-status.md}).
 *
 * <p>The scripts of the spec folder and of its {@code simd/} folder run alike; {@code v128} values
 * cross as {@code dev.flarec.runtime.simd.V128}, matched lane by lane where a script expects a NaN
 * class in a lane.
 */
package dev.flarec.testsuite;
