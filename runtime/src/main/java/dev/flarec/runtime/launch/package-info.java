/**
 * Launching a compiled module from a command line: the main class of every JAR the compiler writes
 * ({@link dev.flarec.runtime.launch.ModuleMain}), and the pieces it shares with the compiler's
 * {@code flarec run}: parsing command-line arguments into Wasm values and printing results ({@link
 * dev.flarec.runtime.launch.ValueFormat}), invoking an export ({@link
 * dev.flarec.runtime.launch.Invocation}), describing exports, the exit statuses, and what a
 * command-line process declares before it loads a module ({@link
 * dev.flarec.runtime.launch.CommandLineProcess}).
 *
 * <p>Ships inside every compiled JAR, so it depends on the other runtime packages and the JDK only:
 * no command-line library, no compiler, no parser. Errors meant for the user are {@link
 * dev.flarec.runtime.launch.LaunchException}s with a one-line message; traps stay {@link
 * dev.flarec.runtime.trap.WasmTrap}s so each front end can give them their own exit status.
 *
 * <p>Value syntax follows the WebAssembly text format's numeric literals (Wasm 2.0 §6.3.1, §6.3.2).
 */
package dev.flarec.runtime.launch;
