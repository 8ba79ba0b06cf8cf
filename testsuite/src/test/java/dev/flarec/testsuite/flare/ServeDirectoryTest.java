package dev.flarec.testsuite.flare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar compiler/target/flarec.jar serve DIR --port 0} as a user runs it: a {@code
 * .wasm} dropped into the running node's directory answers, a new file under its name replaces it,
 * deleting it unmounts it, and SIGTERM stops the node. Needs the complete flarec.jar, which the
 * dist module assembles at {@code package}: skipped under {@code mvn test}, run by {@code mvn
 * verify}.
 */
class ServeDirectoryTest {
  private static final Path FLAREC = Path.of("../compiler/target/flarec.jar");
  private static final Path HELLO = Path.of("../examples/hello/hello.wasm");
  private static final Path EDGE_OPS = Path.of("../examples/edge-ops/edge_ops.wasm");
  private static final Pattern SERVING = Pattern.compile("^serving .* on port (\\d+): ");
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  @TempDir Path staging;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesAddsReplacesAndRemovesFlaresAndStopsOnSigterm() throws Exception {
    Assumptions.assumeTrue(
        hasFlareHost(),
        "compiler/target/flarec.jar with the flare host is"
            + " assembled by the dist module at package time (mvn verify)");
    String java = ProcessHandle.current().info().command().orElse("java");
    Path served = Files.createDirectory(dir.resolve("flares"));
    // from the temporary directory, so that the node's default data directory lands there
    try (ServerProcess node =
        ServerProcess.start(
            new ProcessBuilder(
                    java,
                    "-Xmx256m",
                    "-jar",
                    FLAREC.toAbsolutePath().toString(),
                    "serve",
                    served.toString(),
                    "--port",
                    "0")
                .directory(dir.toFile()))) {
      int port = node.awaitPort(SERVING);
      URI site = URI.create("http://127.0.0.1:" + port + "/site/x");
      assertEquals(404, get(site).statusCode(), "nothing is served before a flare appears");

      deploy(HELLO, served.resolve("site.wasm"));
      HttpResponse<String> first = await(site, r -> r.statusCode() == 200, "hello answers");
      assertEquals("Hello from flarec! You sent GET /site/x\n", first.body());

      deploy(EDGE_OPS, served.resolve("site.wasm"));
      HttpResponse<String> replaced =
          await(site, r -> r.statusCode() == 200 && r.body().startsWith("{"), "edge-ops answers");
      assertTrue(replaced.body().contains("\"sha256\""), replaced.body());

      Files.delete(served.resolve("site.wasm"));
      await(site, r -> r.statusCode() == 404, "the removed flare no longer answers");

      List<String> log = node.stop();
      assertTrue(log.stream().anyMatch(l -> l.contains(" flare-mounted ")), log.toString());
      assertTrue(log.stream().anyMatch(l -> l.contains(" flare-replaced ")), log.toString());
      assertTrue(log.stream().anyMatch(l -> l.contains(" flare-removed ")), log.toString());
      assertTrue(log.stream().anyMatch(l -> l.contains(" node-stopped")), log.toString());
    }
  }

  /** Puts a file into the served directory in one step, as deployments should. */
  private void deploy(Path from, Path to) throws IOException {
    Path tmp = staging.resolve(to.getFileName());
    Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The first answer that {@code wanted} accepts, asking every 10 ms for at most {@link #WAIT}. */
  private HttpResponse<String> await(URI uri, Predicate<HttpResponse<String>> wanted, String what)
      throws Exception {
    long until = System.nanoTime() + WAIT.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < until) {
      last = get(uri);
      if (wanted.test(last)) {
        return last;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(
        "not within "
            + WAIT.toSeconds()
            + " s: "
            + what
            + "; last answer "
            + (last == null ? "none" : last.statusCode() + " " + last.body()));
  }

  private static boolean hasFlareHost() throws IOException {
    if (!Files.isRegularFile(FLAREC)) {
      return false;
    }
    try (JarFile jar = new JarFile(FLAREC.toFile())) {
      return jar.getEntry("dev/flarec/compiler/jar/flare-host/META-INF/MANIFEST.MF") != null;
    }
  }
}
