package dev.flarec.hostabi.beam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local upstream on an ephemeral loopback port for Beam tests.
 *
 * <ul>
 *   <li>{@code /hello}: 200, {@code text/plain}, "hello world", a repeated {@code X-Multi};
 *   <li>{@code /echo}: 200, JSON of the request's method, lowercased headers and body;
 *   <li>{@code /status/N}: status N with body "status N";
 *   <li>{@code /slow}: answers after 5 s;
 *   <li>{@code /redirect}: 302 to {@code /hello};
 *   <li>{@code /big}: 2 MiB of 'x';
 *   <li>{@code /binary}: bytes that are not UTF-8.
 * </ul>
 */
public final class TestUpstream implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();

  public TestUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT} */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many requests reached this upstream. */
  public int requests() {
    return requests.get();
  }

  /** A loopback URL nothing listens on (a port that was just free). */
  public static String refusedUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return "http://127.0.0.1:" + port + "/";
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    String path = ex.getRequestURI().getPath();
    byte[] requestBody = ex.getRequestBody().readAllBytes();
    try {
      if (path.equals("/hello")) {
        ex.getResponseHeaders().add("Content-Type", "text/plain");
        ex.getResponseHeaders().add("X-Multi", "a");
        ex.getResponseHeaders().add("X-Multi", "b");
        send(ex, 200, "hello world".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/echo")) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", ex.getRequestMethod());
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders()
            .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
        echo.put("headers", headers);
        echo.put("body", new String(requestBody, StandardCharsets.UTF_8));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        send(ex, 200, JSON.writeValueAsBytes(echo));
      } else if (path.startsWith("/status/")) {
        int status = Integer.parseInt(path.substring("/status/".length()));
        send(ex, status, ("status " + status).getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/slow")) {
        Thread.sleep(5000);
        send(ex, 200, "late".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/redirect")) {
        ex.getResponseHeaders().add("Location", "/hello");
        send(ex, 302, new byte[0]);
      } else if (path.equals("/big")) {
        send(ex, 200, "x".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/binary")) {
        send(ex, 200, new byte[] {'o', 'k', (byte) 0xFF, (byte) 0xFE});
      } else {
        send(ex, 404, new byte[0]);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientWentAway) {
      // the client gave up (timeout tests): nothing to do
    } finally {
      ex.close();
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
