package dev.flarec.testsuite.flare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
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

    try (ServerProcess server =
        ServerProcess.start(
            new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0")
                .directory(dir.toFile()))) {
      int port = server.awaitPort(SERVING);
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/world?x=1"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals("Hello from flarec! You sent GET /world?x=1\n", r.body());

      List<String> rest = server.stop();
      assertTrue(
          rest.stream().anyMatch(l -> l.contains(" request ") && l.contains("status=200")),
          rest.toString());
      assertTrue(
          rest.stream().anyMatch(l -> l.contains(" stopped ")), "the last line is logged: " + rest);
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
