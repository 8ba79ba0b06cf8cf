package dev.flarec.compiler.jar;

import dev.flarec.runtime.descriptor.ModuleDescriptor;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of the flare host that only some flares can use, each with the imports that call for
 * it and the bundle files that make it up. A flare JAR carries a component only when the flare
 * imports one of its functions: {@code hello} needs neither SQLite's native libraries nor the
 * BouncyCastle provider, which together are nine tenths of the bundle.
 *
 * <p>The host's own classes that use a component (the Spark store, the BLAKE hashes) stay in every
 * JAR; a flare that does not import the functions never loads them, so never needs the library.
 */
@SuppressWarnings("ImmutableEnumChecker") // entryPrefixes is an unmodifiable List.of
enum HostComponent {
  /** {@code spark_*}: the store is SQLite through its JDBC driver, native code included. */
  SPARK(
      "spark_",
      List.of(
          "org/sqlite/",
          "sqlite-jdbc.properties",
          "META-INF/maven/org.xerial/",
          "META-INF/native-image/org.xerial/",
          "META-INF/services/java.sql.Driver")),
  /** {@code crypto_*}: BLAKE2b and BLAKE3 come from BouncyCastle. */
  CRYPTO(
      "crypto_",
      List.of(
          "org/bouncycastle/",
          "META-INF/maven/org.bouncycastle/",
          "META-INF/services/java.security.Provider",
          "OSGI-INF/"));

  private static final String VERSIONS = "META-INF/versions/";

  private final String importPrefix;
  private final List<String> entryPrefixes;

  HostComponent(String importPrefix, List<String> entryPrefixes) {
    this.importPrefix = importPrefix;
    this.entryPrefixes = entryPrefixes;
  }

  /** The components {@code flare} imports functions of. */
  static Set<HostComponent> usedBy(ModuleDescriptor flare) {
    Set<HostComponent> used = EnumSet.noneOf(HostComponent.class);
    for (ModuleDescriptor.Import i : flare.imports()) {
      if (i.module().equals(FlareHost.ABI_MODULE)) {
        for (HostComponent c : values()) {
          if (i.name().startsWith(c.importPrefix)) {
            used.add(c);
          }
        }
      }
    }
    return used;
  }

  /**
   * The component bundle entry {@code name} belongs to, or null for the core every flare gets.
   * A multi-release entry ({@code META-INF/versions/N/...}) belongs where its path does.
   */
  static HostComponent owning(String name) {
    String path = name;
    if (path.startsWith(VERSIONS)) {
      int slash = path.indexOf('/', VERSIONS.length());
      path = slash < 0 ? path : path.substring(slash + 1);
    }
    for (HostComponent c : values()) {
      for (String prefix : c.entryPrefixes) {
        if (path.startsWith(prefix)) {
          return c;
        }
      }
    }
    return null;
  }
}
