package dev.flarec.hostabi.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchUrlTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"https://api.example.com/x?y=1", "http://127.0.0.1:8080/", "HTTPS://Example.COM"})
  void accepted(String url) {
    assertEquals(url, FetchUrl.parse(url).orElseThrow().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/relative",
        "ftp://x.test/",
        "file:///etc/passwd",
        "https://",
        "https://api.example.com@evil.test/",
        "https://user:pw@x.test/",
        "https://x.test/a b",
        "javascript:alert(1)",
        "https://x.test/\r\nHost: y"
      })
  void refused(String url) {
    assertTrue(FetchUrl.parse(url).isEmpty(), url);
  }
}
