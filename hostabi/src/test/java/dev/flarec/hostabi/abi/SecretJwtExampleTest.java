package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarec.hostabi.server.RunningServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secret-jwt example ({@code examples/secret-jwt/secret_jwt.c}) served over HTTP: the token
 * verifies with the configured secret, which the flare only named, and signing is refused when the
 * configuration does not allow the secret.
 */
class SecretJwtExampleTest {
  private static final Path SECRET_JWT = Path.of("../examples/secret-jwt/secret_jwt.wasm");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "a test secret that is long enough";

  @TempDir Path data;

  private String config(boolean allowed) throws Exception {
    Path secrets = data.resolve("secrets.toml");
    Files.writeString(secrets, "JWT_SECRET = \"" + SECRET + "\"\n");
    return "[flare]\n"
        + (allowed ? "allowed_secrets = [\"JWT_SECRET\"]\n" : "")
        + "[secrets]\nfile = \""
        + secrets.toString().replace("\\", "\\\\")
        + "\"\n";
  }

  private static String b64url(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Test
  void issuesATokenSignedWithTheConfiguredSecret() throws Exception {
    try (RunningServer server =
        RunningServer.start(RunningServer.flare(SECRET_JWT), data, config(true))) {
      long now = Instant.now().getEpochSecond();
      HttpResponse<String> r = server.get("/token?sub=user%2042");
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("no-store", r.headers().firstValue("cache-control").orElseThrow());
      JsonNode body = JSON.readTree(r.body());
      assertEquals(3600, body.get("expires_in").asInt());

      String[] parts = body.get("token").asText().split("\\.");
      assertEquals(3, parts.length);
      assertEquals(
          b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)), parts[0]);
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      assertEquals("user 42", claims.get("sub").asText());
      assertEquals("flarec-example", claims.get("iss").asText());
      assertTrue(claims.get("iat").isIntegralNumber(), "iat is a JSON number");
      assertTrue(Math.abs(claims.get("iat").asLong() - now) < 60);
      assertEquals(claims.get("iat").asLong() + 3600, claims.get("exp").asLong());

      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected =
          mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      assertEquals(b64url(expected), parts[2]);
    }
  }

  @Test
  void anonymousWhenNoSubjectIsGiven() throws Exception {
    try (RunningServer server =
        RunningServer.start(RunningServer.flare(SECRET_JWT), data, config(true))) {
      String token = JSON.readTree(server.get("/").body()).get("token").asText();
      assertEquals(
          "anonymous",
          JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText());
    }
  }

  @Test
  void refusesWhenTheSecretIsNotAllowed() throws Exception {
    try (RunningServer server =
        RunningServer.start(RunningServer.flare(SECRET_JWT), data, config(false))) {
      HttpResponse<String> r = server.get("/token");
      assertEquals(500, r.statusCode());
      assertEquals("{\"error\":\"token signing is not configured\"}\n", r.body());
    }
  }
}
