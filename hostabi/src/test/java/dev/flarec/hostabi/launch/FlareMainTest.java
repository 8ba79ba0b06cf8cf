package dev.flarec.hostabi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.descriptor.DescriptorCodec;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flare JAR's command line, on a class path laid out as a flare JAR is: a manifest naming the
 * compiled probe flare, its classes and descriptor.
 */
class FlareMainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private ClassLoader flareJar;

  @BeforeEach
  void layOutAFlareJar() throws IOException {
    Path root = Files.createDirectories(dir.resolve("hello.jar"));
    byte[] wasm;
    try (InputStream in = getClass().getResourceAsStream("/flares/server/probe.wasm")) {
      wasm = in.readAllBytes();
    }
    CompiledModule compiled = Flarec.compile(wasm, new CompileOptions("flarec.module.LaunchProbe"));
    for (Map.Entry<String, byte[]> c : compiled.classFiles().entrySet()) {
      write(root.resolve(c.getKey().replace('.', '/') + ".class"), c.getValue());
    }
    write(
        root.resolve("flarec/module/LaunchProbe" + DescriptorCodec.RESOURCE_SUFFIX),
        DescriptorCodec.encode(compiled.descriptor()));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue(Module.MANIFEST_ATTRIBUTE, "flarec.module.LaunchProbe");
    Files.createDirectories(root.resolve("META-INF"));
    try (OutputStream o = Files.newOutputStream(root.resolve("META-INF/MANIFEST.MF"))) {
      manifest.write(o);
    }
    flareJar = new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private FlareMain.Launch launch(String... args) {
    return new FlareMain(new PrintStream(out, true), new PrintStream(err, true), name -> null)
        .launch(flareJar, args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void servesTheFlareOnTheGivenPortWithAConfigFile() throws Exception {
    Path config = dir.resolve("flare.toml");
    Files.writeString(
        config,
        "[server]\ndata_dir = \""
            + dir.resolve("data").toString().replace("\\", "/")
            + "\"\n[flare]\nname = \"launched\"\n");
    FlareMain.Launch launch = launch("--port", "0", "--config", config.toString());
    try {
      assertEquals(ExitStatus.OK, launch.status(), err());
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + launch.server().port() + "/__flarec/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertTrue(r.body().contains("\"flare\":\"launched\""), r.body());
    } finally {
      launch.stop();
    }
  }

  @Test
  void theFlareIsNamedAfterItsJar() throws Exception {
    Path config = dir.resolve("flare.toml");
    Files.writeString(
        config,
        "[server]\nport = 0\ndata_dir = \""
            + dir.resolve("data").toString().replace("\\", "/")
            + "\"\n");
    FlareMain.Launch launch = launch("--config=" + config);
    try {
      assertEquals("hello", launch.server().config().flare().name());
    } finally {
      launch.stop();
    }
  }

  @Test
  void helpPrintsUsage() {
    FlareMain.Launch launch = launch("--help");
    assertEquals(ExitStatus.OK, launch.status());
    assertNull(launch.server());
    String usage = out.toString(StandardCharsets.UTF_8);
    assertTrue(usage.startsWith("Usage: java -jar hello.jar [--port N] [--config FILE]"), usage);
  }

  @Test
  void defaultConfigPrintsEveryKey() {
    assertEquals(ExitStatus.OK, launch("--default-config").status());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("memory_cap_mib = 64"));
  }

  @Test
  void badUsageIsOneLine() {
    assertEquals(ExitStatus.USAGE, launch("--bogus").status());
    assertEquals("hello.jar: unknown option '--bogus'; see 'java -jar hello.jar --help'\n", err());
    err.reset();
    assertEquals(ExitStatus.USAGE, launch("--port", "http").status());
    assertEquals(
        "hello.jar: --port: expected a number from 0 to 65535, got 'http'; see 'java -jar hello.jar --help'\n",
        err());
  }

  @Test
  void aBadConfigurationIsOneLineNamingTheKeyWithoutAStackTrace() throws IOException {
    Path config = dir.resolve("flare.toml");
    Files.writeString(config, "[flare]\nmax_log_lines = \"lots\"\n");
    FlareMain.Launch launch = launch("--config", config.toString());
    assertEquals(ExitStatus.BAD_INPUT, launch.status());
    assertNull(launch.server());
    String message = err();
    assertEquals(
        "hello.jar: bad configuration: "
            + config
            + ": flare.max_log_lines: expected an integer from 0 to 2147483647, got \"lots\"\n",
        message);
    assertFalse(message.contains("\tat "));
  }

  @Test
  void aMissingConfigurationFileIsOneLine() {
    assertEquals(
        ExitStatus.BAD_INPUT, launch("--config", dir.resolve("nope.toml").toString()).status());
    assertEquals(
        "hello.jar: bad configuration: " + dir.resolve("nope.toml") + ": no such file\n", err());
  }

  @Test
  void aPortInUseIsOneLine() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      Path config = dir.resolve("flare.toml");
      Files.writeString(
          config,
          "[server]\ndata_dir = \"" + dir.resolve("data").toString().replace("\\", "/") + "\"\n");
      FlareMain.Launch launch =
          launch("--port", String.valueOf(taken.getLocalPort()), "--config", config.toString());
      assertEquals(ExitStatus.BAD_INPUT, launch.status());
      assertTrue(
          err().startsWith("hello.jar: cannot listen on port " + taken.getLocalPort() + ": "),
          err());
    }
  }

  @Test
  void aClassPathWithoutAFlareIsReported() {
    FlareMain.Launch launch =
        new FlareMain(new PrintStream(out), new PrintStream(err), n -> null)
            .launch(new URLClassLoader(new URL[0], null));
    assertEquals(ExitStatus.BAD_INPUT, launch.status());
    assertTrue(err().contains("no compiled module on the class path"), err());
  }

  @Test
  void aFlareWithoutSparkLeavesTheDataDirectoryAlone() throws Exception {
    Path data = dir.resolve("data");
    Path config = dir.resolve("flare.toml");
    Files.writeString(
        config, "[server]\nport = 0\ndata_dir = \"" + data.toString().replace("\\", "/") + "\"\n");
    FlareMain.Launch launch = launch("--config", config.toString());
    try {
      assertEquals(ExitStatus.OK, launch.status(), err());
      // so a second flare started beside it cannot find the store locked
      assertNull(launch.services().plasma(), "no plasma_* import, no Plasma store");
      assertNull(launch.services().spark());
      assertFalse(Files.exists(data), "no store was opened");
    } finally {
      launch.stop();
    }
  }

  @Test
  void sigtermDrainsAndExitsZero() throws Exception {
    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        dir.resolve("hello.jar") + File.pathSeparator + System.getProperty("java.class.path");
    Process process =
        new ProcessBuilder(javaBinary, "-cp", classPath, FlareMain.class.getName(), "--port", "0")
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader stderr =
          new BufferedReader(
              new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
        seen.append(line).append('\n');
        if (line.contains(" serving ")) {
          break;
        }
      }
      assertTrue(seen.toString().contains(" serving "), seen.toString());
      // SIGTERM on Unix; Process.destroy() would also close the streams we still read
      process.toHandle().destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped");
      String rest = String.join("\n", stderr.lines().toList());
      assertEquals(0, process.exitValue(), seen + rest);
      assertTrue(rest.contains(" stopped "), rest);
    } finally {
      process.destroyForcibly();
    }
  }
}
