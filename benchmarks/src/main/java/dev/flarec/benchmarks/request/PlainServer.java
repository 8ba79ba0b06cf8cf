package dev.flarec.benchmarks.request;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.flarec.hostabi.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * A plain {@link HttpHandler} answering what the {@code hello} (or {@code hash}) flare answers, on
 * the set-up the flare server uses (hostabi {@code FlareServer}, {@code ServerExecutors}): {@code
 * HttpServer.create} with the default backlog, one context at {@code /}, a virtual thread per
 * request where the JVM has them (Java 21 and later) and else a fixed pool of {@link
 * ServerConfig#defaultMaxInstances()} daemon threads, and the same headers, {@code X-Request-Id}
 * (16 random hex digits) included. What is left is the flare's own cost.
 *
 * <p>{@code hash} computes SHA-256 with the JDK's {@code MessageDigest} (CPU SHA instructions where
 * present); {@code hash-java} with SHA-256 written in Java as the flare writes it in C.
 *
 * <pre>java -cp ... dev.flarec.benchmarks.request.PlainServer hello|hash|hash-java PORT</pre>
 */
public final class PlainServer {
  private PlainServer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2
        || !(args[0].equals("hello") || args[0].equals("hash") || args[0].equals("hash-java"))) {
      System.err.println("usage: PlainServer hello|hash|hash-java PORT");
      System.exit(2);
    }
    String flare = args[0];
    HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[1])), 0);
    ExecutorService executor = executor();
    server.createContext("/", exchange -> handle(flare, exchange));
    server.setExecutor(executor);
    server.start();
    System.out.println(
        "plain "
            + flare
            + " handler serving on port "
            + server.getAddress().getPort()
            + (executor instanceof ThreadPoolExecutor
                ? " (platform threads)"
                : " (virtual threads)"));
    // the listener thread keeps the JVM alive; run.sh stops it with SIGTERM
  }

  /** The flare server's choice (hostabi {@code ServerExecutors}), made the same way. */
  private static ExecutorService executor() {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      // Java 17-20 (without preview): a fixed pool, as the flare server then has
    }
    return Executors.newFixedThreadPool(
        ServerConfig.defaultMaxInstances(),
        r -> {
          Thread t = new Thread(r, "plain-http");
          t.setDaemon(true);
          return t;
        });
  }

  private static void handle(String flare, HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes(); // as the flare server does: the body is read before the handler runs
    }
    String pathAndQuery =
        exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null
                ? ""
                : "?" + exchange.getRequestURI().getRawQuery());
    byte[] body =
        switch (flare) {
          case "hash" -> PlainHandlers.hashBody(pathAndQuery);
          case "hash-java" -> PlainHandlers.hashBodyInJava(pathAndQuery);
          default -> PlainHandlers.helloBody(exchange.getRequestMethod(), pathAndQuery);
        };
    exchange.getResponseHeaders().add("Content-Type", PlainHandlers.contentType(flare));
    if (flare.equals("hello")) {
      exchange.getResponseHeaders().add("X-Powered-By", "flarec");
    }
    exchange
        .getResponseHeaders()
        .add("X-Request-Id", String.format("%016x", ThreadLocalRandom.current().nextLong()));
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    exchange.close();
  }
}
