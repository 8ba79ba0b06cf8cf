package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flarec.hostabi.server.RunningServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge-ops example ({@code examples/edge-ops/edge_ops.c}, its committed {@code .wasm}) served
 * over HTTP: every encoding, hash, ID and clock result it reports comes from our host functions.
 */
class EdgeOpsExampleTest {
  private static final Path EDGE_OPS = Path.of("../examples/edge-ops/edge_ops.wasm");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  private JsonNode get(RunningServer server, String pathAndQuery) throws Exception {
    HttpResponse<String> r = server.get(pathAndQuery);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
    return JSON.readTree(r.body());
  }

  @Test
  void summarisesTheDefaultText() throws Exception {
    try (RunningServer server = RunningServer.start(RunningServer.flare(EDGE_OPS), data, "")) {
      Instant before = Instant.now();
      JsonNode s = get(server, "/");
      assertEquals("hello world", s.get("input").asText());
      assertEquals("aGVsbG8gd29ybGQ=", s.get("base64").asText());
      assertEquals("68656c6c6f20776f726c64", s.get("hex").asText());
      assertEquals("hello%20world", s.get("url").asText());
      assertEquals(
          "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
          s.get("sha256").asText());
      // BLAKE3("hello world"), as b3sum prints it
      assertEquals(
          "d74981efa70a0c880b8d8c1985d075dbcbf679b99a5f9914e5aaf96b831a9e24",
          s.get("blake3").asText());

      JsonNode ids = s.get("ids");
      assertTrue(
          ids.get("uuid_v4")
              .asText()
              .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
      assertTrue(
          ids.get("uuid_v7")
              .asText()
              .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
      assertTrue(ids.get("ulid").asText().matches("[0-9A-HJKMNP-TV-Z]{26}"));
      assertTrue(ids.get("nanoid").asText().matches("[A-Za-z0-9_-]{21}"));
      assertTrue(ids.get("ksuid").asText().matches("[0-9A-Za-z]{27}"));
      assertTrue(ids.get("snowflake").asText().matches("[1-9][0-9]*"));

      JsonNode time = s.get("time");
      long ms = Long.parseLong(time.get("ms").asText());
      assertTrue(Math.abs(ms - before.toEpochMilli()) < 60_000, "clock within a minute: " + ms);
      assertTrue(
          time.get("rfc3339").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
      assertTrue(
          time.get("http")
              .asText()
              .matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT"));
      assertTrue(s.get("random").asText().matches("[0-9a-f]{16}"));
    }
  }

  @Test
  void takesTheTextParameterDecodedByTheHost() throws Exception {
    try (RunningServer server = RunningServer.start(RunningServer.flare(EDGE_OPS), data, "")) {
      JsonNode s = get(server, "/?a=1&text=h%C3%A9llo%20%22w%22+x");
      assertEquals("héllo \"w\"+x", s.get("input").asText());
      assertEquals("h%C3%A9llo%20%22w%22%2Bx", s.get("url").asText());
      assertEquals("aMOpbGxvICJ3Iit4", s.get("base64").asText());

      JsonNode next = get(server, "/");
      assertNotEquals(s.get("ids").get("uuid_v4"), next.get("ids").get("uuid_v4"));
      assertTrue(
          Long.parseLong(next.get("ids").get("snowflake").asText())
              > Long.parseLong(s.get("ids").get("snowflake").asText()),
          "Snowflakes increase across requests");
    }
  }
}
