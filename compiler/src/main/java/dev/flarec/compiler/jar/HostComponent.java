package dev.flarec.compiler.jar;

import dev.flarec.runtime.descriptor.ModuleDescriptor;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of the flare host that only some flares can use, each with the imports that call for it
 * and the bundle files that make it up. A flare JAR carries a component only when the flare imports
 * one of its functions: {@code hello} needs neither SQLite's native libraries nor the BouncyCastle
 * provider, which together are nine tenths of the bundle.
 *
 * <p>The host's own classes that use a component (the Spark store, the BLAKE hashes) stay in every
 * JAR; a flare that does not import the functions never loads them, so never needs the library.
 */
@SuppressWarnings("ImmutableEnumChecker") // entryPrefixes is an unmodifiable List.of
enum HostComponent {
  /** {@code spark_*}: the store is SQLite through its JDBC driver, native code included. */
  SPARK(
      List.of("spark_"),
      List.of(
          "org/sqlite/",
          "sqlite-jdbc.properties",
          "META-INF/maven/org.xerial/",
          "META-INF/native-image/org.xerial/",
          "META-INF/services/java.sql.Driver")),
  /** {@code crypto_*}: BLAKE2b and BLAKE3 come from BouncyCastle. */
  CRYPTO(
      List.of("crypto_"),
      List.of(
          "org/bouncycastle/",
          "META-INF/maven/org.bouncycastle/",
          "META-INF/services/java.security.Provider",
          "OSGI-INF/")),
  /**
   * {@code plasma_*} and {@code spark_pull}: replication and pulls between nodes go over JGroups. A
   * flare that never talks to other nodes does not carry it.
   */
  CLUSTER(
      List.of("plasma_", "spark_pull"),
      List.of("org/jgroups/", "META-INF/maven/org.jgroups/", "jg-", "JGROUPS_VERSION.properties")),
  /**
   * {@code id_*}: UUID v7, ULID and KSUID come from the f4b6a3 libraries, which the host's ID
   * generators construct together on a flare's first {@code id_*} call.
   */
  IDS(List.of("id_"), List.of("com/github/f4b6a3/", "META-INF/maven/com.github.f4b6a3/")),
  /**
   * WebSocket flares (they export {@code ws_open}, {@code ws_message} and {@code ws_close}): Jetty
   * serves their connections, with SLF4J, which Jetty logs through. No import calls for it.
   */
  WEBSOCKET(
      List.of(),
      List.of(
          "org/eclipse/jetty/",
          "org/slf4j/",
          "META-INF/maven/org.eclipse.jetty",
          "META-INF/maven/org.slf4j/",
          "META-INF/native-image/org.eclipse.jetty/",
          "META-INF/services/org.eclipse.jetty.",
          "META-INF/services/org.slf4j.")),
  /**
   * The node that serves a directory of flares ({@code flarec serve}), which runs from the bundle
   * inside {@code flarec.jar}: no flare JAR needs it, so no import calls for it.
   */
  NODE(List.of(), List.of("dev/flarec/hostabi/node/"));

  /** The exports that make a module a WebSocket flare (flaron-abi.md §1.1). */
  private static final Set<String> WEBSOCKET_EXPORTS = Set.of("ws_open", "ws_message", "ws_close");

  private final List<String> importPrefixes;
  private final List<String> entryPrefixes;

  HostComponent(List<String> importPrefixes, List<String> entryPrefixes) {
    this.importPrefixes = importPrefixes;
    this.entryPrefixes = entryPrefixes;
  }

  /**
   * The components {@code flare} imports functions of, and {@link #WEBSOCKET} when it exports the
   * three WebSocket entry points.
   */
  static Set<HostComponent> usedBy(ModuleDescriptor flare) {
    Set<HostComponent> used = EnumSet.noneOf(HostComponent.class);
    Set<String> webSocketExports = new java.util.HashSet<>();
    for (ModuleDescriptor.Export e : flare.exports()) {
      if (WEBSOCKET_EXPORTS.contains(e.name())) {
        webSocketExports.add(e.name());
      }
    }
    if (webSocketExports.size() == WEBSOCKET_EXPORTS.size()) {
      used.add(WEBSOCKET);
    }
    for (ModuleDescriptor.Import i : flare.imports()) {
      if (i.module().equals(FlareHost.ABI_MODULE)) {
        for (HostComponent c : values()) {
          for (String prefix : c.importPrefixes) {
            if (i.name().startsWith(prefix)) {
              used.add(c);
            }
          }
        }
      }
    }
    return used;
  }

  /**
   * The component bundle entry {@code name} belongs to, or null for the core every flare gets. A
   * multi-release entry ({@code META-INF/versions/N/...}) belongs where its path does.
   */
  static HostComponent owning(String name) {
    String path = PackageTree.unversioned(name);
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
