/**
 * The compiler's public API: {@link dev.flarec.compiler.Flarec} turns Wasm bytes into a {@link
 * dev.flarec.compiler.CompiledModule}; {@link dev.flarec.compiler.CompileOptions} sets the
 * generated class name and method budget; {@link dev.flarec.compiler.CompileException} and its
 * subclasses report, by phase, why a module was rejected.
 *
 * <p>The pipeline's stages are the subpackages, in order: {@code decode} (which also holds a module
 * to what flarec compiles), {@code descriptor}, {@code emit} (with {@code layout}), then {@code
 * jar}; {@code cli} is the command line. Generated code must never depend on this module: only on
 * the runtime.
 */
package dev.flarec.compiler;
