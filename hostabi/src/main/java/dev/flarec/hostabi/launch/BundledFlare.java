package dev.flarec.hostabi.launch;

import dev.flarec.runtime.instance.Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.Manifest;

/**
 * The flare a JAR carries: the first manifest on the class path naming a generated class in its
 * {@value Module#MANIFEST_ATTRIBUTE} attribute, as the runtime's launcher finds modules.
 *
 * @param module the compiled flare
 * @param jarName the JAR's file name ({@code hello.jar}), for messages
 */
record BundledFlare(Module module, String jarName) {
  private static final String MANIFEST = "META-INF/MANIFEST.MF";

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

  static BundledFlare find(ClassLoader loader) throws NotAFlare {
    try {
      Enumeration<URL> manifests = loader.getResources(MANIFEST);
      while (manifests.hasMoreElements()) {
        URL url = manifests.nextElement();
        String className;
        try (InputStream in = url.openStream()) {
          className = new Manifest(in).getMainAttributes().getValue(Module.MANIFEST_ATTRIBUTE);
        }
        if (className != null) {
          try {
            return new BundledFlare(Module.load(loader, className), jarName(url));
          } catch (IllegalArgumentException e) {
            throw new NotAFlare(jarName(url) + " is damaged: " + e.getMessage());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new NotAFlare(
        "no compiled flare on the class path (no manifest has a " + Module.MANIFEST_ATTRIBUTE
            + " attribute); compile one with flarec");
  }

  /** "hello.jar" from "jar:file:/x/hello.jar!/META-INF/MANIFEST.MF". */
  static String jarName(URL manifest) {
    String path = manifest.getPath();
    int bang = path.lastIndexOf("!/");
    String container =
        bang >= 0 ? path.substring(0, bang) : path.substring(0, path.length() - MANIFEST.length());
    while (container.endsWith("/")) {
      container = container.substring(0, container.length() - 1);
    }
    String name = container.substring(container.lastIndexOf('/') + 1);
    name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
    return name.isEmpty() ? "flare" : name;
  }
}
