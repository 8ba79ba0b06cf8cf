/**
 * Cost before the first result: compiling a large module ({@link LargeModule} generates one, {@link
 * CompileCost} times it and records the heap it needed) and starting a compiled JAR ({@link
 * StartupProbe}: from {@code java -jar} to the first HTTP response or printed result), and a
 * compiled module's first run in a fresh JVM apart from loading it ({@link FirstRunProbe}), and
 * what the JIT did meanwhile ({@link CompilationLogSummary}, over a {@code -XX:+LogCompilation}
 * file).
 */
package dev.flarec.benchmarks.startup;
