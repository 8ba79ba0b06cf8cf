package dev.flarec.compiler.jar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every file under one package prefix (for example {@code dev/flarec/runtime/}), read from wherever
 * a class of that package was loaded from: a directory of classes when flarec runs from a build
 * tree or an IDE, a JAR when it runs from {@code flarec.jar} or a Maven dependency.
 *
 * <p>Copying the files the compiler itself was loaded with guarantees that a compiled JAR carries
 * exactly the runtime its generated classes were compiled against.
 *
 * <p>A multi-release JAR's (or build directory's) classes for later Java versions under the prefix
 * come too, by their own names ({@code META-INF/versions/24/dev/flarec/runtime/...}): the runtime
 * has such a class ({@code MemoryAccess}), and a JAR carrying it says {@code Multi-Release: true}
 * ({@link #isMultiRelease}).
 */
public final class PackageTree {
  private PackageTree() {}

  /**
   * The files under {@code prefix} in the code source of {@code anchor}, by entry name, sorted.
   *
   * @param prefix a resource path ending in {@code /}, such as {@code dev/flarec/runtime/}
   */
  public static SortedMap<String, byte[]> of(Class<?> anchor, String prefix) {
    return read(codeSource(anchor), prefix);
  }

  /**
   * Whether {@code entries} holds classes for a later Java version ({@code META-INF/versions/}).
   */
  public static boolean isMultiRelease(Map<String, byte[]> entries) {
    return entries.keySet().stream().anyMatch(name -> name.startsWith(VERSIONS));
  }

  private static final String VERSIONS = "META-INF/versions/";

  /** The files under {@code prefix} in {@code location}, a directory or a JAR. */
  static SortedMap<String, byte[]> read(Path location, String prefix) {
    if (!prefix.endsWith("/")) {
      throw new IllegalArgumentException("prefix must end with '/': " + prefix);
    }
    try {
      SortedMap<String, byte[]> entries =
          Files.isDirectory(location) ? readDirectory(location, prefix) : readJar(location, prefix);
      if (entries.isEmpty()) {
        throw new IllegalStateException("no files under " + prefix + " in " + location);
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  private static Path codeSource(Class<?> anchor) {
    CodeSource source = anchor.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null || !location.getProtocol().equals("file")) {
      throw new IllegalStateException(
          "cannot locate the classes of " + anchor.getName() + " (loaded from " + location + ")");
    }
    try {
      return Path.of(location.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad code source " + location, e);
    }
  }

  private static SortedMap<String, byte[]> readDirectory(Path root, String prefix)
      throws IOException {
    SortedMap<String, byte[]> entries = new TreeMap<>();
    readDirectory(root, root.resolve(prefix), entries);
    Path versions = root.resolve(VERSIONS);
    if (Files.isDirectory(versions)) {
      try (Stream<Path> each = Files.list(versions)) {
        for (Path version : (Iterable<Path>) each::iterator) {
          readDirectory(root, version.resolve(prefix), entries);
        }
      }
    }
    return entries;
  }

  private static void readDirectory(Path root, Path start, SortedMap<String, byte[]> entries)
      throws IOException {
    if (!Files.isDirectory(start)) {
      return;
    }
    try (Stream<Path> files = Files.walk(start)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        // entry names use '/' whatever the platform's separator
        String separator = file.getFileSystem().getSeparator();
        String name = root.relativize(file).toString().replace(separator, "/");
        entries.put(name, Files.readAllBytes(file));
      }
    }
  }

  private static SortedMap<String, byte[]> readJar(Path jar, String prefix) throws IOException {
    SortedMap<String, byte[]> entries = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> all = file.entries();
      while (all.hasMoreElements()) {
        JarEntry entry = all.nextElement();
        if (!entry.isDirectory() && isUnder(entry.getName(), prefix)) {
          try (InputStream in = file.getInputStream(entry)) {
            entries.put(entry.getName(), in.readAllBytes());
          }
        }
      }
    }
    return entries;
  }

  /** Whether {@code name} is under {@code prefix}, or under it in a later version's classes. */
  private static boolean isUnder(String name, String prefix) {
    return unversioned(name).startsWith(prefix);
  }

  /**
   * The path a multi-release entry ({@code META-INF/versions/N/path}) stands for; any other name as
   * it is.
   */
  static String unversioned(String name) {
    if (name.startsWith(VERSIONS)) {
      int slash = name.indexOf('/', VERSIONS.length());
      return slash < 0 ? name : name.substring(slash + 1);
    }
    return name;
  }
}
