package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.hostabi.config.ServerConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flare server's start with a task before the flare's first instance (what a flare JAR's launcher
 * waits for there): the server is already bound when it runs, and a failure there releases the
 * port.
 */
class FlareServerStartTest {
  @TempDir Path dir;

  private ServerConfig config(int port) {
    return new ConfigLoader(name -> null)
        .defaults("probe")
        .withPort(port)
        .withDataDirectory(dir.resolve("data"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** "bound" if the port is taken, "free" if this could bind it. */
  private static String portState(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(port));
      return "free";
    } catch (BindException e) {
      return "bound";
    } catch (IOException e) {
      return "unknown: " + e;
    }
  }

  @Test
  void thePortIsBoundBeforeTheFirstInstanceAndServedAfter() throws Exception {
    int port = freePort();
    ServerConfig config = config(port);
    List<String> seen = new ArrayList<>();
    try (HostServices services = HostServices.create(config)) {
      FlareServer server =
          FlareServer.start(
              RunningServer.probe(), config, services, () -> seen.add(portState(port)));
      try {
        assertEquals(List.of("bound"), seen);
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/__flarec/live"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void aFailureBeforeTheFirstInstanceReleasesThePort() throws Exception {
    int port = freePort();
    ServerConfig config = config(port);
    IllegalStateException failure = new IllegalStateException("stop here");
    try (HostServices services = HostServices.create(config)) {
      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  FlareServer.start(
                      RunningServer.probe(),
                      config,
                      services,
                      () -> {
                        throw failure;
                      }));
      assertSame(failure, thrown);
    }
    assertEquals("free", portState(port));
  }
}
