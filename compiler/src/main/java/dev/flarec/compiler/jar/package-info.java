/**
 * Writing a compiled module as a runnable JAR: the generated classes, the module descriptor beside
 * them, every class of the runtime, and a manifest whose {@code Main-Class} is the runtime's
 * launcher ({@code dev.flarec.runtime.launch.ModuleMain}); for a flare, the flare host embedded in
 * flarec ({@link dev.flarec.compiler.jar.FlareHost}) instead of the bare runtime, and its launcher
 * as {@code Main-Class}.
 *
 * <p>What goes into the JAR is exactly what a compiled module needs at run time and nothing of the
 * compiler: no ASM, no parser, no command-line library, so that {@code java -jar} on the result is
 * all a user needs. Depends on the compiler's API ({@code CompiledModule}) and the runtime (to find
 * its classes and names); must not depend on {@code cli}, {@code emit} or {@code decode}. Follows
 * the JAR File Specification (manifest, main attributes).
 *
 * @see <a href="https://docs.oracle.com/en/java/javase/17/docs/specs/jar/jar.html">JAR File
 *     Specification</a>
 */
package dev.flarec.compiler.jar;
