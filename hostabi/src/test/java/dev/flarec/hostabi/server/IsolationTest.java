package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.log.Loggers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Isolation and limits (flaron-abi.md §8 decisions 4, 12, 23): state between requests, traps, the
 * deadline and the memory cap, and that the server keeps serving after each.
 */
class IsolationTest {
  @TempDir Path data;

  /** The probe's {@code x-case: n} counts in a global and in memory: body = 10 * global + cell. */
  @Test
  void resetGivesEveryRequestTheStateOfAFreshInstance() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "")) {
      for (int i = 0; i < 5; i++) {
        assertEquals("11", server.get("/", "x-case", "n").body());
      }
    }
  }

  /**
   * {@code flares/server/scribble.wat} checks memory around block boundaries, a filled range, the
   * memory's size, a global and a table slot, then writes over all of them: under {@code reset} no
   * request sees another's writes, on one instance, many times over.
   */
  @Test
  void underResetNoRequestSeesThePreviousRequestsWrites() {
    try (RunningServer server =
        RunningServer.start(
            RunningServer.flare("/flares/server/scribble.wasm"),
            data,
            "[server]\nmax_instances = 1\n")) {
      for (int i = 0; i < 20; i++) {
        assertEquals("clean", server.get("/").body(), "request " + i);
      }
    }
  }

  /** The same flare under {@code reuse}: the checks do see the writes (they are not vacuous). */
  @Test
  void underReuseTheScribbleFlareSeesItsOwnWrites() {
    try (RunningServer server =
        RunningServer.start(
            RunningServer.flare("/flares/server/scribble.wasm"),
            data,
            "[server]\nmax_instances = 1\n[flare]\nisolation = \"reuse\"\n")) {
      assertEquals("clean", server.get("/").body());
      assertEquals("dirty:ABCDEF", server.get("/").body());
    }
  }

  @Test
  void reuseKeepsStateBetweenRequests() {
    try (RunningServer server =
        RunningServer.start(
            RunningServer.probe(),
            data,
            "[server]\nmax_instances = 1\n[flare]\nisolation = \"reuse\"\n")) {
      assertEquals("11", server.get("/", "x-case", "n").body());
      assertEquals("22", server.get("/", "x-case", "n").body());
      assertEquals("33", server.get("/", "x-case", "n").body());
    }
  }

  @Test
  void aTrapIs500AndTheInstanceIsReplaced() {
    for (String isolation : new String[] {"reset", "reuse"}) {
      try (RunningServer server =
              RunningServer.start(
                  RunningServer.probe(),
                  data,
                  "[server]\nmax_instances = 1\n[flare]\nisolation = \"" + isolation + "\"\n");
          LogCapture host = LogCapture.of(Loggers.HOST)) {
        server.get("/", "x-case", "n");
        HttpResponse<String> r = server.get("/", "x-case", "z");
        assertEquals(500, r.statusCode());
        assertEquals("Internal Server Error\n", r.body());
        assertEquals("unreachable", LogCapture.field(host.events("flare-trap").get(0), "trap"));
        // a fresh instance: the reused state is gone too
        assertEquals("11", server.get("/", "x-case", "n").body(), isolation);
        assertEquals(1, server.server().pool().discarded());
      }
    }
  }

  @Test
  void exhaustingTheCallStackIs500AndTheServerCarriesOn() {
    try (RunningServer server = RunningServer.start(RunningServer.probe(), data, "");
        LogCapture host = LogCapture.of(Loggers.HOST)) {
      assertEquals(500, server.get("/", "x-case", "R").statusCode());
      assertEquals(
          "call stack exhausted", LogCapture.field(host.events("flare-trap").get(0), "trap"));
      assertEquals("ok", server.get("/").body());
    }
  }

  @Test
  void theDeadlineStopsALoopingFlareWith504WhileAnotherRequestIsServed() throws Exception {
    try (RunningServer server =
            RunningServer.start(RunningServer.probe(), data, "[flare]\ndeadline_ms = 1500\n");
        LogCapture host = LogCapture.of(Loggers.HOST)) {
      long start = System.nanoTime();
      CompletableFuture<HttpResponse<String>> looping =
          CompletableFuture.supplyAsync(() -> server.get("/", "x-case", "i"));
      // wait until the looping request holds an instance, then ask on another one
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.server().pool().busy() == 0 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      HttpResponse<String> other = server.get("/", "x-case", "m");
      assertEquals(200, other.statusCode());
      assertEquals("GET", other.body());
      assertTrue(!looping.isDone(), "served while the looping request was still running");

      HttpResponse<String> stopped = looping.get(10, TimeUnit.SECONDS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(504, stopped.statusCode());
      assertEquals("Gateway Timeout\n", stopped.body());
      assertTrue(millis >= 1400 && millis < 8000, millis + " ms");
      assertEquals(1, host.events("flare-deadline").size());
      assertEquals("ok", server.get("/").body(), "the next request succeeds");
    }
  }

  @Test
  void growingPastTheMemoryCapFailsAndTheFlaresTrapIs500() {
    // the probe has 3 pages (192 KiB); a 1 MiB cap allows 16
    try (RunningServer server =
        RunningServer.start(RunningServer.probe(), data, "[flare]\nmemory_cap_mib = 1\n")) {
      assertEquals("16", server.get("/", "x-case", "g", "x-grow", "13").body());
      assertEquals(500, server.get("/", "x-case", "g", "x-grow", "14").statusCode());
      assertEquals("ok", server.get("/").body(), "the next request succeeds");
      assertEquals("4", server.get("/", "x-case", "g", "x-grow", "1").body(), "memory was reset");
    }
  }

  @Test
  void reuseRecyclesAnInstanceWhoseMemoryGrewPastTheThreshold() {
    try (RunningServer server =
        RunningServer.start(
            RunningServer.probe(),
            data,
            "[server]\nmax_instances = 1\n[flare]\nisolation = \"reuse\"\nmemory_cap_mib = 2\n"
                + "recycle_memory_mib = 1\n")) {
      assertEquals("4", server.get("/", "x-case", "g", "x-grow", "1").body());
      assertEquals("11", server.get("/", "x-case", "n").body(), "kept: 4 pages < 1 MiB");
      assertEquals("16", server.get("/", "x-case", "g", "x-grow", "12").body());
      assertEquals("11", server.get("/", "x-case", "n").body(), "recycled at 1 MiB: fresh state");
    }
  }

  @Test
  void requestsWaitForAFreeInstanceAndGet503WhenNoneFreesInTime() throws Exception {
    try (RunningServer server =
        RunningServer.start(
            RunningServer.probe(),
            data,
            "[server]\nmax_instances = 1\n[flare]\ndeadline_ms = 600\n")) {
      CompletableFuture<HttpResponse<String>> looping =
          CompletableFuture.supplyAsync(() -> server.get("/", "x-case", "i"));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.server().pool().busy() == 0 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      HttpResponse<String> waiting = server.get("/", "x-case", "m");
      // it waited its whole deadline for the one instance: by then that one was stopped
      assertTrue(
          waiting.statusCode() == 503 || waiting.statusCode() == 200, "" + waiting.statusCode());
      assertEquals(504, looping.get(10, TimeUnit.SECONDS).statusCode());
      assertEquals("GET", server.get("/", "x-case", "m").body());
    }
  }
}
