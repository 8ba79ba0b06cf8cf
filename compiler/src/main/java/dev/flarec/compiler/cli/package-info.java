/**
 * The {@code flarec} command line: {@code flarec MODULE.wasm} compiles a module to a runnable JAR,
 * {@code flarec run MODULE.wasm --invoke NAME ARGS...} compiles it in memory and calls an export.
 *
 * <p>Its contract with users: every bad input is reported as one line on standard error, starting
 * with {@code flarec: } and saying what is wrong and where, with the exit statuses of {@link
 * dev.flarec.runtime.launch.ExitStatus}; only a bug in flarec prints a stack trace. Arguments and
 * results are read and printed by the runtime's {@code launch} package, so {@code flarec run} and a
 * compiled JAR behave alike.
 *
 * <p>The only package that may use picocli. Nothing else in the compiler may depend on this
 * package. Follows POSIX utility conventions for options and exit statuses.
 */
package dev.flarec.compiler.cli;
