package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
