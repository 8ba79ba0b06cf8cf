package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.flarec.hostabi.log.Loggers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The action word (flaron-abi.md §1.2) and what the server does with it: Respond, PassThrough and
 * Transform against a local origin, unknown actions. The probe's {@code x-case: r} returns the
 * action named by {@code x-action}, with junk in the reserved low 32 bits, after setting {@code
 * X-Flare: yes} and, when asked, a status ({@code x-status}) and a body ({@code x-body}).
 */
class ActionsTest {
  @TempDir Path data;

  private HttpServer origin;
  private final AtomicReference<String> seenByOrigin = new AtomicReference<>();

  /** An origin that echoes what it received and answers 201 with headers of its own. */
  @BeforeEach
  void startOrigin() throws IOException {
    origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin.createContext(
        "/",
        exchange -> {
          byte[] in = exchange.getRequestBody().readAllBytes();
          seenByOrigin.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " auth="
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " body="
                  + new String(in, StandardCharsets.UTF_8));
          if (exchange.getRequestURI().getPath().equals("/slow")) {
            try {
              Thread.sleep(3000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] out = "from origin".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("X-Origin", "1");
          exchange.getResponseHeaders().add("X-Flare", "origin's");
          exchange.getResponseHeaders().add("Set-Cookie", "a=1");
          exchange.getResponseHeaders().add("Set-Cookie", "b=2");
          exchange.sendResponseHeaders(201, out.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
          }
        });
    origin.start();
  }

  @AfterEach
  void stopOrigin() {
    origin.stop(0);
  }

  private RunningServer serveWithOrigin(String extra) {
    return RunningServer.start(
        RunningServer.probe(),
        data,
        "[server]\norigin = \"http://127.0.0.1:"
            + origin.getAddress().getPort()
            + "\"\n"
            + "origin_timeout_ms = 1000\n"
            + extra);
  }

  @Test
  void respondSendsTheFlaresResponseAndIgnoresTheReservedBits() {
    try (RunningServer server = serveWithOrigin("")) {
      HttpResponse<String> r = server.get("/", "x-case", "r", "x-action", "1", "x-body", "mine");
      assertEquals(200, r.statusCode());
      assertEquals("mine", r.body());
      assertEquals("yes", r.headers().firstValue("x-flare").orElseThrow());
      assertEquals(null, seenByOrigin.get(), "Respond never contacts the origin");
    }
  }

  @Test
  void passThroughProxiesTheOriginalRequestUntouched() {
    try (RunningServer server = serveWithOrigin("")) {
      HttpResponse<String> r =
          server.send(
              server
                  .request(
                      "/p/q?x=%20y",
                      "x-case",
                      "r",
                      "x-action",
                      "3",
                      "x-body",
                      "ignored",
                      "Authorization",
                      "Bearer t")
                  .POST(HttpRequest.BodyPublishers.ofString("payload")));
      assertEquals(201, r.statusCode());
      assertEquals("from origin", r.body());
      assertEquals("1", r.headers().firstValue("x-origin").orElseThrow());
      assertEquals(
          "origin's", r.headers().firstValue("x-flare").orElseThrow(), "flare state discarded");
      assertEquals(List.of("a=1", "b=2"), r.headers().allValues("set-cookie"));
      assertEquals("POST /p/q?x=%20y auth=Bearer t body=payload", seenByOrigin.get());
    }
  }

  @Test
  void transformOverlaysTheFlaresHeadersAndKeepsTheOriginsStatusAndBodyUnlessSet() {
    try (RunningServer server = serveWithOrigin("")) {
      HttpResponse<String> r = server.get("/t", "x-case", "r", "x-action", "2");
      assertEquals(201, r.statusCode());
      assertEquals("from origin", r.body());
      assertEquals(
          List.of("yes"),
          r.headers().allValues("x-flare"),
          "the flare's header replaces the origin's");
      assertEquals("1", r.headers().firstValue("x-origin").orElseThrow());

      HttpResponse<String> set =
          server.get(
              "/t", "x-case", "r", "x-action", "2", "x-status", "202", "x-body", "rewritten");
      assertEquals(202, set.statusCode());
      assertEquals("rewritten", set.body());
    }
  }

  @Test
  void proxyingWithoutAnOriginIs502() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "")) {
      assertEquals(502, server.get("/", "x-case", "r", "x-action", "3").statusCode());
      assertEquals(502, server.get("/", "x-case", "r", "x-action", "2").statusCode());
    }
  }

  @Test
  void anUnreachableOriginIs502AndASlowOne504() throws IOException {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (RunningServer server =
            RunningServer.start(
                RunningServer.probe(),
                data,
                "[server]\norigin = \"http://127.0.0.1:" + closedPort + "\"\n");
        LogCapture host = LogCapture.of(Loggers.HOST)) {
      assertEquals(502, server.get("/", "x-case", "r", "x-action", "3").statusCode());
      assertEquals(1, host.events("origin-failed").size());
    }
    try (RunningServer server = serveWithOrigin("")) {
      assertEquals(504, server.get("/slow", "x-case", "r", "x-action", "3").statusCode());
    }
  }

  @Test
  void anOriginWithABasePathKeepsIt() {
    OriginClient client =
        new OriginClient(URI.create("http://o.test/base/"), java.time.Duration.ofSeconds(1));
    assertEquals(URI.create("http://o.test/base/a?b=c"), client.target("/a?b=c"));
  }

  @ParameterizedTest(name = "action {0}")
  @ValueSource(ints = {0, 4, 255, -1})
  void unknownActionsAre500(int action) {
    try (RunningServer server = serveWithOrigin("");
        LogCapture host = LogCapture.of(Loggers.HOST)) {
      HttpResponse<String> r = server.get("/", "x-case", "r", "x-action", String.valueOf(action));
      assertEquals(500, r.statusCode());
      assertEquals("Internal Server Error\n", r.body());
      assertFalse(r.headers().firstValue("x-flare").isPresent(), "nothing of the flare's response");
      assertEquals(
          Integer.toUnsignedString(action),
          LogCapture.field(host.events("flare-bad-action").get(0), "action"));
    }
  }

  @Test
  void headRequestsGetHeadersOnly() {
    try (RunningServer server = serveWithOrigin("")) {
      HttpResponse<String> r =
          server.send(
              server
                  .request("/", "x-case", "r", "x-action", "1", "x-body", "mine")
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertEquals(200, r.statusCode());
      assertTrue(r.body().isEmpty());
    }
  }
}
