package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful shutdown: requests in flight finish, then the port closes. */
class ShutdownTest {
  @TempDir Path data;

  @Test
  void aRequestInFlightFinishesBeforeTheServerStops() throws Exception {
    RunningServer server =
        RunningServer.start(
            RunningServer.probe(),
            data,
            "[flare]\ndeadline_ms = 800\n[server]\nshutdown_grace_ms = 5000\n");
    try {
      CompletableFuture<HttpResponse<String>> inFlight =
          CompletableFuture.supplyAsync(() -> server.get("/", "x-case", "i"));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.server().pool().busy() == 0 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server.server()::stop);
      Thread.sleep(100);
      assertEquals(503, server.get(FlareHandler.HEALTH_PATH).statusCode(), "health says stopping");
      assertEquals(503, server.get("/").statusCode(), "new requests are refused");
      // the looping request is answered (by its deadline) before the server goes away
      assertEquals(504, inFlight.get(10, TimeUnit.SECONDS).statusCode());
      stopping.get(10, TimeUnit.SECONDS);
      assertThrows(UncheckedIOException.class, () -> server.get("/"));
    } finally {
      server.close();
    }
  }
}
