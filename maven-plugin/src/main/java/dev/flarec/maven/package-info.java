/**
 * {@code flarec-maven-plugin}: compiles the WebAssembly modules of a Maven project at build time.
 * {@link dev.flarec.maven.CompileMojo} is the goal and its configuration; {@link
 * dev.flarec.maven.ModuleBuild} compiles one module into the project's classes and writes its
 * bindings; {@link dev.flarec.maven.BuildStamp} remembers what each output was made from, so that
 * an unchanged module is not compiled again.
 */
package dev.flarec.maven;
