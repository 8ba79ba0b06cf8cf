/**
 * The main class of every flare JAR: {@code java -jar my_flare.jar [--port N] [--config FILE]}
 * finds the flare compiled into the JAR, reads the configuration (embedded defaults, overridden by
 * the file), serves the flare and stops gracefully on SIGTERM.
 *
 * <p>Its contract with users, as for the {@code flarec} command: a bad option, a bad configuration
 * or a flare that cannot start is one line on standard error naming the problem, and a non-zero
 * exit status ({@link dev.flarec.runtime.launch.ExitStatus}); only a bug prints a stack trace.
 * Parses its few options by hand: flare JARs carry no command-line library.
 *
 * <p>Depends on every other hostabi package; nothing depends on it.
 */
package dev.flarec.hostabi.launch;
