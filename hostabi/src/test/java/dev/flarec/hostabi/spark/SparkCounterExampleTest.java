package dev.flarec.hostabi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.hostabi.server.RunningServer;
import dev.flarec.runtime.instance.Module;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/spark-counter over real HTTP: counts per path, reports the TTL, and keeps its counts
 * across a restart of the server on the same data directory.
 */
class SparkCounterExampleTest {
  private static final String WRITER = "[flare]\nwrites_spark_kv = true\n";

  @TempDir Path data;

  private static Module example() {
    return RunningServer.flare(
        Path.of(System.getProperty("user.dir"))
            .resolveSibling("examples")
            .resolve("spark-counter/spark-counter.wasm"));
  }

  private static String body(RunningServer server, String path) {
    HttpResponse<String> r = server.get(path);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void countsPerPathAndSurvivesARestart() {
    try (RunningServer server = RunningServer.start(example(), data, WRITER)) {
      assertEquals("visits to /home on this node: 1 (ttl 0)\n", body(server, "/home"));
      assertEquals("visits to /home on this node: 2 (ttl 0)\n", body(server, "/home"));
      assertEquals("visits to /other on this node: 1 (ttl 60)\n", body(server, "/other?ttl=60"));
    }
    try (RunningServer server = RunningServer.start(example(), data, WRITER)) {
      assertEquals("visits to /home on this node: 3 (ttl 0)\n", body(server, "/home"));
    }
  }

  @Test
  void withoutTheCapabilityTheWriteIsRefused() {
    try (RunningServer server = RunningServer.start(example(), data, "")) {
      HttpResponse<String> r = server.get("/home");
      assertEquals(500, r.statusCode());
      assertEquals("spark_set failed with code 9\n", r.body());
    }
  }
}
