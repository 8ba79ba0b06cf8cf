/**
 * Typed Java bindings of a compiled module: a small Java source file per module with one typed
 * method per export and a typed builder for its imports, so that callers write {@code
 * Add.instantiate(imports).add(2, 3)} with no names in strings, casts or boxing. The last step of
 * the pipeline for build tools: the CLI's {@code --bindings} and the Maven plugin write it beside
 * the compiled classes.
 */
package dev.flarec.compiler.bindings;
