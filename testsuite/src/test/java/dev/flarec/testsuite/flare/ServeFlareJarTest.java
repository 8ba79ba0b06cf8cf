package dev.flarec.testsuite.flare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command, as a user runs it: {@code java -jar compiler/target/flarec.jar
 * examples/hello/hello.wasm -o hello.jar}, then {@code java -jar hello.jar}, a request, and
 * SIGTERM. Needs the complete flarec.jar, which the dist module assembles at {@code package}:
 * skipped under {@code mvn test}, run by {@code mvn verify}.
 */
class ServeFlareJarTest {
  private static final Path FLAREC = Path.of("../compiler/target/flarec.jar");
  private static final Path HELLO = Path.of("../examples/hello/hello.wasm");
  private static final Pattern SERVING = Pattern.compile("serving .*url=http://localhost:(\\d+)/");

  @TempDir Path dir;

  @Test
  void compilesHelloToAJarThatServesItAndStopsOnSigterm() throws Exception {
    Assumptions.assumeTrue(
        hasFlareHost(),
        "compiler/target/flarec.jar with the flare host is"
            + " assembled by the dist module at package time (mvn verify)");
    String java = ProcessHandle.current().info().command().orElse("java");
    Path jar = dir.resolve("hello.jar");
    Process compile =
        new ProcessBuilder(java, "-jar", FLAREC.toString(), HELLO.toString(), "-o", jar.toString())
            .redirectErrorStream(true)
            .start();
    String compileOutput =
        new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(compile.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, compile.exitValue(), compileOutput);

    Process server =
        new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    reader.start();
    try {
      int port = -1;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      StringBuilder seen = new StringBuilder();
      while (port < 0 && System.nanoTime() < until) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null) {
          seen.append(line).append('\n');
          Matcher m = SERVING.matcher(line);
          if (m.find()) {
            port = Integer.parseInt(m.group(1));
          }
        }
      }
      assertTrue(port > 0, "no serving line:\n" + seen);
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/world?x=1"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals("Hello from flarec! You sent GET /world?x=1\n", r.body());

      // SIGTERM through the handle: Process.destroy() would also close our end of its output
      server.toHandle().destroy();
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "stopped after SIGTERM");
      reader.join(5000);
      List<String> rest = List.copyOf(lines);
      assertTrue(
          rest.stream().anyMatch(l -> l.contains(" request ") && l.contains("status=200")),
          rest.toString());
      assertTrue(
          rest.stream().anyMatch(l -> l.contains(" stopped ")), "the last line is logged: " + rest);
    } finally {
      server.destroyForcibly();
    }
  }

  private static boolean hasFlareHost() throws IOException {
    if (!Files.isRegularFile(FLAREC)) {
      return false;
    }
    try (JarFile jar = new JarFile(FLAREC.toFile())) {
      return jar.getEntry("dev/flarec/compiler/jar/flare-host/META-INF/MANIFEST.MF") != null;
    }
  }
}
