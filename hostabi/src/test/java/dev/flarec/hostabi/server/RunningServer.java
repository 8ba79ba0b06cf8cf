package dev.flarec.hostabi.server;

import dev.flarec.compiler.Flarec;
import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.runtime.instance.Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A flare served on an ephemeral port of the loopback interface, for tests that go through real
 * HTTP, and a client to talk to it.
 *
 * <pre>{@code
 * try (RunningServer server = RunningServer.start(RunningServer.probe(), tempDir, """
 *     [flare]
 *     requires_body = true
 *     """)) {
 *   HttpResponse<String> r = server.get("/", "x-case", "m");
 * }
 * }</pre>
 */
public final class RunningServer implements AutoCloseable {
  private static final Map<String, Module> MODULES = new ConcurrentHashMap<>();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final FlareServer server;
  private final HostServices services;

  private RunningServer(FlareServer server, HostServices services) {
    this.server = server;
    this.services = services;
  }

  /**
   * The tests' probe flare ({@code flares/server/probe.wat}): each request picks a behaviour with
   * its {@code x-case} header.
   */
  public static Module probe() {
    return flare("/flares/server/probe.wasm");
  }

  /** A flare compiled from a classpath resource, once per test run. */
  public static Module flare(String resource) {
    return MODULES.computeIfAbsent(
        resource,
        r -> {
          try (InputStream in = RunningServer.class.getResourceAsStream(r)) {
            if (in == null) {
              throw new IllegalArgumentException("no test flare " + r);
            }
            return Flarec.compile(in.readAllBytes()).load();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** A flare compiled from a file, for the examples. */
  public static Module flare(Path wasm) {
    return MODULES.computeIfAbsent(
        wasm.toAbsolutePath().toString(), r -> Flarec.compile(wasm).load());
  }

  /**
   * Serves {@code module} with the defaults overridden by the TOML text {@code config}; the port is
   * always an ephemeral one and Spark's data goes to {@code dataDirectory}.
   */
  public static RunningServer start(Module module, Path dataDirectory, String config) {
    ServerConfig parsed = new ConfigLoader(name -> null).load(config, "test.toml", "probe", null);
    return start(module, withDataDirectory(parsed.withPort(0), dataDirectory));
  }

  public static RunningServer start(Module module, ServerConfig config) {
    HostServices services = HostServices.create(config);
    try {
      return new RunningServer(FlareServer.start(module, config, services), services);
    } catch (IOException | RuntimeException e) {
      services.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  static ServerConfig withDataDirectory(ServerConfig c, Path dataDirectory) {
    return c.withDataDirectory(dataDirectory);
  }

  /** The host services the server was started with (its counters among them). */
  public HostServices services() {
    return services;
  }

  public FlareServer server() {
    return server;
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  /** A request builder for {@code pathAndQuery} with the given header name/value pairs. */
  public HttpRequest.Builder request(String pathAndQuery, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  /** GET {@code pathAndQuery} with header name/value pairs; the body as UTF-8 text. */
  public HttpResponse<String> get(String pathAndQuery, String... headers) {
    return send(request(pathAndQuery, headers).GET());
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    services.close();
  }
}
