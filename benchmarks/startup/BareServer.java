import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The reference for cold-start.sh: a bare JVM answering "hello" on the JDK's HttpServer, with
 * nothing else loaded. Run as a single-file source program is not fair (that compiles first), so
 * cold-start.sh compiles it with javac once.
 */
public final class BareServer {
  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[0])), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }
}
