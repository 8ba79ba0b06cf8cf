package dev.flarec.hostabi.launch;

import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.BundledModule;
import dev.flarec.runtime.launch.LaunchException;
import java.util.Locale;

/**
 * The flare a JAR carries: the first manifest on the class path naming a generated class in its
 * {@value Module#MANIFEST_ATTRIBUTE} attribute, as the runtime's launcher finds modules.
 *
 * @param module the compiled flare
 * @param jarName the JAR's file name ({@code hello.jar}), for messages
 */
record BundledFlare(Module module, String jarName) {
  /** A flare JAR that is missing its flare or is damaged. */
  static final class NotAFlare extends Exception {
    private static final long serialVersionUID = 1L;

    NotAFlare(String message) {
      super(message);
    }
  }

  /** The flare's default name: the JAR's name without {@code .jar}. */
  String flareName() {
    String lower = jarName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jar") ? jarName.substring(0, jarName.length() - 4) : jarName;
  }

  /** Found as the runtime's launcher finds a JAR's module ({@link BundledModule}). */
  static BundledFlare find(ClassLoader loader) throws NotAFlare {
    try {
      BundledModule bundled = BundledModule.find(loader);
      return new BundledFlare(bundled.module(), bundled.programName());
    } catch (LaunchException e) {
      throw new NotAFlare(e.getMessage());
    }
  }
}
