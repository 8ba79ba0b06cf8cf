package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.hostabi.server.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code req_method}, {@code req_url}, {@code req_header_get} and {@code req_body} through real
 * HTTP, with the probe flare: it answers the result's bytes, or 404 "absent" for a 0 result.
 */
class RequestImportsTest {
  @TempDir Path data;

  private RunningServer serve(String config) {
    return RunningServer.start(RunningServer.probe(), data, config);
  }

  @Test
  void reqMethodIsTheMethodAsSent() {
    try (RunningServer server = serve("")) {
      assertEquals("GET", server.get("/", "x-case", "m").body());
      assertEquals("DELETE", server.send(server.request("/", "x-case", "m").DELETE()).body());
      assertEquals(
          "PATCH",
          server
              .send(
                  server
                      .request("/", "x-case", "m")
                      .method("PATCH", HttpRequest.BodyPublishers.ofString("x")))
              .body());
    }
  }

  @Test
  void reqUrlIsAbsoluteWithTheHostHeaderAndTheRawQuery() {
    try (RunningServer server = serve("")) {
      int port = server.server().port();
      assertEquals(
          "http://127.0.0.1:" + port + "/a/b%20c?q=1&r=%2F",
          server.get("/a/b%20c?q=1&r=%2F", "x-case", "u").body());
      assertEquals("http://127.0.0.1:" + port + "/", server.get("/", "x-case", "u").body());
    }
  }

  @Test
  void reqHeaderGetMatchesNamesCaseInsensitively() {
    try (RunningServer server = serve("")) {
      assertEquals(
          "abc",
          server.get("/", "x-case", "h", "x-name", "X-TRACE-ID", "X-Trace-Id", "abc").body());
      assertEquals(
          "abc",
          server.get("/", "x-case", "h", "x-name", "x-trace-id", "X-Trace-Id", "abc").body());
    }
  }

  @Test
  void multiValuedHeadersAreJoinedInArrivalOrder() {
    try (RunningServer server = serve("")) {
      HttpResponse<String> r =
          server.send(
              server
                  .request("/", "x-case", "h", "x-name", "accept")
                  .header("Accept", "text/html")
                  .header("Accept", "application/json"));
      assertEquals("text/html, application/json", r.body());
    }
  }

  @Test
  void missingAndEmptyHeadersAreAbsent() {
    try (RunningServer server = serve("")) {
      HttpResponse<String> missing = server.get("/", "x-case", "h", "x-name", "x-nothing");
      assertEquals(404, missing.statusCode());
      assertEquals("absent", missing.body());
      assertEquals(
          "absent", server.get("/", "x-case", "h", "x-name", "x-empty", "x-empty", "").body());
    }
  }

  @Test
  void credentialsAndFlaronHeadersAreHiddenUnlessRawAuthIsConfigured() {
    String[] secrets = {"Authorization", "Bearer t", "Cookie", "s=1", "X-Flaron-Site", "a"};
    try (RunningServer server = serve("")) {
      for (String name : new String[] {"authorization", "cookie", "x-flaron-site"}) {
        assertEquals(
            "absent", server.get("/", concat(secrets, "x-case", "h", "x-name", name)).body(), name);
      }
    }
    try (RunningServer server = serve("[flare]\nrequires_raw_auth = true\n")) {
      assertEquals(
          "Bearer t",
          server.get("/", concat(secrets, "x-case", "h", "x-name", "authorization")).body());
      assertEquals(
          "s=1", server.get("/", concat(secrets, "x-case", "h", "x-name", "Cookie")).body());
      assertEquals(
          "a", server.get("/", concat(secrets, "x-case", "h", "x-name", "X-FLARON-SITE")).body());
    }
  }

  @Test
  void reqBodyIsBinarySafeWhenTheFlareRequiresTheBody() {
    byte[] body = {1, 2, (byte) 0xFF, 0x7F};
    try (RunningServer server = serve("[flare]\nrequires_body = true\n")) {
      HttpResponse<byte[]> r =
          server.sendForBytes(
              server
                  .request("/", "x-case", "b")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
      assertEquals(200, r.statusCode());
      assertArrayEquals(body, r.body());
      assertEquals("absent", server.get("/", "x-case", "b").body(), "an empty body is absent");
    }
  }

  @Test
  void reqBodyIsAbsentWithoutRequiresBody() {
    try (RunningServer server = serve("")) {
      assertEquals(
          "absent",
          server
              .send(
                  server
                      .request("/", "x-case", "b")
                      .POST(HttpRequest.BodyPublishers.ofString("hello")))
              .body());
    }
  }

  @Test
  void aBodyOverTheCapIsAnswered413BeforeTheFlareRuns() {
    try (RunningServer server =
        serve("[flare]\nrequires_body = true\nmax_request_body_bytes = 10\n")) {
      assertEquals(
          "0123456789",
          server
              .send(
                  server
                      .request("/", "x-case", "b")
                      .POST(HttpRequest.BodyPublishers.ofString("0123456789")))
              .body());
      HttpResponse<String> tooBig =
          server.send(
              server
                  .request("/", "x-case", "b")
                  .POST(HttpRequest.BodyPublishers.ofString("0123456789A")));
      assertEquals(413, tooBig.statusCode());
      // a chunked body (no Content-Length) is measured as it is read
      HttpResponse<String> chunked =
          server.send(
              server
                  .request("/", "x-case", "b")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new java.io.ByteArrayInputStream(new byte[100]))));
      assertEquals(413, chunked.statusCode());
    }
  }

  @Test
  void aBodyBeyondTheGuestArenaIsAbsentBecauseAllocRefusesIt() {
    try (RunningServer server = serve("[flare]\nrequires_body = true\n")) {
      // the probe's arena is 64 KiB
      assertEquals(
          "absent",
          server
              .send(
                  server
                      .request("/", "x-case", "b")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[70_000])))
              .body());
    }
  }

  @Test
  void resultsAreZeroWhenAllocFails() {
    try (RunningServer server = serve("")) {
      assertEquals("absent", server.get("/", "x-case", "A").body());
    }
  }

  @Test
  void aHeaderNameOutsideMemoryTraps() {
    try (RunningServer server = serve("")) {
      HttpResponse<String> r = server.get("/", "x-case", "q");
      assertEquals(500, r.statusCode());
      assertEquals("Internal Server Error\n", r.body(), "no detail reaches the client");
      assertEquals("ok", server.get("/").body(), "the next request is served");
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
