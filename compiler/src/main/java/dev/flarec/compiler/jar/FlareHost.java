package dev.flarec.compiler.jar;

import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * The flare host: what a flare JAR carries besides the generated classes, namely the runtime,
 * the {@code flaron/v1} host functions, the HTTP server and their dependencies, all from the host
 * bundle the {@code hostabi} module builds ({@code flarec-hostabi-*-bundle.jar}), and the bundle's
 * {@code Main-Class}, the flare launcher.
 *
 * <p>{@code flarec.jar} embeds the bundle as the resource {@value #RESOURCE}; the compiler itself
 * never links against the host's classes. See docs/RATIONALE.md#why-flare-jars-get-the-host-from-a-bundle.
 */
public final class FlareHost {
  /** Where {@code flarec.jar} carries the host bundle. */
  public static final String RESOURCE = "dev/flarec/compiler/jar/flare-host.jar";

  /** The import module of the flare ABI. */
  public static final String ABI_MODULE = dev.flarec.compiler.descriptor.ModuleKind.FLARE_ABI_MODULE;

  private final SortedMap<String, byte[]> entries;
  private final Attributes mainAttributes;

  private FlareHost(SortedMap<String, byte[]> entries, Attributes mainAttributes) {
    this.entries = Collections.unmodifiableSortedMap(entries);
    this.mainAttributes = mainAttributes;
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
    try (InputStream in = FlareHost.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? null : read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded flare host " + RESOURCE, e);
    }
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
    if (manifest == null || manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS) == null) {
      throw new IOException("the flare host bundle has no Main-Class");
    }
    return new FlareHost(entries, manifest.getMainAttributes());
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
  public Map<String, byte[]> entries() {
    return entries;
  }

  /**
   * The files a JAR of {@code flare} carries: the core of the host, and of each optional {@link
   * HostComponent} (SQLite, BouncyCastle) only what the flare's imports can reach.
   */
  public SortedMap<String, byte[]> entriesFor(ModuleDescriptor flare) {
    Set<HostComponent> used = HostComponent.usedBy(flare);
    SortedMap<String, byte[]> chosen = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      HostComponent owner = HostComponent.owning(e.getKey());
      if (owner == null || used.contains(owner)) {
        chosen.put(e.getKey(), e.getValue());
      }
    }
    return chosen;
  }
}
