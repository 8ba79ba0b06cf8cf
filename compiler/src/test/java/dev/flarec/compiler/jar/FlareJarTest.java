package dev.flarec.compiler.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * Flares get the flare host: the bundle's files and its Main-Class instead of the bare runtime. The
 * bundle here is a stand-in with two files; the real one is built by hostabi.
 */
class FlareJarTest {
  private static CompiledModule compile(String wat, String className) {
    return Flarec.compile(Wat2Wasm.parse(wat), new CompileOptions(className));
  }

  private static final String IMPORTS_ABI =
      """
      (module
        (import "flaron/v1" "req_method" (func (result i64)))
        (memory (export "memory") 1))
      """;
  private static final String EXPORTS_HANDLE_REQUEST =
      """
      (module
        (memory (export "memory") 1)
        (func (export "handle_request") (result i64) (i64.const 0x100000000)))
      """;
  private static final String PLAIN = "(module (func (export \"f\") (result i32) (i32.const 1)))";

  /** A stand-in bundle with the launcher as Main-Class and {@code files}. */
  static FlareHost bundle(Map<String, byte[]> files) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(Attributes.Name.MAIN_CLASS, "dev.flarec.hostabi.launch.FlareMain");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        jar.putNextEntry(new JarEntry(f.getKey()));
        jar.write(f.getValue());
      }
    }
    return FlareHost.read(bytes.toByteArray());
  }

  static FlareHost bundle() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(Attributes.Name.MAIN_CLASS, "dev.flarec.hostabi.launch.FlareMain");
    manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      jar.putNextEntry(new JarEntry("dev/flarec/hostabi/launch/FlareMain.class"));
      jar.write(new byte[] {1, 2, 3});
      jar.putNextEntry(new JarEntry("dev/flarec/runtime/instance/Instance.class"));
      jar.write(new byte[] {4});
    }
    return FlareHost.read(bytes.toByteArray());
  }

  private static Map<String, byte[]> entries(byte[] jar, Manifest[] manifest) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
      manifest[0] = in.getManifest();
      for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  @Test
  void aModuleIsAFlareWhenItImportsTheAbiOrExportsAnEntryPoint() {
    assertTrue(FlareHost.isFlare(compile(IMPORTS_ABI, "t.A").descriptor()));
    assertTrue(FlareHost.isFlare(compile(EXPORTS_HANDLE_REQUEST, "t.B").descriptor()));
    assertTrue(
        FlareHost.isFlare(
            compile("(module (func (export \"ws_open\") (result i32) (i32.const 0)))", "t.C")
                .descriptor()));
    assertFalse(FlareHost.isFlare(compile(PLAIN, "t.D").descriptor()));
  }

  @Test
  void aFlareJarCarriesTheHostAndStartsWithItsLauncher() throws IOException {
    CompiledModule flare = compile(IMPORTS_ABI, "flarec.module.Hello");
    byte[] jar =
        new JarWriter(Map.of("dev/flarec/runtime/Only.class", new byte[] {9}), bundle())
            .toBytes(flare);
    Manifest[] manifest = new Manifest[1];
    Map<String, byte[]> files = entries(jar, manifest);
    Attributes main = manifest[0].getMainAttributes();
    assertEquals("dev.flarec.hostabi.launch.FlareMain", main.getValue(Attributes.Name.MAIN_CLASS));
    assertEquals("true", main.getValue(Attributes.Name.MULTI_RELEASE));
    assertEquals("flarec.module.Hello", main.getValue("Flarec-Module-Class"));
    assertEquals("ALL-UNNAMED", main.getValue("Enable-Native-Access"), "SQLite loads native code");
    assertArrayEquals(new byte[] {1, 2, 3}, files.get("dev/flarec/hostabi/launch/FlareMain.class"));
    assertArrayEquals(new byte[] {4}, files.get("dev/flarec/runtime/instance/Instance.class"));
    assertTrue(files.containsKey("flarec/module/Hello.class"));
    assertNull(files.get("dev/flarec/runtime/Only.class"), "the host replaces the plain libraries");
  }

  @Test
  void aFlareJarCarriesOnlyTheHostComponentsItsImportsCanReach() throws IOException {
    Map<String, byte[]> bundle = new HashMap<>();
    for (String name :
        new String[] {
          "dev/flarec/hostabi/launch/FlareMain.class",
          "org/sqlite/JDBC.class",
          "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
          "sqlite-jdbc.properties",
          "META-INF/services/java.sql.Driver",
          "org/bouncycastle/crypto/digests/Blake3Digest.class",
          "META-INF/versions/11/org/bouncycastle/util/Spec.class",
          "META-INF/services/java.security.Provider",
          "org/eclipse/jetty/server/Server.class",
          "org/slf4j/LoggerFactory.class",
          "META-INF/services/org.eclipse.jetty.websocket.core.Extension",
          "com/github/f4b6a3/ulid/UlidFactory.class",
          "com/fasterxml/jackson/core/JsonFactory.class"
        }) {
      bundle.put(name, new byte[] {1});
    }
    FlareHost host = bundle(bundle);
    Map<String, byte[]> hello =
        entries(
            new JarWriter(Map.of(), host).toBytes(compile(IMPORTS_ABI, "flarec.module.Hello")),
            new Manifest[1]);
    assertTrue(hello.containsKey("dev/flarec/hostabi/launch/FlareMain.class"));
    assertTrue(hello.containsKey("com/fasterxml/jackson/core/JsonFactory.class"), "the core stays");
    for (String name : hello.keySet()) {
      assertFalse(
          name.contains("sqlite")
              || name.contains("bouncycastle")
              || name.contains("jetty")
              || name.contains("slf4j")
              || name.contains("f4b6a3")
              || name.startsWith("META-INF/services/"),
          name + " in a flare without spark_, crypto_, id_ or ws_ exports");
    }
    Map<String, byte[]> webSocket =
        flareJar(
            host,
            """
            (module
              (import "flaron/v1" "ws_send" (func (param i32 i32) (result i32)))
              (func (export "ws_open") (result i32) (i32.const 0))
              (func (export "ws_message"))
              (func (export "ws_close") (result i64) (i64.const 0))
              (memory (export "memory") 1))
            """,
            "flarec.module.Echo");
    assertTrue(webSocket.containsKey("org/eclipse/jetty/server/Server.class"));
    assertTrue(webSocket.containsKey("org/slf4j/LoggerFactory.class"));
    assertTrue(
        webSocket.containsKey("META-INF/services/org.eclipse.jetty.websocket.core.Extension"));
    assertFalse(webSocket.containsKey("org/sqlite/JDBC.class"));
    Map<String, byte[]> spark =
        flareJar(
            host,
            """
            (module
              (import "flaron/v1" "spark_get" (func (param i32 i32) (result i64)))
              (memory (export "memory") 1))
            """,
            "flarec.module.Counter");
    assertTrue(spark.containsKey("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"));
    assertTrue(spark.containsKey("META-INF/services/java.sql.Driver"));
    assertTrue(spark.containsKey("sqlite-jdbc.properties"));
    assertFalse(spark.containsKey("org/bouncycastle/crypto/digests/Blake3Digest.class"));
    assertFalse(spark.containsKey("META-INF/versions/11/org/bouncycastle/util/Spec.class"));
    Map<String, byte[]> crypto =
        flareJar(
            host,
            """
            (module
              (import "flaron/v1" "crypto_hash" (func (param i32 i32 i32 i32) (result i64)))
              (memory (export "memory") 1))
            """,
            "flarec.module.Hash");
    assertTrue(crypto.containsKey("META-INF/versions/11/org/bouncycastle/util/Spec.class"));
    assertTrue(crypto.containsKey("META-INF/services/java.security.Provider"));
    assertFalse(crypto.containsKey("org/sqlite/JDBC.class"));
    assertFalse(
        crypto.containsKey("org/eclipse/jetty/server/Server.class"),
        "a flare without the ws_ exports has no Jetty");
    Map<String, byte[]> ids =
        flareJar(
            host,
            """
            (module
              (import "flaron/v1" "id_ulid" (func (result i64)))
              (memory (export "memory") 1))
            """,
            "flarec.module.Ids");
    assertTrue(ids.containsKey("com/github/f4b6a3/ulid/UlidFactory.class"));
    assertFalse(ids.containsKey("org/sqlite/JDBC.class"));
    assertFalse(crypto.containsKey("com/github/f4b6a3/ulid/UlidFactory.class"));
  }

  /** The entries of the flare JAR {@code host} makes of the module {@code wat}. */
  private static Map<String, byte[]> flareJar(FlareHost host, String wat, String className)
      throws IOException {
    return entries(new JarWriter(Map.of(), host).toBytes(compile(wat, className)), new Manifest[1]);
  }

  @Test
  void plainModulesAreWrittenAsBefore() throws IOException {
    byte[] jar =
        new JarWriter(Map.of("dev/flarec/runtime/Only.class", new byte[] {9}), bundle())
            .toBytes(compile(PLAIN, "flarec.module.Plain"));
    Manifest[] manifest = new Manifest[1];
    Map<String, byte[]> files = entries(jar, manifest);
    assertEquals(
        JarWriter.MAIN_CLASS, manifest[0].getMainAttributes().getValue(Attributes.Name.MAIN_CLASS));
    assertTrue(files.containsKey("dev/flarec/runtime/Only.class"));
    assertFalse(files.containsKey("dev/flarec/hostabi/launch/FlareMain.class"));
  }

  @Test
  void withoutAnEmbeddedHostAFlareIsRefusedWithAClearMessage() {
    // the compiler module's own class path has no embedded host; only dist's flarec.jar does
    org.junit.jupiter.api.Assumptions.assumeTrue(FlareHost.embedded() == null);
    CompiledModule flare = compile(EXPORTS_HANDLE_REQUEST, "flarec.module.Flare");
    FlareHostMissingException e =
        assertThrows(FlareHostMissingException.class, () -> new JarWriter().toBytes(flare));
    assertTrue(e.getMessage().contains("built without the flare host"), e.getMessage());
  }

  @Test
  void aBundleWithoutMainClassIsRejected() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      jar.putNextEntry(new JarEntry("a.txt"));
      jar.write("x".getBytes(StandardCharsets.UTF_8));
    }
    assertThrows(IOException.class, () -> FlareHost.read(bytes.toByteArray()));
  }
}
