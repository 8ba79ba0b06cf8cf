package dev.flarec.compiler.jar;

import dev.flarec.runtime.descriptor.ModuleDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * The flare host: what a flare JAR carries besides the generated classes, namely the runtime, the
 * {@code flaron/v1} host functions, the HTTP server and their dependencies, all from the host
 * bundle the {@code hostabi} module builds ({@code flarec-hostabi-*-bundle.jar}), and the bundle's
 * {@code Main-Class}, the flare launcher.
 *
 * <p>{@code flarec.jar} carries the bundle unpacked under {@value #RESOURCE_DIR}, so that a compile
 * reads (inflates) only the files its flare's JAR takes: for {@code hello} a quarter of the bundle.
 * The compiler itself never links against the host's classes. See
 * docs/RATIONALE.md#why-flare-jars-get-the-host-from-a-bundle.
 */
public final class FlareHost {
  /** Where {@code flarec.jar} carries the unpacked host bundle. */
  public static final String RESOURCE_DIR = "dev/flarec/compiler/jar/flare-host/";

  /** The import module of the flare ABI. */
  public static final String ABI_MODULE =
      dev.flarec.compiler.descriptor.ModuleKind.FLARE_ABI_MODULE;

  /** Reads one file of the bundle by name. */
  private interface Source {
    byte[] read(String name) throws IOException;
  }

  private final SortedSet<String> names;
  private final Source source;
  private final Attributes mainAttributes;

  /** flarec.jar's entries as stored, when the host is read from it; else null. */
  private final ZipIndex stored;

  private FlareHost(
      SortedSet<String> names, Source source, Attributes mainAttributes, ZipIndex stored) {
    this.names = Collections.unmodifiableSortedSet(names);
    this.source = source;
    this.mainAttributes = mainAttributes;
    this.stored = stored;
  }

  /**
   * Whether {@code module} is a flare: it imports from {@value #ABI_MODULE} or exports an entry
   * point of the ABI ({@code handle_request} or {@code ws_open}).
   */
  public static boolean isFlare(ModuleDescriptor module) {
    return dev.flarec.compiler.descriptor.ModuleKind.isFlare(module);
  }

  /** The host embedded in this flarec, or null when flarec was built without it. */
  public static FlareHost embedded() {
    URL manifestUrl =
        FlareHost.class.getClassLoader().getResource(RESOURCE_DIR + JarFile.MANIFEST_NAME);
    if (manifestUrl == null) {
      return null;
    }
    try {
      if (manifestUrl.openConnection() instanceof JarURLConnection connection) {
        connection.setUseCaches(false);
        return fromJar(connection.getJarFile());
      }
      return fromDirectory(Path.of(manifestUrl.toURI()).getParent().getParent());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the embedded flare host " + RESOURCE_DIR + ": " + e, e);
    }
  }

  /** The host unpacked in {@code jar} (flarec.jar), read entry by entry when needed. */
  static FlareHost fromJar(JarFile jar) throws IOException {
    SortedSet<String> names = new TreeSet<>();
    Manifest manifest = null;
    ZipIndex stored = ZipIndex.open(Path.of(jar.getName()));
    if (stored != null) {
      // the index has every name already; enumerating the JarFile's 14,000 entries would make
      // an object for each
      for (String entry : stored.names()) {
        if (entry.startsWith(RESOURCE_DIR) && !entry.endsWith("/")) {
          String name = entry.substring(RESOURCE_DIR.length());
          if (!name.equals(JarFile.MANIFEST_NAME)) {
            names.add(name);
          }
        }
      }
      JarEntry manifestEntry = jar.getJarEntry(RESOURCE_DIR + JarFile.MANIFEST_NAME);
      if (manifestEntry != null) {
        try (InputStream in = jar.getInputStream(manifestEntry)) {
          manifest = new Manifest(in);
        }
      }
    } else {
      for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
        JarEntry e = all.nextElement();
        if (e.isDirectory() || !e.getName().startsWith(RESOURCE_DIR)) {
          continue;
        }
        String name = e.getName().substring(RESOURCE_DIR.length());
        if (name.equals(JarFile.MANIFEST_NAME)) {
          try (InputStream in = jar.getInputStream(e)) {
            manifest = new Manifest(in);
          }
        } else {
          names.add(name);
        }
      }
    }
    Source source =
        name -> {
          try (InputStream in = jar.getInputStream(jar.getEntry(RESOURCE_DIR + name))) {
            return in.readAllBytes();
          }
        };
    return of(names, source, manifest, stored);
  }

  /** The host unpacked in a directory (a build's class output), for runs outside a JAR. */
  private static FlareHost fromDirectory(Path root) throws IOException {
    SortedSet<String> names = new TreeSet<>();
    try (var files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(n -> !n.equals(JarFile.MANIFEST_NAME))
          .forEach(names::add);
    }
    Manifest manifest;
    try (InputStream in = Files.newInputStream(root.resolve(JarFile.MANIFEST_NAME))) {
      manifest = new Manifest(in);
    }
    return of(names, name -> Files.readAllBytes(root.resolve(name)), manifest, null);
  }

  /** The host of a bundle JAR file. */
  public static FlareHost read(Path bundle) throws IOException {
    return read(Files.readAllBytes(bundle));
  }

  static FlareHost read(byte[] bundle) throws IOException {
    SortedMap<String, byte[]> entries = new TreeMap<>();
    Manifest manifest;
    try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bundle))) {
      manifest = jar.getManifest();
      for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
        if (!e.isDirectory() && !e.getName().equals(JarFile.MANIFEST_NAME)) {
          entries.put(e.getName(), jar.readAllBytes());
        }
      }
    }
    return of(new TreeSet<>(entries.keySet()), entries::get, manifest, null);
  }

  private static FlareHost of(
      SortedSet<String> names, Source source, Manifest manifest, ZipIndex stored)
      throws IOException {
    if (manifest == null
        || manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS) == null) {
      throw new IOException("the flare host bundle has no Main-Class");
    }
    return new FlareHost(names, source, manifest.getMainAttributes(), stored);
  }

  /** The flare launcher, the {@code Main-Class} of every flare JAR. */
  public String mainClass() {
    return mainAttributes.getValue(Attributes.Name.MAIN_CLASS);
  }

  /** Whether the bundle has per-Java-version classes ({@code Multi-Release: true}). */
  public boolean multiRelease() {
    return Boolean.parseBoolean(mainAttributes.getValue(Attributes.Name.MULTI_RELEASE));
  }

  /** Every file of the bundle but its manifest, by entry name. */
  public SortedMap<String, byte[]> entries() {
    return read(names);
  }

  /**
   * The files a JAR of {@code flare} carries: the core of the host, and of each optional {@link
   * HostComponent} (SQLite, BouncyCastle) only what the flare's imports can reach. Only these are
   * read.
   */
  public SortedMap<String, byte[]> entriesFor(ModuleDescriptor flare) {
    return read(chosenFor(flare));
  }

  /**
   * The same files as {@link #entriesFor}, as they are stored in {@code flarec.jar} (still
   * compressed), for copying into the flare's JAR as they are; null when this host is not read from
   * a JAR file that allows it (a build directory, a bundle given as bytes).
   */
  SortedMap<String, ZipWriter.RawEntry> storedEntriesFor(ModuleDescriptor flare) {
    if (stored == null) {
      return null;
    }
    SortedMap<String, ZipWriter.RawEntry> out = new TreeMap<>();
    try {
      for (String name : chosenFor(flare)) {
        ZipWriter.RawEntry raw = stored.raw(RESOURCE_DIR + name, name);
        if (raw == null) {
          return null;
        }
        out.put(name, raw);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the flare host", e);
    }
    return out;
  }

  private SortedSet<String> chosenFor(ModuleDescriptor flare) {
    Set<HostComponent> used = HostComponent.usedBy(flare);
    SortedSet<String> chosen = new TreeSet<>();
    for (String name : names) {
      HostComponent owner = HostComponent.owning(name);
      if (owner == null || used.contains(owner)) {
        chosen.add(name);
      }
    }
    return chosen;
  }

  private SortedMap<String, byte[]> read(SortedSet<String> wanted) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    try {
      for (String name : wanted) {
        out.put(name, source.read(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the flare host", e);
    }
    return out;
  }
}
