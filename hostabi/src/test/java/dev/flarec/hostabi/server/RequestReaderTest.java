package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestReaderTest {
  /** The rule the hand-written check replaces, kept here as its specification. */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

  private static final List<String> HOSTS =
      List.of(
          "example.com",
          "example.com:8080",
          "127.0.0.1:18080",
          "a",
          "a-b.c",
          "[::1]",
          "[::1]:80",
          "[fe80::1:2.3.4.5]:65535",
          "",
          ":80",
          "example.com:",
          "example.com:123456",
          "example.com:8o",
          "exa mple.com",
          "example.com/evil",
          "evil@example.com",
          "[]",
          "[::1",
          "[::g]",
          "[::1]x",
          "[::1]:",
          "::1",
          "host:80:81",
          "h\r\nx: y",
          "é.example");

  @Test
  void theHostCheckAcceptsExactlyWhatItsRegularExpressionAccepts() {
    for (String host : HOSTS) {
      assertEquals(
          HOST.matcher(host).matches(), RequestReader.wellFormedHost(host), "host " + host);
    }
  }

  @Test
  void namesAddressesAndPortsPassAndInjectionsDoNot() {
    assertTrue(RequestReader.wellFormedHost("example.com:8080"));
    assertTrue(RequestReader.wellFormedHost("[::1]:80"));
    assertFalse(RequestReader.wellFormedHost("example.com/evil"));
    assertFalse(RequestReader.wellFormedHost("h\r\nx: y"));
  }

  @Test
  void requestsWithAndWithoutBodiesFollowEachOtherOnOneConnection() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String answer;
          try {
            var request = RequestReader.read(exchange, 1024);
            answer = request.method() + " " + new String(request.body(), StandardCharsets.UTF_8);
          } catch (RequestReader.BodyTooLarge e) {
            answer = "too large";
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      assertEquals("GET ", send(client, HttpRequest.newBuilder(uri).GET()));
      assertEquals(
          "POST abc",
          send(
              client,
              HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("abc"))));
      assertEquals("GET ", send(client, HttpRequest.newBuilder(uri).GET()));
      assertEquals(
          "POST ",
          send(client, HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())));
    } finally {
      server.stop(0);
    }
  }

  private static String send(HttpClient client, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
