package dev.flarec.compiler.cli;

import dev.flarec.compiler.ModuleClassNames;
import dev.flarec.compiler.jar.JarWriter;
import javax.lang.model.SourceVersion;

/**
 * The binary name of the class generated for a module: derived from the module's file name ({@code
 * my-flare.wasm} becomes {@code flarec.module.MyFlare}) so that stack traces and {@code javap} show
 * where code came from, or given by the user and then checked.
 */
final class ClassNames {
  /** The package of derived names: one of its own, so it cannot clash with user or JDK code. */
  static final String PACKAGE = "flarec.module";

  private ClassNames() {}

  /**
   * {@code flarec.module.} plus the file name without its {@code .wasm} (or {@code .wat}), as an
   * UpperCamelCase Java identifier: letters and digits are kept, anything else separates words.
   */
  static String fromFileName(String fileName) {
    return PACKAGE + "." + ModuleClassNames.simpleNameOf(fileName);
  }

  /** The file name without its {@code .wasm} or {@code .wat}. */
  static String withoutExtension(String fileName) {
    return ModuleClassNames.withoutExtension(fileName);
  }

  /**
   * Checks a name given with {@code --class-name}.
   *
   * @throws IllegalArgumentException saying why the name cannot be used
   */
  static String validate(String className) {
    if (!SourceVersion.isName(className)) {
      throw new IllegalArgumentException(
          "invalid --class-name '"
              + className
              + "': expected a Java class name such as com.example.Hello");
    }
    if (className.startsWith("java.")) {
      throw new IllegalArgumentException(
          "invalid --class-name '" + className + "': the JVM reserves the package java");
    }
    String runtimePackage = JarWriter.RUNTIME_PREFIX.replace('/', '.');
    if (className.startsWith(runtimePackage)) {
      throw new IllegalArgumentException(
          "invalid --class-name '"
              + className
              + "': "
              + runtimePackage
              + " belongs to the flarec runtime");
    }
    return className;
  }
}
