package dev.flarec.compiler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code flarec --version}: the version Maven recorded in the compiler's JAR, and the Java runtime,
 * since which JVM runs flarec decides which bytecode features the JIT makes fast.
 */
final class VersionProvider implements IVersionProvider {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.flarec/flarec-compiler/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "flarec " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  /** The version, or a marker when running from a build tree, where Maven wrote no properties. */
  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "(unknown version)");
      }
    } catch (IOException e) {
      // fall through: a version is not worth failing for
    }
    return "(development build)";
  }
}
