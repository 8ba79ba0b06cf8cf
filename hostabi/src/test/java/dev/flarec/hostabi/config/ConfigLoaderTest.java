package dev.flarec.hostabi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TOML configuration: defaults, overrides, secrets, and one clear error per mistake. */
class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of("API_KEY", "s3cret")::get);

  @TempDir Path dir;

  private ServerConfig load(String toml) {
    return loader.load(toml, "flare.toml", "hello", dir);
  }

  private String error(String toml) {
    return assertThrows(ConfigException.class, () -> load(toml)).getMessage();
  }

  @Test
  void theDefaultsAreThoseOfTheAbiDecisions() {
    ServerConfig c = loader.defaults("hello");
    assertEquals(8080, c.port());
    assertNull(c.origin());
    assertEquals(Path.of("flarec-data", "hello"), c.dataDirectory(), "one directory per flare");
    FlareConfig f = c.flare();
    assertEquals("hello", f.name());
    assertEquals(FlareConfig.Kind.HTTP, f.kind());
    assertEquals(FlareConfig.Isolation.RESET, f.isolation());
    assertFalse(f.writesSparkKv() || f.writesPlasmaKv() || f.requiresBody() || f.requiresRawAuth());
    assertEquals(FlareLimits.DEFAULTS, f.limits(), "decision 23");
    assertEquals(f.limits().memoryCapBytes() / 2, c.recycleMemoryBytes());
    assertTrue(c.maxInstances() >= 2);
    assertEquals(ConfigLoader.defaultNodeId(), c.nodeId(), "the host's name, looked up lazily");
    assertFalse(c.nodeId().isEmpty());
    assertEquals("edge-1", c.withNodeId("edge-1").nodeId());
    assertEquals(Map.of(), c.secrets());
  }

  @Test
  void aFileOverridesTheKeysItSets() {
    ServerConfig c =
        load(
            """
        [server]
        port = 9000
        node_id = "edge-sgp"
        snowflake_node = 1023
        origin = "http://127.0.0.1:8081/base"
        max_instances = 3
        shutdown_grace_ms = 0

        [flare]
        name = "shop"
        kind = "websocket"
        isolation = "reuse"
        writes_spark_kv = true
        allowed_secrets = ["api-key"]
        allowed_fetch_urls = ["https://api.example.com/*"]
        requires_body = true
        max_fetch_requests = 5
        deadline_ms = 250
        memory_cap_mib = 16
        recycle_memory_mib = 4
        """);
    assertEquals(9000, c.port());
    assertEquals("edge-sgp", c.nodeId());
    assertEquals(1023, c.snowflakeNode());
    assertEquals(URI.create("http://127.0.0.1:8081/base"), c.origin());
    assertEquals(3, c.maxInstances());
    assertEquals(Duration.ZERO, c.shutdownGrace());
    FlareConfig f = c.flare();
    assertEquals("shop", f.name());
    assertEquals(FlareConfig.Kind.WEBSOCKET, f.kind());
    assertEquals(FlareConfig.Isolation.REUSE, f.isolation());
    assertTrue(f.writesSparkKv());
    assertFalse(f.writesPlasmaKv(), "not set: default");
    assertEquals(List.of("api-key"), f.allowedSecrets());
    assertEquals(List.of("https://api.example.com/*"), f.allowedFetchUrls());
    assertTrue(f.requiresBody());
    assertEquals(5, f.limits().maxFetchRequests());
    assertEquals(100, f.limits().maxLogLines(), "not set: default");
    assertEquals(Duration.ofMillis(250), f.limits().deadline());
    assertEquals(16L << 20, f.limits().memoryCapBytes());
    assertEquals(256, f.limits().memoryCapPages());
    assertEquals(4L << 20, c.recycleMemoryBytes());
  }

  @Test
  void secretsComeFromTheEnvironmentAndFromAFile() throws IOException {
    Files.writeString(
        dir.resolve("secrets.toml"), "JWT_SECRET = \"shhh\"\n\"api-key\" = \"overridden\"\n");
    ServerConfig c =
        load(
            """
        [secrets]
        file = "secrets.toml"
        [secrets.env]
        "api-key" = "API_KEY"
        """);
    assertEquals(Map.of("JWT_SECRET", "shhh", "api-key", "s3cret"), c.secrets());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      unknown table     | [nope]\\nx = 1                      | flare.toml: nope: unknown key (known here: server, log, flare, websocket, cluster, route, secrets)
      unknown key       | [flare]\\nmax_logs = 1               | flare.toml: flare.max_logs: unknown key
      wrong type        | [flare]\\nmax_log_lines = "lots"     | flare.toml: flare.max_log_lines: expected an integer from 0 to 2147483647, got "lots"
      out of range      | [server]\\nport = 70000              | flare.toml: server.port: expected an integer from 0 to 65535, got 70000
      negative          | [flare]\\ndeadline_ms = -1           | flare.toml: flare.deadline_ms: expected an integer from 1 to 86400000, got -1
      bad choice        | [flare]\\nisolation = \"fresh\"      | flare.toml: flare.isolation: expected "reset" or "reuse", got "fresh"
      boolean           | [flare]\\nrequires_body = 1          | flare.toml: flare.requires_body: expected true or false, got 1
      string list       | [flare]\\nallowed_secrets = [1]      | flare.toml: flare.allowed_secrets: expected an array of strings, got an element 1
      table for value   | [flare.kind]\\nx = 1                 | flare.toml: flare.kind: expected a value, got a table
      value for table   | server = 1                           | flare.toml: server: expected a table
      origin scheme     | [server]\\norigin = \"ftp://x\"      | flare.toml: server.origin: expected an http:// or https:// URL with a host, got "ftp://x"
      recycle over cap  | [flare]\\nrecycle_memory_mib = 65    | flare.toml: flare.recycle_memory_mib: expected an integer from 0 to 64, got 65
      literal secret    | [secrets]\\napi-key = \"hunter2\"    | flare.toml: secrets.api-key: secret values never go in the configuration
      unset variable    | [secrets.env]\\nk = \"NOT_SET\"      | flare.toml: secrets.env.k: environment variable NOT_SET is not set
      missing file      | [secrets]\\nfile = \"none.toml\"     | flare.toml: secrets.file: no such file
      """)
  void mistakesAreOneLineNamingTheKey(String what, String toml, String expected) {
    String message = error(toml.replace("\\n", "\n"));
    assertTrue(message.startsWith(expected), what + ": " + message);
    assertFalse(message.contains("\n"), "one line");
    assertFalse(message.contains("hunter2"), "never echo a secret");
  }

  @Test
  void invalidTomlSaysWhere() {
    String message = error("[server]\nport = = 1\n");
    assertTrue(message.startsWith("flare.toml: not valid TOML: line 2"), message);
  }

  @Test
  void aMissingFileIsNamed() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> loader.load(dir.resolve("absent.toml"), "hello"));
    assertEquals(dir.resolve("absent.toml") + ": no such file", e.getMessage());
  }

  @Test
  void everyExampleConfigurationLoads() throws IOException {
    ConfigLoader anyEnvironment = new ConfigLoader(variable -> "value of " + variable);
    try (var examples = Files.newDirectoryStream(Path.of("../examples"), Files::isDirectory)) {
      int seen = 0;
      for (Path example : examples) {
        Path toml = example.resolve("flarec.toml");
        if (Files.exists(toml)) {
          ServerConfig c = anyEnvironment.load(toml, example.getFileName().toString());
          assertEquals(example.getFileName().toString(), c.flare().name(), toml.toString());
          seen++;
        }
      }
      assertTrue(seen > 0, "no example configurations found");
    }
  }

  @Test
  void theDefaultsFileParsesAndMentionsEveryFlareConfigurationName() {
    String text = ConfigLoader.defaultsText();
    for (String name :
        List.of(
            "writes_spark_kv",
            "writes_plasma_kv",
            "allowed_secrets",
            "allowed_fetch_urls",
            "max_fetch_requests",
            "requires_raw_auth",
            "requires_body",
            "max_kv_value_bytes",
            "kind",
            "isolation",
            "deadline_ms",
            "memory_cap_mib")) {
      assertTrue(text.contains("\n" + name + " "), name);
    }
  }

  @Test
  void twoFlaresStartedFromOneDirectoryGetDataDirectoriesOfTheirOwn() {
    assertNotEquals(
        loader.defaults("hello").dataDirectory(), loader.defaults("counter").dataDirectory());
    assertEquals(Path.of("shared"), load("[server]\ndata_dir = \"shared\"\n").dataDirectory());
  }

  @Test
  void theLogLevelAndTheAccessLogAreConfigurationKeys() {
    assertEquals(LogConfig.DEFAULTS, loader.defaults("hello").log());
    LogConfig log =
        load("[log]\nlevel = \"warn\"\naccess = \"json\"\naccess_sample = 0.25\n").log();
    assertEquals(new LogConfig(LogConfig.Threshold.WARN, LogConfig.AccessFormat.JSON, 0.25), log);
    assertEquals(LogConfig.AccessFormat.OFF, load("[log]\naccess = \"off\"\n").log().access());
    assertTrue(error("[log]\naccess_sample = 2\n").contains("log.access_sample"));
    assertTrue(error("[log]\nlevel = \"loud\"\n").contains("log.level"));
    assertFalse(loader.defaults("hello").metrics(), "metrics are off by default");
    assertTrue(load("[server]\nmetrics = true\n").metrics());
  }

  @Test
  void theDefaultsBuiltInCodeAreThoseTheDefaultFileStates() {
    assertEquals(loader.parsedDefaults("hello"), loader.defaults("hello"));
    assertEquals(load(""), loader.defaults("hello"), "an empty file changes nothing");
  }

  @Test
  void webSocketSettingsHaveDefaultsAndCanBeSet() {
    assertEquals(WebSocketSettings.DEFAULTS, load("").webSocket());
    WebSocketSettings set =
        load("""
        [websocket]
        max_connections = 7
        max_frame_bytes = 4096
        idle_timeout_ms = 1500
        handshake_timeout_ms = 250
        send_queue_bytes = 65536
        """)
            .webSocket();
    assertEquals(
        new WebSocketSettings(
            7, 4096, java.time.Duration.ofMillis(1500), java.time.Duration.ofMillis(250), 65536),
        set);
  }
}
