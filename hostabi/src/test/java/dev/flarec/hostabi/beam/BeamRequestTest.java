package dev.flarec.hostabi.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Options JSON of flaron-abi.md §4.1 as the SDKs send it. */
class BeamRequestTest {
  private static BeamRequest parse(String json) {
    return BeamRequest.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{}",
        " { } ",
        "null",
        "{\"method\":\"\"}",
        "{\"method\":null,\"headers\":null,\"body\":null}"
      })
  void emptyOptionsMeanPlainGet(String json) {
    assertEquals(BeamRequest.GET, parse(json));
  }

  @Test
  void cSdkShape() {
    assertEquals("GET", parse("{\"method\":\"GET\"}").method());
  }

  @Test
  void assemblyScriptShapeWithBodyFirst() {
    BeamRequest r =
        parse(
            "{\"method\":\"POST\",\"body\":\"{\\\"k\\\":\\\"v\\\"}\","
                + "\"headers\":{\"content-type\":\"application/json\",\"x-original-ua\":\"a \\\"b\\\"\"}}");
    assertEquals("POST", r.method());
    assertEquals("{\"k\":\"v\"}", r.body());
    assertEquals(
        Map.of("content-type", "application/json", "x-original-ua", "a \"b\""), r.headers());
    assertEquals(List.of("content-type", "x-original-ua"), List.copyOf(r.headers().keySet()));
  }

  @Test
  void whitespaceUnicodeEscapesAndScalarHeaderValues() {
    BeamRequest r =
        parse("{ \"headers\" : { \"x-n\" : 5, \"x-u\" : \"\\u00e9\" } , \"body\" : \"\\n\" }");
    assertEquals("GET", r.method());
    assertEquals(Map.of("x-n", "5", "x-u", "é"), r.headers());
    assertEquals("\n", r.body());
  }

  @Test
  void noBodyIsNull() {
    assertNull(parse("{\"method\":\"DELETE\"}").body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "\"GET\"",
        "{\"method\":\"GE T\"}",
        "{\"method\":1}",
        "{\"body\":{\"a\":1}}",
        "{\"headers\":[]}",
        "{\"headers\":{\"a\":{}}}",
        "{\"method\":\"GET\"",
        "{\"method\":\"GET\",\"method\":\"POST\"}",
        "{} {}",
        "{\"method\":\"GET\"} x"
      })
  void malformedOptionsAreRejected(String json) {
    assertThrows(IllegalArgumentException.class, () -> parse(json), json);
  }
}
