package dev.flarec.hostabi.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarec.hostabi.server.RunningServer;
import dev.flarec.runtime.instance.Module;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/beam-fetch over real HTTP, against a local upstream. */
class BeamFetchExampleTest {
  private static TestUpstream upstream;

  @TempDir Path data;

  @BeforeAll
  static void start() throws Exception {
    upstream = new TestUpstream();
  }

  @AfterAll
  static void stop() {
    upstream.close();
  }

  private static Module example() {
    return RunningServer.flare(
        Path.of(System.getProperty("user.dir"))
            .resolveSibling("examples")
            .resolve("beam-fetch/beam-fetch.wasm"));
  }

  private RunningServer server() {
    return RunningServer.start(
        example(), data, "[flare]\nallowed_fetch_urls = [\"" + upstream.base() + "/*\"]\n");
  }

  @Test
  void relaysStatusAndBody() {
    try (RunningServer server = server()) {
      HttpResponse<String> ok = server.get("/", "X-Fetch-Url", upstream.base() + "/hello");
      assertEquals(200, ok.statusCode());
      assertEquals("hello world", ok.body());
      HttpResponse<String> missing =
          server.get("/", "X-Fetch-Url", upstream.base() + "/status/404");
      assertEquals(404, missing.statusCode());
      assertEquals("status 404", missing.body());
    }
  }

  @Test
  void sendsItsOptionsAndDecodesEscapedBodies() throws Exception {
    try (RunningServer server = server()) {
      HttpResponse<String> r = server.get("/", "X-Fetch-Url", upstream.base() + "/echo");
      assertEquals(200, r.statusCode());
      JsonNode echo =
          new ObjectMapper().readTree(r.body()); // JSON with quotes, unescaped by the flare
      assertEquals("GET", echo.get("method").textValue());
      assertEquals("flarec-beam-fetch/0.1", echo.get("headers").get("user-agent").textValue());
    }
  }

  @Test
  void refusedFetchesAre502AndAMissingHeader400() {
    try (RunningServer server = server()) {
      assertEquals(
          502, server.get("/", "X-Fetch-Url", "http://203.0.113.1/not-allowlisted").statusCode());
      assertEquals(400, server.get("/").statusCode());
    }
  }
}
