package dev.flarec.hostabi.invocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision 17, one row per case. */
class ResponseRulesTest {
  @ParameterizedTest(name = "status {0}: {1}")
  @CsvSource({"99, false", "100, true", "200, true", "599, true", "600, false", "-1, false"})
  void statuses(int status, boolean valid) {
    assertEquals(valid, ResponseRules.validStatus(status));
  }

  @ParameterizedTest(name = "name \"{0}\": {1}")
  @CsvSource({
    "X-Thing, true",
    "x_b.c~!#$%&'*+^`|, true",
    "Bad Name, false",
    "a:b, false",
    "'', false",
    "ü, false",
    "a/b, false"
  })
  void namesMustBeTokens(String name, boolean valid) {
    assertEquals(valid, ResponseRules.isToken(name));
  }

  @ParameterizedTest(name = "managed {0}: {1}")
  @CsvSource({
    "Content-Length, true",
    "TRANSFER-ENCODING, true",
    "connection, true",
    "Content-Type, false",
    "Connections, false",
    "Content-Lengti, false",
    "Connection-, false"
  })
  void managedHeaders(String name, boolean managed) {
    assertEquals(managed, ResponseRules.isManaged(name));
  }

  @org.junit.jupiter.api.Test
  void valuesMayNotBreakTheHeaderBlock() {
    assertEquals(true, ResponseRules.isValidValue("a b\tc é"));
    assertEquals(false, ResponseRules.isValidValue("a\r\nSet-Cookie: x"));
    assertEquals(false, ResponseRules.isValidValue("a\nb"));
    assertEquals(false, ResponseRules.isValidValue("a\0b"));
  }
}
