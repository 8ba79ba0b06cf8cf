package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hello example ({@code examples/hello/hello.c}), served as {@code java -jar} serves it. */
class HelloExampleTest {
  private static final Path HELLO = Path.of("../examples/hello/hello.wasm");

  @TempDir Path data;

  @Test
  void greetsWithTheMethodAndPathAndSetsItsHeaders() {
    try (RunningServer server = RunningServer.start(RunningServer.flare(HELLO), data, "")) {
      HttpResponse<String> r = server.get("/world?x=1");
      assertEquals(200, r.statusCode());
      assertEquals("Hello from flarec! You sent GET /world?x=1\n", r.body());
      assertEquals(
          "text/plain; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
      assertEquals("flarec", r.headers().firstValue("x-powered-by").orElseThrow());
      assertTrue(r.headers().firstValue("x-request-id").isPresent(), "every reply carries an id");

      HttpResponse<String> post =
          server.send(
              server.request("/a/b").POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")));
      assertEquals("Hello from flarec! You sent POST /a/b\n", post.body());
    }
  }

  @Test
  void healthEndpointAnswersWithoutRunningTheFlare() {
    try (RunningServer server = RunningServer.start(RunningServer.flare(HELLO), data, "")) {
      HttpResponse<String> r = server.get(FlareHandler.HEALTH_PATH);
      assertEquals(200, r.statusCode());
      assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
      assertTrue(r.body().startsWith("{\"status\":\"ok\",\"flare\":\"probe\""), r.body());
      // the host owns everything under /__flarec/, so a flare cannot shadow a probe...
      assertEquals(404, server.get(FlareHandler.HEALTH_PATH + "x").statusCode());
      // ...and a path that only starts like the prefix is the flare's
      assertTrue(server.get("/__flarecx/health").body().startsWith("Hello"));
    }
  }

  @Test
  void aClientRequestIdIsKeptAndAnInsaneOneReplaced() {
    try (RunningServer server = RunningServer.start(RunningServer.flare(HELLO), data, "")) {
      assertEquals(
          "abc-123",
          server
              .get("/", "X-Request-Id", "abc-123")
              .headers()
              .firstValue("x-request-id")
              .orElseThrow());
      String replaced =
          server
              .get("/", "X-Request-Id", "no spaces please")
              .headers()
              .firstValue("x-request-id")
              .orElseThrow();
      assertTrue(replaced.matches("[0-9a-f]{16}"), replaced);
    }
  }
}
