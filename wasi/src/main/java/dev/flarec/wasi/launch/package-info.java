/**
 * Running WASI modules from a command line: the main class of compiled WASI JARs ({@link
 * dev.flarec.wasi.launch.WasiMain}), the {@code HOST[::GUEST]} notation for pre-opened directories
 * ({@link dev.flarec.wasi.launch.DirMapping}), and the linking and reporting that {@code flarec
 * run} shares with it ({@link dev.flarec.wasi.launch.WasiCommand}).
 *
 * <p>Ships inside every WASI JAR, so it depends on the WASI API, the runtime (its {@code launch}
 * package: exit statuses, value syntax, finding the bundled module) and the JDK only; no
 * command-line library. Spec: WASI preview 1 commands and reactors ({@code _start}, {@code
 * _initialize}), as wasi-libc's {@code crt1} defines them.
 */
package dev.flarec.wasi.launch;
