package dev.flarec.hostabi.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.Flarec;
import dev.flarec.hostabi.cluster.ClusterPorts;
import dev.flarec.hostabi.config.ClusterConfig;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.runtime.instance.Module;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one JVM, each joined to a cluster once with the node-level options, each serving two
 * Plasma flares that store under the same site: a flare's counter reaches the flare of the same
 * name on the other node and no other flare.
 */
class FlareNodeClusterTest {
  private static final Path COUNTER =
      Path.of(System.getProperty("user.dir"))
          .resolveSibling("examples")
          .resolve("plasma-counter/plasma-counter.wasm");

  @TempDir Path root;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Module compile(Path file) {
    return Flarec.compile(file).load();
  }

  /** A node directory with flares a and b, both the counter under site "shared". */
  private Path nodeDir(String node) throws IOException {
    Path dir = Files.createDirectories(root.resolve(node));
    for (String flare : List.of("a", "b")) {
      Files.copy(COUNTER, dir.resolve(flare + ".wasm"));
      Files.writeString(
          dir.resolve(flare + ".toml"),
          String.join(
              "\n",
              "[server]",
              "data_dir = \""
                  + root.resolve("data-" + node + "-" + flare).toString().replace("\\", "/")
                  + "\"",
              "[flare]",
              "name = \"shared\"",
              "writes_plasma_kv = true",
              "[route]",
              "path_prefix = \"/" + flare + "/\"",
              ""),
          StandardCharsets.UTF_8);
    }
    return dir;
  }

  private String get(FlareNode node, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  /** The "hits: N" the counter answers with, after counting this request. */
  private long hits(FlareNode node, String path) throws Exception {
    String body = get(node, path);
    int at = body.indexOf("hits: ");
    assertTrue(at >= 0, body);
    int end = body.indexOf(',', at);
    return Long.parseLong(body.substring(at + 6, end).strip());
  }

  @Test
  void oneChannelPerNodeAndEachFlareReplicatesToItsNamesake() throws Exception {
    int portOne = ClusterPorts.free();
    int portTwo = ClusterPorts.free();
    List<ClusterConfig.Address> seeds =
        List.of(
            new ClusterConfig.Address("127.0.0.1", portOne),
            new ClusterConfig.Address("127.0.0.1", portTwo));
    try (FlareNode one =
            FlareNode.start(
                nodeDir("one"),
                0,
                "node-one",
                new ClusterConfig(new ClusterConfig.Address("127.0.0.1", portOne), seeds),
                FlareNodeClusterTest::compile,
                new ConfigLoader());
        FlareNode two =
            FlareNode.start(
                nodeDir("two"),
                0,
                "node-two",
                new ClusterConfig(new ClusterConfig.Address("127.0.0.1", portTwo), seeds),
                FlareNodeClusterTest::compile,
                new ConfigLoader())) {
      assertEquals(List.of("a", "b"), List.copyOf(one.flares()));
      assertEquals(List.of("a", "b"), List.copyOf(two.flares()));
      for (int i = 0; i < 5; i++) {
        hits(one, "/a/x");
      }
      // each request counts one: a on node two sees node one's five besides its own polls
      long polls = 0;
      long seen = 0;
      while (polls < 200 && seen - polls < 5) {
        seen = hits(two, "/a/y");
        polls++;
        Thread.sleep(50);
      }
      assertEquals(5, seen - polls, "a on node two: " + seen + " hits after " + polls + " polls");
      // b stores under the same site but is another flare: by now a's messages have all
      // arrived at node two, and none of them reached b
      assertEquals(1, hits(two, "/b/z"));
    }
  }
}
