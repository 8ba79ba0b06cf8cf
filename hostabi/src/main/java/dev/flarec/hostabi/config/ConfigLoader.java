package dev.flarec.hostabi.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads the server's TOML configuration file into a {@link ServerConfig}.
 *
 * <p>The embedded default configuration ({@value #DEFAULTS_RESOURCE}) is the schema: it lists every
 * key with its default and type, a file given by the user overrides some of them, and a key the
 * defaults do not have is an error. Every error is a {@link ConfigException} naming the file and
 * the dotted key. Secret values never appear in the file: {@code [secrets.env]} maps secret names
 * to environment variables and {@code secrets.file} names a TOML file of {@code name = "value"}
 * lines.
 */
public final class ConfigLoader {
  /** The default configuration, a classpath resource beside this class. */
  public static final String DEFAULTS_RESOURCE = "default-config.toml";

  private static final String DEFAULTS_SOURCE = "default configuration";

  /**
   * Jackson's TOML reader, made when a file is first read (see {@link #defaults}). Everything that
   * names one of Jackson's exceptions lives here rather than in {@link ConfigLoader}: verifying a
   * class loads the types its {@code catch} clauses name, so a {@code catch} in {@link
   * ConfigLoader} itself would load Jackson classes even for a server started without {@code
   * --config} ({@code ConfigLoaderTest} checks that it loads none).
   */
  private static final class Toml {
    static final TomlMapper MAPPER = new TomlMapper();

    /** The defaults, parsed once; every load merges into a copy (a node loads many files). */
    static final ObjectNode DEFAULTS = parse(defaultsText(), DEFAULTS_SOURCE);

    static ObjectNode parse(String text, String source) {
      try {
        JsonNode tree = MAPPER.readTree(text);
        return tree instanceof ObjectNode o ? o : MAPPER.createObjectNode();
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where =
            at == null || at.getLineNr() < 1
                ? ""
                : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        throw new ConfigException(
            source, null, "not valid TOML: " + where + e.getOriginalMessage());
      }
    }
  }

  private static final long MIB = 1024 * 1024;

  /**
   * Where Spark data goes when {@code server.data_dir} is empty: a directory per flare under this
   * one, so that two flares started from the same directory do not fight over one store.
   */
  public static final String DEFAULT_DATA_ROOT = "flarec-data";

  private final UnaryOperator<String> environment;

  /** A loader that reads secret values from the process environment. */
  public ConfigLoader() {
    this(System::getenv);
  }

  /** A loader reading environment variables through {@code environment} (tests pass a map). */
  public ConfigLoader(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  /** The text of the default configuration, for {@code --help} and documentation. */
  public static String defaultsText() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the default configuration is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The defaults alone, for a flare called {@code flareName}.
   *
   * <p>Built in code rather than read from {@value #DEFAULTS_RESOURCE}: reading TOML loads Jackson,
   * some 400 classes and about half of a flare server's start-up, which a server started without
   * {@code --config} need not pay. {@code ConfigLoaderTest} checks that this equals {@link
   * #parsedDefaults}, so the file stays the one statement of the defaults.
   */
  public ServerConfig defaults(String flareName) {
    return new ServerConfig(
        ServerConfig.DEFAULT_PORT,
        null,
        0,
        Path.of(DEFAULT_DATA_ROOT, flareName),
        null,
        Map.of(),
        FlareConfig.defaults(flareName));
  }

  /** The defaults as {@value #DEFAULTS_RESOURCE} states them, read with the TOML reader. */
  ServerConfig parsedDefaults(String flareName) {
    return bind(Toml.parse(defaultsText(), DEFAULTS_SOURCE), DEFAULTS_SOURCE, flareName, null);
  }

  /**
   * The defaults overridden by {@code file}.
   *
   * @param flareName the flare's name when the file does not set {@code flare.name}
   */
  public ServerConfig load(Path file, String flareName) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, null, "no such file");
    } catch (IOException e) {
      throw new ConfigException(source, null, "cannot read it: " + e.getMessage());
    }
    return load(text, source, flareName, file.toAbsolutePath().getParent());
  }

  /**
   * The defaults overridden by the TOML {@code text} read from {@code source}; a relative {@code
   * secrets.file} is resolved against {@code baseDirectory} (the working directory when null).
   */
  public ServerConfig load(String text, String source, String flareName, Path baseDirectory) {
    return bind(merged(text, source), source, flareName, baseDirectory);
  }

  /**
   * The {@code [cluster]} table of {@code file} (checked as {@link #load} checks it), or null when
   * it sets no {@code bind} address: the node then runs alone.
   */
  public ClusterConfig cluster(Path file) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(source, null, "cannot read it: " + e.getMessage());
    }
    return cluster(text, source);
  }

  /** The {@code [cluster]} table of the TOML {@code text} read from {@code source}, or null. */
  public ClusterConfig cluster(String text, String source) {
    Values cluster = new Values(merged(text, source), "cluster", source);
    String bind = cluster.string("bind");
    List<ClusterConfig.Address> seeds = new ArrayList<>();
    for (String seed : cluster.strings("seeds")) {
      try {
        seeds.add(ClusterConfig.Address.parse(seed));
      } catch (IllegalArgumentException e) {
        throw cluster.error("seeds", e.getMessage());
      }
    }
    if (bind.isEmpty()) {
      if (!seeds.isEmpty()) {
        throw cluster.error(
            "bind",
            "cluster.seeds is set, so this node needs a HOST:PORT to"
                + " listen on for the others");
      }
      return null;
    }
    try {
      return new ClusterConfig(ClusterConfig.Address.parse(bind), seeds);
    } catch (IllegalArgumentException e) {
      throw cluster.error("bind", e.getMessage());
    }
  }

  /**
   * The {@code [route]} table of the TOML {@code text} read from {@code source}: the hosts and the
   * path prefix of a flare served by a multi-flare node.
   */
  public RouteConfig route(String text, String source) {
    Values route = new Values(merged(text, source), "route", source);
    String prefix = route.string("path_prefix");
    if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.contains("?"))) {
      throw route.error("path_prefix", "expected a path starting with /, got \"" + prefix + "\"");
    }
    return new RouteConfig(route.strings("hosts"), prefix);
  }

  private static ObjectNode merged(String text, String source) {
    ObjectNode defaults = Toml.DEFAULTS.deepCopy();
    ObjectNode user = Toml.parse(text, source);
    checkKnown(user, defaults, "", source);
    merge(defaults, user);
    return defaults;
  }

  /** Every key of {@code user} must exist in the defaults, as a table where they have one. */
  private static void checkKnown(
      ObjectNode user, ObjectNode defaults, String prefix, String source) {
    for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      if (key.startsWith("secrets.env.")) {
        continue; // free-form: secret name = variable name, checked when bound
      }
      JsonNode known = defaults.get(e.getKey());
      if (known == null) {
        if (prefix.equals("secrets.")) {
          throw new ConfigException(
              source,
              key,
              "secret values never go in the configuration: map the secret to an environment"
                  + " variable under [secrets.env] or put it in the file named by secrets.file");
        }
        throw new ConfigException(source, key, "unknown key" + suggestion(defaults));
      }
      if (known.isObject() != e.getValue().isObject()) {
        throw new ConfigException(
            source, key, known.isObject() ? "expected a table" : "expected a value, got a table");
      }
      if (known.isObject()) {
        checkKnown((ObjectNode) e.getValue(), (ObjectNode) known, key + ".", source);
      }
    }
  }

  private static String suggestion(ObjectNode defaults) {
    List<String> names = new ArrayList<>();
    defaults.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "" : " (known here: " + String.join(", ", names) + ")";
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    from.fields()
        .forEachRemaining(
            e -> {
              JsonNode existing = into.get(e.getKey());
              if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode f) {
                merge(o, f);
              } else {
                into.set(e.getKey(), e.getValue());
              }
            });
  }

  private ServerConfig bind(ObjectNode root, String source, String flareName, Path baseDirectory) {
    Values server = new Values(root, "server", source);
    Values flare = new Values(root, "flare", source);
    Values secrets = new Values(root, "secrets", source);
    Values log = new Values(root, "log", source);
    Values webSocket = new Values(root, "websocket", source);

    long memoryCapMib = flare.integer("memory_cap_mib", 1, 2047);
    FlareLimits limits =
        new FlareLimits(
            (int) flare.integer("max_fetch_requests", 0, Integer.MAX_VALUE),
            (int) flare.integer("max_log_lines", 0, Integer.MAX_VALUE),
            (int) flare.integer("max_log_message_bytes", 1, Integer.MAX_VALUE - 8),
            (int) flare.integer("max_kv_value_bytes", 0, Integer.MAX_VALUE),
            (int) flare.integer("max_spark_pulls", 0, Integer.MAX_VALUE),
            (int) flare.integer("max_kv_writes", 0, Integer.MAX_VALUE),
            (int) flare.integer("max_id_generations", 0, Integer.MAX_VALUE),
            (int) flare.integer("max_ws_sends", 0, Integer.MAX_VALUE),
            (int) flare.integer("max_ws_message_bytes", 0, Integer.MAX_VALUE),
            Duration.ofMillis(flare.integer("deadline_ms", 1, 24L * 3600 * 1000)),
            memoryCapMib * MIB,
            flare.integer("max_request_body_bytes", 0, Integer.MAX_VALUE - 8));
    long recycleMib = flare.integer("recycle_memory_mib", 0, memoryCapMib);
    String name = flare.string("name");
    FlareConfig flareConfig =
        new FlareConfig(
            name.isEmpty() ? flareName : name,
            flare.choice("kind", FlareConfig.Kind.class),
            flare.bool("writes_spark_kv"),
            flare.bool("writes_plasma_kv"),
            flare.strings("allowed_secrets"),
            flare.strings("allowed_fetch_urls"),
            flare.bool("requires_raw_auth"),
            flare.bool("requires_body"),
            flare.choice("isolation", FlareConfig.Isolation.class),
            limits);

    String nodeId = server.string("node_id");
    long maxInstances = server.integer("max_instances", 0, 10_000);
    String dataDir = server.string("data_dir");
    String servedName = flareConfig.name();
    return new ServerConfig(
        (int) server.integer("port", 0, 65535),
        nodeId.isEmpty() ? null : nodeId,
        (int) server.integer("snowflake_node", 0, 1023),
        dataDir.isEmpty() ? Path.of(DEFAULT_DATA_ROOT, servedName) : Path.of(dataDir),
        origin(server),
        secrets(secrets, baseDirectory),
        flareConfig,
        maxInstances == 0 ? ServerConfig.defaultMaxInstances() : (int) maxInstances,
        recycleMib == 0 ? limits.memoryCapBytes() / 2 : recycleMib * MIB,
        Duration.ofMillis(server.integer("origin_timeout_ms", 1, 3600_000)),
        Duration.ofMillis(server.integer("shutdown_grace_ms", 0, 3600_000)),
        new LogConfig(
            log.choice("level", LogConfig.Threshold.class),
            log.choice("access", LogConfig.AccessFormat.class),
            log.fraction("access_sample")),
        server.bool("metrics"),
        new WebSocketSettings(
            (int) webSocket.integer("max_connections", 1, 1_000_000),
            (int) webSocket.integer("max_frame_bytes", 125, Integer.MAX_VALUE - 8),
            Duration.ofMillis(webSocket.integer("idle_timeout_ms", 1, 24L * 3600 * 1000)),
            Duration.ofMillis(webSocket.integer("handshake_timeout_ms", 1, 3600_000)),
            webSocket.integer("send_queue_bytes", 1, Long.MAX_VALUE / 2)));
  }

  private static URI origin(Values server) {
    String text = server.string("origin");
    if (text.isEmpty()) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw server.error(
            "origin", "expected an http:// or https:// URL with a host, got \"" + text + "\"");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw server.error(
            "origin", "the origin URL may not have a query or fragment: \"" + text + "\"");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw server.error("origin", "not a URL: " + e.getMessage());
    }
  }

  private Map<String, String> secrets(Values secrets, Path baseDirectory) {
    Map<String, String> values = new LinkedHashMap<>();
    String file = secrets.string("file");
    if (!file.isEmpty()) {
      Path path = baseDirectory == null ? Path.of(file) : baseDirectory.resolve(file);
      values.putAll(secretsFile(path, secrets));
    }
    JsonNode env = secrets.table().get("env");
    for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = "secrets.env." + e.getKey();
      if (!e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
        throw new ConfigException(
            secrets.source(), key, "expected the name of an environment variable");
      }
      String variable = e.getValue().asText();
      String value = environment.apply(variable);
      if (value == null) {
        throw new ConfigException(
            secrets.source(), key, "environment variable " + variable + " is not set");
      }
      values.put(e.getKey(), value);
    }
    return values;
  }

  private static Map<String, String> secretsFile(Path path, Values secrets) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw secrets.error("file", "no such file: " + path);
    } catch (IOException e) {
      throw secrets.error("file", "cannot read " + path + ": " + e.getMessage());
    }
    ObjectNode tree = Toml.parse(text, path.toString());
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        // never echo the value: it may be a secret written with the wrong quotes
        throw new ConfigException(path.toString(), e.getKey(), "expected a string value");
      }
      values.put(e.getKey(), e.getValue().asText());
    }
    return values;
  }

  /** The node id when none is configured: the host's name, looked up once per process. */
  public static String defaultNodeId() {
    return HostName.VALUE;
  }

  /** Holds the host's name, looked up when first needed (class initialisation is lazy). */
  private static final class HostName {
    static final String VALUE = lookUp();

    private static String lookUp() {
      try {
        String name = InetAddress.getLocalHost().getHostName();
        return name == null || name.isEmpty() ? "flarec" : name;
      } catch (UnknownHostException e) {
        return "flarec";
      }
    }
  }

  /** Typed access to one table of the merged tree, with errors that name the key. */
  private static final class Values {
    private final ObjectNode table;
    private final String prefix;
    private final String source;

    Values(ObjectNode root, String name, String source) {
      this.table = (ObjectNode) root.get(name);
      this.prefix = name + ".";
      this.source = source;
    }

    ObjectNode table() {
      return table;
    }

    String source() {
      return source;
    }

    ConfigException error(String key, String problem) {
      return new ConfigException(source, prefix + key, problem);
    }

    long integer(String key, long min, long max) {
      JsonNode v = table.get(key);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
        throw error(key, "expected an integer from " + min + " to " + max + ", got " + show(v));
      }
      return v.asLong();
    }

    double fraction(String key) {
      JsonNode v = table.get(key);
      if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
        throw error(key, "expected a number from 0 to 1, got " + show(v));
      }
      return v.asDouble();
    }

    boolean bool(String key) {
      JsonNode v = table.get(key);
      if (!v.isBoolean()) {
        throw error(key, "expected true or false, got " + show(v));
      }
      return v.asBoolean();
    }

    String string(String key) {
      JsonNode v = table.get(key);
      if (!v.isTextual()) {
        throw error(key, "expected a string, got " + show(v));
      }
      return v.asText();
    }

    List<String> strings(String key) {
      JsonNode v = table.get(key);
      List<String> out = new ArrayList<>();
      if (v.isArray()) {
        for (JsonNode item : v) {
          if (!item.isTextual()) {
            throw error(key, "expected an array of strings, got an element " + show(item));
          }
          out.add(item.asText());
        }
        return out;
      }
      throw error(key, "expected an array of strings, got " + show(v));
    }

    <E extends Enum<E>> E choice(String key, Class<E> type) {
      String text = string(key);
      List<String> names = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        String name = e.name().toLowerCase(Locale.ROOT);
        if (name.equals(text)) {
          return e;
        }
        names.add("\"" + name + "\"");
      }
      throw error(key, "expected " + String.join(" or ", names) + ", got " + show(table.get(key)));
    }

    private static String show(JsonNode v) {
      if (v.isTextual()) {
        return "\"" + v.asText() + "\"";
      }
      if (v.isArray()) {
        return "an array";
      }
      if (v.isObject()) {
        return "a table";
      }
      return v.toString();
    }
  }
}
