package dev.flarec.hostabi.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response JSON of flaron-abi.md §4.1 and decision 9. */
class BeamResponseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void exactShape() {
    BeamResponse r =
        BeamResponse.of(
            200,
            Map.of("Content-Type", List.of("text/plain")),
            "hello world".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "{\"status\":200,\"headers\":{\"content-type\":\"text/plain\"},\"body\":\"hello world\"}",
        new String(r.toJson(), StandardCharsets.UTF_8));
  }

  @Test
  void headersAreLowercasedJoinedAndPseudoHeadersDropped() {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    raw.put(":status", List.of("200"));
    raw.put("Set-Cookie", List.of("a=1", "b=2"));
    raw.put("set-cookie", List.of("c=3"));
    raw.put("X-Custom", List.of("v"));
    BeamResponse r = BeamResponse.of(201, raw, new byte[0]);
    assertEquals(Map.of("set-cookie", "a=1, b=2, c=3", "x-custom", "v"), r.headers());
  }

  @Test
  void bodyIsEscapedAndBinaryIsDecodedLossily() throws Exception {
    byte[] body = {'"', '\\', '\n', 'x', (byte) 0xFF, (byte) 0xC3, (byte) 0xA9};
    JsonNode n = JSON.readTree(BeamResponse.of(404, Map.of(), body).toJson());
    assertEquals(404, n.get("status").intValue());
    assertEquals(true, n.get("status").isInt(), "status is a bare integer");
    assertEquals("\"\\\nx\uFFFDé", n.get("body").textValue());
    assertEquals(0, n.get("headers").size());
  }
}
