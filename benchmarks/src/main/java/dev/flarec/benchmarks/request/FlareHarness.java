package dev.flarec.benchmarks.request;

import dev.flarec.benchmarks.kernel.Kernel;
import dev.flarec.compiler.Flarec;
import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.invocation.FlareRequest;
import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.invocation.RequestHeaders;
import dev.flarec.hostabi.pool.FlareInstance;
import dev.flarec.runtime.instance.Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One flare instance with the host functions, driven the way the server drives it for one request
 * under the default configuration (isolation "reset"): {@code handle_request}, then the instance
 * reset to its snapshot. No HTTP: this is the flare's share of a request.
 */
public final class FlareHarness implements AutoCloseable {
  private final ServerConfig config;
  private final HostServices services;
  private final FlareInstance instance;

  private FlareHarness(ServerConfig config, HostServices services, FlareInstance instance) {
    this.config = config;
    this.services = services;
    this.instance = instance;
  }

  /** Compiles {@code flares/<name>.wasm} and instantiates it with the default configuration. */
  public static FlareHarness start(String name) {
    QuietLogs.install();
    Module module = Flarec.compile(Kernel.Resources.bytes("/flares/" + name + ".wasm")).load();
    ServerConfig config = temporaryConfig(name);
    HostServices services = HostServices.create(config);
    FlareInstance instance =
        FlareInstance.create(module, services, config.flare().limits().memoryCapPages(), true);
    return new FlareHarness(config, services, instance);
  }

  /**
   * The default configuration of flare {@code name}, but with Spark's store in a new temporary
   * directory rather than the working one.
   */
  static ServerConfig temporaryConfig(String name) {
    try {
      Path dir = Files.createTempDirectory("flarec-bench-");
      Path file = dir.resolve("flarec.toml");
      Files.writeString(
          file,
          "[server]\ndata_dir = \"" + dir.resolve("data").toString().replace("\\", "/") + "\"\n");
      return new ConfigLoader(System::getenv).load(file, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves one GET request for {@code pathAndQuery}; returns the response body. */
  public byte[] get(String pathAndQuery) {
    FlareRequest request =
        new FlareRequest(
            "GET",
            "http://localhost:8080" + pathAndQuery,
            pathAndQuery,
            RequestHeaders.empty(),
            new byte[0]);
    Invocation invocation = new Invocation("0123456789abcdef", config.flare(), request);
    long word = instance.handleRequest(invocation);
    instance.reset();
    if (word >>> 32 != 1 || invocation.response().status() != 200) {
      throw new IllegalStateException(
          "the flare did not respond 200: action word " + Long.toHexString(word));
    }
    return invocation.response().body();
  }

  @Override
  public void close() {
    services.close();
  }
}
