package dev.flarec.hostabi.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.Flarec;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.runtime.instance.Module;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node serving a directory: routes by path prefix and Host, skips a broken module, and takes
 * flares added, replaced and removed while it runs, without failing a request on the way.
 */
class FlareNodeTest {
  private static final Path HELLO =
      Path.of(System.getProperty("user.dir"))
          .resolveSibling("examples")
          .resolve("hello/hello.wasm");

  @TempDir Path dir;
  @TempDir Path staging;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Module compile(Path file) {
    return file.toString().endsWith(".jar") ? Module.load(file) : Flarec.compile(file).load();
  }

  private HttpResponse<String> get(FlareNode node, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a GET with the given Host header (java.net.http will not set one). */
  private static int status(FlareNode node, String path, String host) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), node.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  /** Puts a file into the watched directory in one step, as deployments should. */
  private void deploy(String name, byte[] bytes) throws Exception {
    Path tmp = staging.resolve(name);
    Files.write(tmp, bytes);
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private int awaitStatus(FlareNode node, String path, String host, int status) throws Exception {
    int last = -1;
    for (int i = 0; i < 2000; i++) {
      last = host == null ? get(node, path).statusCode() : status(node, path, host);
      if (last == status) {
        return i;
      }
      Thread.sleep(5);
    }
    throw new AssertionError(path + " on " + host + ": still " + last + ", expected " + status);
  }

  @Test
  void warmUpServesItsOwnRequestsThroughThePortThenClosesItsPath() throws Exception {
    try (FlareNode node =
        FlareNode.start(dir, 0, "node-1", FlareNodeTest::compile, new ConfigLoader(name -> null))) {
      // every round's requests went the way a client's go, and all were answered
      assertEquals(30, node.awaitWarmUp(Duration.ofSeconds(120)));
      assertEquals(404, status(node, "/", "flarec-warm-up.invalid"), "only open while warming up");
      assertTrue(node.flares().isEmpty(), "the warm-up flare is never mounted for clients");
    }
  }

  @Test
  void routesSkipsBrokenModulesAndReloadsWithoutFailingRequests() throws Exception {
    Files.copy(HELLO, dir.resolve("hello.wasm"));
    Files.write(dir.resolve("broken.wasm"), new byte[] {0, 'a', 's', 'm', 9, 9});
    try (FlareNode node =
        FlareNode.start(dir, 0, "node-1", FlareNodeTest::compile, new ConfigLoader(name -> null))) {
      assertEquals(java.util.Set.of("hello"), node.flares(), "broken.wasm is skipped");
      HttpResponse<String> r = get(node, "/hello/world");
      assertEquals(200, r.statusCode());
      assertTrue(r.body().startsWith("Hello from flarec! You sent GET /hello/world"), r.body());
      assertEquals(404, get(node, "/other").statusCode());
      assertEquals(200, get(node, "/__flarec/ready").statusCode());

      // a new flare routed by Host appears while the node runs
      deploy("hi.toml", "[route]\nhosts = [\"hi.test\"]\n".getBytes(StandardCharsets.UTF_8));
      long appeared = System.nanoTime();
      deploy("hi.wasm", Files.readAllBytes(HELLO));
      awaitStatus(node, "/x", "hi.test", 200);
      System.out.printf(
          "node: a new flare answered %d ms after its file appeared%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - appeared));
      assertEquals(404, status(node, "/x", "other.test"));
      assertEquals(200, status(node, "/hello/x", "other.test"));

      // replace hello twice under load: every request is answered by one version or the other
      AtomicBoolean loading = new AtomicBoolean(true);
      List<Integer> statuses = new ArrayList<>();
      Thread load =
          new Thread(
              () -> {
                while (loading.get()) {
                  try {
                    int s = get(node, "/hello/load").statusCode();
                    synchronized (statuses) {
                      statuses.add(s);
                    }
                  } catch (Exception e) {
                    synchronized (statuses) {
                      statuses.add(-1);
                    }
                  }
                }
              });
      load.start();
      try {
        for (int round = 1; round <= 2; round++) {
          Path tmp = staging.resolve("hello.wasm");
          Files.copy(HELLO, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.setLastModifiedTime(
              tmp, FileTime.fromMillis(System.currentTimeMillis() + round * 10_000L));
          Files.move(
              tmp,
              dir.resolve("hello.wasm"),
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
          Thread.sleep(700);
        }
      } finally {
        loading.set(false);
        load.join(20_000);
      }
      synchronized (statuses) {
        assertTrue(statuses.size() > 10, "requests during the replacements: " + statuses.size());
        assertTrue(statuses.stream().allMatch(s -> s == 200), "statuses: " + statuses);
      }

      // a configuration change moves the flare; removing its file unmounts it
      deploy("hello.toml", "[route]\npath_prefix = \"/h/\"\n".getBytes(StandardCharsets.UTF_8));
      awaitStatus(node, "/h/x", null, 200);
      assertEquals(404, get(node, "/hello/x").statusCode());
      Files.delete(dir.resolve("hi.wasm"));
      awaitStatus(node, "/x", "hi.test", 404);
      assertEquals(java.util.Set.of("hello"), node.flares());

      // a broken replacement is reported and the running version keeps serving
      deploy("hello.wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 7});
      Thread.sleep(300);
      assertEquals(200, get(node, "/h/x").statusCode());
    }
  }
}
