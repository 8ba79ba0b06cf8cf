package dev.flarec.runtime.launch;

import dev.flarec.runtime.instance.Module;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds the module a compiled JAR carries: the first manifest on the class path that names a
 * generated class in its {@value Module#MANIFEST_ATTRIBUTE} attribute. Searching the class path
 * rather than opening "our own" JAR file means the module is found the same way under {@code java
 * -jar m.jar} and under {@code java -cp m.jar:other.jar ...ModuleMain}. Public for the other
 * launchers of compiled JARs (the WASI one), which find their module the same way.
 *
 * <p>When the class path is a single JAR (always so under {@code java -jar}) and the loader is the
 * application's, that JAR's first manifest is the one the search would find, so it is read directly
 * ({@link #fromJar}): one {@link JarFile} instead of the loader's resource search through {@code
 * jar:} URLs, a cost every start pays (docs/RATIONALE.md "Why a flare's launcher reads its own
 * JAR").
 *
 * @param module the module
 * @param programName the JAR's file name, for usage lines and messages
 */
public record BundledModule(Module module, String programName) {
  private static final String MANIFEST = "META-INF/MANIFEST.MF";

  /**
   * The module of the first manifest that names one.
   *
   * @throws LaunchException if no manifest names a module, or the one named is missing
   */
  public static BundledModule find(ClassLoader loader) {
    File ownJar = loader == ClassLoader.getSystemClassLoader() ? singleJarOnClassPath() : null;
    if (ownJar != null) {
      BundledModule direct = fromJar(ownJar, loader);
      if (direct != null) {
        return direct;
      }
    }
    try {
      Enumeration<URL> manifests = loader.getResources(MANIFEST);
      while (manifests.hasMoreElements()) {
        URL url = manifests.nextElement();
        String className = moduleClass(url);
        if (className != null) {
          try {
            return new BundledModule(Module.load(loader, className), programName(url));
          } catch (IllegalArgumentException e) {
            throw new LaunchException(programName(url) + " is damaged: " + e.getMessage(), e);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new LaunchException(
        "no compiled module on the class path (no manifest has a "
            + Module.MANIFEST_ATTRIBUTE
            + " attribute); compile one with flarec");
  }

  /**
   * The module named by the manifest of {@code jar}, whose classes {@code loader} loads; null when
   * the JAR cannot be read or its manifest names no module, so that the caller searches the class
   * path instead and reports what it finds there.
   *
   * @throws LaunchException if the manifest names a module whose descriptor or class is missing or
   *     damaged
   */
  public static BundledModule fromJar(File jar, ClassLoader loader) {
    String name = jar.getName();
    String className;
    byte[] descriptor;
    // no signature check: the loader that defines the classes checks them as it always does
    try (JarFile file = new JarFile(jar, false)) {
      Manifest manifest = file.getManifest();
      className =
          manifest == null
              ? null
              : manifest.getMainAttributes().getValue(Module.MANIFEST_ATTRIBUTE);
      if (className == null) {
        return null;
      }
      JarEntry entry = file.getJarEntry(Module.descriptorResource(className));
      if (entry == null) {
        throw new LaunchException(
            name
                + " is damaged: no compiled module "
                + className
                + " (missing "
                + Module.descriptorResource(className)
                + ")");
      }
      try (InputStream in = file.getInputStream(entry)) {
        descriptor = in.readAllBytes();
      }
    } catch (IOException e) {
      return null;
    }
    try {
      return new BundledModule(Module.load(loader, className, descriptor), name);
    } catch (IllegalArgumentException e) {
      throw new LaunchException(name + " is damaged: " + e.getMessage(), e);
    }
  }

  /** The class path's only entry when it is a JAR file, as under {@code java -jar}; else null. */
  static File singleJarOnClassPath() {
    String path = System.getProperty("java.class.path", "");
    if (path.isEmpty() || path.contains(File.pathSeparator)) {
      return null;
    }
    File file = new File(path);
    return file.isFile() ? file : null;
  }

  private static String moduleClass(URL manifest) throws IOException {
    try (InputStream in = manifest.openStream()) {
      return new Manifest(in).getMainAttributes().getValue(Module.MANIFEST_ATTRIBUTE);
    }
  }

  /** "factorial.jar" from "jar:file:/x/factorial.jar!/META-INF/MANIFEST.MF". */
  static String programName(URL manifest) {
    String path = manifest.getPath();
    int bang = path.lastIndexOf("!/");
    String container =
        bang >= 0 ? path.substring(0, bang) : path.substring(0, path.length() - MANIFEST.length());
    while (container.endsWith("/")) {
      container = container.substring(0, container.length() - 1);
    }
    String name = container.substring(container.lastIndexOf('/') + 1);
    // URL paths are percent-encoded; '+' is a literal plus in a path, not a space
    name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
    return name.isEmpty() ? "module" : name;
  }
}
