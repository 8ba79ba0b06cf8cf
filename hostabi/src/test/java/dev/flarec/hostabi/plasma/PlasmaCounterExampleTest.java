package dev.flarec.hostabi.plasma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.hostabi.server.RunningServer;
import dev.flarec.runtime.instance.Module;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/plasma-counter over real HTTP: a PN-counter and an LWW value side by side. */
class PlasmaCounterExampleTest {
  @TempDir Path data;

  private static Module example() {
    return RunningServer.flare(
        Path.of(System.getProperty("user.dir"))
            .resolveSibling("examples")
            .resolve("plasma-counter/plasma-counter.wasm"));
  }

  private static String send(RunningServer server, String method, String path) {
    HttpResponse<String> r =
        server.send(
            server.request(path).method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void countsUpAndDownAndRemembersTheLastPath() {
    try (RunningServer server =
        RunningServer.start(example(), data, "[flare]\nwrites_plasma_kv = true\n")) {
      assertEquals("hits: 1, previous path: (none)\n", send(server, "GET", "/a"));
      assertEquals("hits: 2, previous path: /a\n", send(server, "GET", "/b?x=1"));
      assertEquals("hits: 1, previous path: /b?x=1\n", send(server, "DELETE", "/c"));
      assertEquals("hits: 2, previous path: (none)\n", send(server, "GET", "/d"));
    }
  }

  @Test
  void withoutTheCapabilityTheCounterIsUnavailable() {
    try (RunningServer server = RunningServer.start(example(), data, "")) {
      HttpResponse<String> r = server.get("/a");
      assertEquals(500, r.statusCode());
      assertEquals("plasma counter unavailable (is writes_plasma_kv set?)\n", r.body());
    }
  }
}
